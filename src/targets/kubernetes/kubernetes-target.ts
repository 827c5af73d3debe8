/**
 * The `kubernetes` target: a netserver pod on one node and a client pod on another, sized for the CPU
 * profile in use (one profile's pods at a time, switched per scenario), netperf exec'd in the client
 * pod; beside it, unless turned off or forbidden by Pod Security, a small host-network pair (Cilium's
 * node-to-node reference), measured while the pod pair is idle. create.ts
 * imports this module lazily, so client-node loads only here.
 */
import { randomBytes } from 'node:crypto';
import type { V1Pod } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import type { Scenario } from '../../suite/model.js';
import { formatError } from '../../util/errors.js';
import type { NetperfPair, ProcessOutput, ServerEndpoint, Target, TargetFingerprint } from '../target.js';
import { CLEANUP_WAIT_TIMEOUT_MS, deleteCreatedResources } from './cleanup.js';
import { createKubeApi } from './client.js';
import { loadKubeConfig } from './connection.js';
import { buildKubernetesFingerprint, CNI_NAMESPACES, type CniFacts, detectCni } from './fingerprint.js';
import type { KubeApi } from './kube-api.js';
import { cleanupRun, prepareRun } from './lifecycle.js';
import { checkRunId, namespaceFor } from './names.js';
import { endpointOf, netperfVersion, runNetperf } from './netperf-run.js';
import { POD_READY_TIMEOUT_MS, POD_UNSCHEDULABLE_TIMEOUT_MS, type WaitBounds } from './pod-wait.js';
import { switchProfile } from './profile-switch.js';
import { profileFor } from './profiles.js';
import { describeReference } from './reference.js';
import { apiOf, type CreatedResources, type KubeRun, newKubeRun } from './run-state.js';
import { normaliseSettings } from './settings.js';

export { NETPERF_TIMEOUT_MARGIN_MS, NETPERF_VERSION_TIMEOUT_MS } from './netperf-run.js';
export type { CreatedResources } from './run-state.js';
export { normaliseSettings } from './settings.js';

/** The Kubernetes target: the Target interface plus the host-network reference and what it created. */
export interface KubernetesTarget extends Target {
  readonly kind: 'kubernetes';
  /** Switches to the scenario's CPU profile: one profile's pods at a time (see profile-switch.ts). */
  useProfile(scenario: Scenario): Promise<void>;
  /** Id in the names and labels of everything this run creates. */
  readonly runId: string;
  /** What the run has created and not yet deleted (for the action's post step). */
  createdResources(): CreatedResources;
  /** Where the host-network netserver of this scenario's profile listens (needs the reference on). */
  referenceEndpoint(scenario: Scenario): ServerEndpoint;
  /** Like runNetperf, in the host-network client pod: the node-to-node reference (needs the reference on). */
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

/**
 * A run of these (normalised) settings that has created nothing yet, with the deps' API, bounds and
 * cleanup wait or their defaults: how both Kubernetes targets, the pair and the fleet, start.
 */
export function newRunOf(settings: KubernetesSettings, runId: string, deps: KubernetesTargetDeps): KubeRun {
  return newKubeRun(
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
  const run = newRunOf(settings, checkRunId(deps.runId ?? newRunId()), deps);
  const referenceEndpoint = (scenario: Scenario) => endpointOf(requireReference(run), scenario, 'host');
  const runReferenceNetperf: KubernetesTarget['runReferenceNetperf'] = (scenario, argvs) =>
    runNetperf(requireReference(run), scenario, argvs, 'host');
  const referencePair: NetperfPair = { endpoint: referenceEndpoint, runNetperf: runReferenceNetperf };
  return {
    kind: 'kubernetes',
    runId: run.runId,
    prepare: (scenarios) => prepareRun(run, scenarios),
    useProfile: (scenario) => switchProfile(run, profileFor(run.profiles, scenario)),
    endpoint: (scenario) => endpointOf(run, scenario, 'pod'),
    runNetperf: (scenario, argvs) => runNetperf(run, scenario, argvs, 'pod'),
    // A getter: prepare may turn the reference off (Pod Security), and the runner reads it after.
    get reference() {
      return run.reference.on ? referencePair : undefined;
    },
    referenceEndpoint,
    runReferenceNetperf,
    fingerprint: () => fingerprint(run),
    cleanup: () => cleanupRun(run),
    createdResources: () => ({ ...run.created, pods: [...run.created.pods] }),
  };
}

function requireReference(run: KubeRun): KubeRun {
  if (!run.reference.on) {
    throw new Error(`the host-network reference was not prepared: it is ${describeReference(run.reference)}`);
  }
  return run;
}

/**
 * The CNI from agent pods in all the usual namespaces (chained CNIs may run in different ones); a
 * namespace we may not list (403) or that is absent is skipped.
 */
export async function findCni(api: KubeApi): Promise<CniFacts | undefined> {
  const lists = await Promise.all(
    CNI_NAMESPACES.map((namespace) =>
      api.listPods(namespace).then(
        (list) => list.pods,
        (): V1Pod[] => [],
      ),
    ),
  );
  return detectCni(lists.flat());
}

async function fingerprint(run: KubeRun): Promise<TargetFingerprint> {
  if (run.nodes === undefined) throw new Error('fingerprint needs a prepared target');
  const api = apiOf(run);
  return buildKubernetesFingerprint({
    ...run.nodes,
    serverVersion: run.serverVersion ?? 'unknown',
    cni: await findCni(api),
    image: run.settings.image,
    netperfVersion: await netperfVersion(run),
    reference: describeReference(run.reference),
    cpuPinning: [...run.cpuPinning.values()],
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
