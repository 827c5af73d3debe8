/**
 * The `kubernetes` target: a netserver pod per CPU profile on one node, a client pod per profile on
 * another, netperf exec'd in the client pods; optionally the same pairs on the host network (Cilium's
 * node-to-node reference). create.ts imports this module lazily, so client-node loads only here.
 */
import { randomBytes } from 'node:crypto';
import type { V1Pod } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import type { Scenario } from '../../suite/model.js';
import { formatError } from '../../util/errors.js';
import { parseNetperfVersion } from '../local/fingerprint.js';
import type { ProcessOutput, ServerEndpoint, Target, TargetFingerprint } from '../target.js';
import { CLEANUP_WAIT_TIMEOUT_MS, deleteCreatedResources } from './cleanup.js';
import { createKubeApi } from './client.js';
import { loadKubeConfig } from './connection.js';
import { buildKubernetesFingerprint, CNI_NAMESPACES, type CniFacts, detectCni } from './fingerprint.js';
import type { KubeApi } from './kube-api.js';
import { cleanupRun, prepareRun } from './lifecycle.js';
import { checkRunId, namespaceFor, type PodNetwork, podName } from './names.js';
import { CLIENT_CONTAINER, netserverPort } from './pod-spec.js';
import { POD_READY_TIMEOUT_MS, POD_UNSCHEDULABLE_TIMEOUT_MS, type WaitBounds } from './pod-wait.js';
import { profileFor } from './profiles.js';
import { normaliseSettings } from './settings.js';
import { allOrFirstFailure, apiOf, type CreatedResources, type KubeRun, newKubeRun } from './run-state.js';

export type { CreatedResources } from './run-state.js';
export { normaliseSettings } from './settings.js';

/** Time a netperf exec may take beyond its `-l` duration (start-up, control connection, CPU measurement). */
export const NETPERF_TIMEOUT_MARGIN_MS = 30_000;
/** Bound for `netperf -V`. */
export const NETPERF_VERSION_TIMEOUT_MS = 15_000;

/** The Kubernetes target: the Target interface plus the host-network reference and what it created. */
export interface KubernetesTarget extends Target {
  readonly kind: 'kubernetes';
  /** Id in the names and labels of everything this run creates. */
  readonly runId: string;
  /** What the run has created and not yet deleted (for the action's post step). */
  createdResources(): CreatedResources;
  /** Where the host-network netserver of this scenario's profile listens (needs hostNetworkReference). */
  referenceEndpoint(scenario: Scenario): ServerEndpoint;
  /** Like runNetperf, in the host-network client pod: the node-to-node reference (needs hostNetworkReference). */
  runReferenceNetperf(scenario: Scenario, argvs: readonly (readonly string[])[]): Promise<ProcessOutput[]>;
}

/** What the target does its I/O with; tests swap them. */
export interface KubernetesTargetDeps {
  log: (line: string) => void;
  /** The API; default: client-node on the kubeconfig the settings name. */
  api?: KubeApi;
  /** Run id (lowercase letters and digits); default: random. */
  runId?: string;
  /** Bounds of the wait for Ready pods; default {@link POD_READY_TIMEOUT_MS}, {@link POD_UNSCHEDULABLE_TIMEOUT_MS}. */
  bounds?: WaitBounds;
  /** Bound for cleanup to see everything gone; default {@link CLEANUP_WAIT_TIMEOUT_MS}. */
  cleanupWaitMs?: number;
}

/** A random run id: a letter, then 7 base-36 characters (lowercase: it ends up in DNS names). */
export function newRunId(): string {
  const digits = [...randomBytes(7)].map((byte) => (byte % 36).toString(36)).join('');
  return `r${digits}`;
}

/** Creates the Kubernetes target; nothing is sent to the cluster until `prepare`. */
export function createKubernetesTarget(
  given: KubernetesSettings,
  deps: KubernetesTargetDeps,
): KubernetesTarget {
  const settings = normaliseSettings(given);
  const runId = checkRunId(deps.runId ?? newRunId());
  const run = newKubeRun(
    {
      settings,
      runId,
      log: deps.log,
      bounds: deps.bounds ?? { readyMs: POD_READY_TIMEOUT_MS, unschedulableMs: POD_UNSCHEDULABLE_TIMEOUT_MS },
      cleanupWaitMs: deps.cleanupWaitMs ?? CLEANUP_WAIT_TIMEOUT_MS,
      connect: () => deps.api ?? createKubeApi(loadKubeConfig(settings)),
    },
    settings.namespace ?? namespaceFor(runId),
  );
  return {
    kind: 'kubernetes',
    runId,
    prepare: (scenarios) => prepareRun(run, scenarios),
    endpoint: (scenario) => endpointOf(run, scenario, 'pod'),
    runNetperf: (scenario, argvs) => runNetperf(run, scenario, argvs, 'pod'),
    referenceEndpoint: (scenario) => endpointOf(requireReference(run), scenario, 'host'),
    runReferenceNetperf: (scenario, argvs) => runNetperf(requireReference(run), scenario, argvs, 'host'),
    fingerprint: () => fingerprint(run),
    cleanup: () => cleanupRun(run),
    createdResources: () => ({ ...run.created, pods: [...run.created.pods] }),
  };
}

function requireReference(run: KubeRun): KubeRun {
  if (!run.settings.hostNetworkReference) {
    throw new Error(
      'the host-network reference was not prepared: it needs hostNetworkReference in the settings',
    );
  }
  return run;
}

function endpointOf(run: KubeRun, scenario: Scenario, network: PodNetwork): ServerEndpoint {
  const profile = profileFor(run.profiles, scenario);
  const name = podName(run.runId, 'server', profile.key, network);
  const host = run.podIps.get(name);
  if (host === undefined) throw new Error(`pod ${name} has no IP: the target was not prepared`);
  return { host, port: netserverPort(profile, network) };
}

/** Starts every exec before awaiting any, so the netperf processes overlap; each is bounded. */
function runNetperf(
  run: KubeRun,
  scenario: Scenario,
  argvs: readonly (readonly string[])[],
  network: PodNetwork,
): Promise<ProcessOutput[]> {
  const client = podName(run.runId, 'client', profileFor(run.profiles, scenario).key, network);
  const timeoutMs = scenario.durationSeconds * 1000 + NETPERF_TIMEOUT_MARGIN_MS;
  const api = apiOf(run);
  const { namespace } = run.created;
  return allOrFirstFailure(
    argvs.map((argv) => api.exec(namespace, client, CLIENT_CONTAINER, ['netperf', ...argv], timeoutMs)),
  );
}

/** The CNI from agent pods in the usual namespaces; a namespace we may not list (403) or that is absent is skipped. */
async function findCni(api: KubeApi): Promise<CniFacts | undefined> {
  for (const namespace of CNI_NAMESPACES) {
    const pods: V1Pod[] = await api.listPods(namespace).then(
      (list) => list.pods,
      () => [],
    );
    const cni = detectCni(pods);
    if (cni !== undefined) return cni;
  }
  return undefined;
}

async function fingerprint(run: KubeRun): Promise<TargetFingerprint> {
  const api = apiOf(run);
  const profile = run.profiles[0];
  if (run.nodes === undefined || profile === undefined)
    throw new Error('fingerprint needs a prepared target');
  const client = podName(run.runId, 'client', profile.key, 'pod');
  // Best effort: the measurements are done by now and must not be lost over a version string.
  const version = await api
    .exec(run.created.namespace, client, CLIENT_CONTAINER, ['netperf', '-V'], NETPERF_VERSION_TIMEOUT_MS)
    .catch((error: unknown) => {
      run.log(
        `kubernetes: netperf -V in pod ${client} failed (${formatError(error)}); version recorded as unknown`,
      );
      return { stdout: 'unknown', stderr: '', exitCode: null };
    });
  return buildKubernetesFingerprint({
    ...run.nodes,
    serverVersion: run.serverVersion ?? 'unknown',
    cni: await findCni(api),
    image: run.settings.image,
    netperfVersion: parseNetperfVersion(version.stdout),
  });
}

/**
 * Deletes what an earlier run recorded with `createdResources()` (the action's post step, after the
 * main step was killed). Logs, never throws; resolves true when the deletes were accepted.
 */
export async function deleteRecordedResources(
  settings: Pick<KubernetesSettings, 'kubeconfigPath' | 'context'>,
  resources: CreatedResources,
  log: (line: string) => void,
): Promise<boolean> {
  if (!resources.namespaceCreated && resources.pods.length === 0) return true;
  try {
    return await deleteCreatedResources(createKubeApi(loadKubeConfig(settings)), resources, log);
  } catch (error) {
    log(`cleanup: could not connect to delete run ${resources.runId}: ${formatError(error)}`);
    return false;
  }
}
