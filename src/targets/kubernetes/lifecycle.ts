/** Prepare and cleanup of one Kubernetes run: nodes chosen, namespace and pods created and Ready, all removed. */
import type { V1Node, V1Pod, V1Toleration } from '@kubernetes/client-node';
import type { Scenario } from '../../suite/model.js';
import { InfraError, UsageError } from '../../util/errors.js';
import { isNotFound } from './api-errors.js';
import { deleteCreatedResources } from './cleanup.js';
import { explainApiError, step } from './connection.js';
import { type LabelRequirement, parseLabelSelector } from './label-selector.js';
import { ROLE_LABEL, runSelector } from './names.js';
import { chooseNodes, type NodeChoice } from './node-choice.js';
import { buildNamespace, buildRunPods, HOSTNAME_LABEL, type PinnedNode } from './pod-spec.js';
import { waitForPodsReady } from './pod-wait.js';
import { describeCpuNeed, nodeCpuNeedMillis, planProfiles } from './profiles.js';
import { allOrFirstFailure, apiOf, type KubeRun } from './run-state.js';
import { parseTolerations } from './tolerations.js';

function checkpoint(run: KubeRun): void {
  if (run.closed) throw new InfraError('the Kubernetes target was cleaned up while it was being prepared');
}

async function pickNodes(
  run: KubeRun,
  tolerations: V1Toleration[],
  selector: LabelRequirement[],
): Promise<NodeChoice> {
  const { settings } = run;
  const api = apiOf(run);
  run.serverVersion = await step(api, 'asking for its version', () => api.serverVersion());
  const nodes = await step(api, 'listing nodes', () => api.listNodes());
  const reference = settings.hostNetworkReference;
  return chooseNodes({
    nodes,
    clientNode: settings.clientNode,
    serverNode: settings.serverNode,
    selectorText: settings.nodeSelector,
    selector,
    tolerations,
    needMillis: nodeCpuNeedMillis(run.profiles, reference),
    needText: describeCpuNeed(run.profiles, reference),
  });
}

async function createPods(run: KubeRun, pods: readonly V1Pod[]): Promise<void> {
  const api = apiOf(run);
  const { namespace } = run.created;
  for (const pod of pods) run.created.pods.push(pod.metadata?.name ?? '');
  const creates = pods.map((pod) => api.createPod(namespace, pod, run.runId));
  try {
    await allOrFirstFailure(creates);
  } catch (error) {
    if (!run.created.namespaceCreated && isNotFound(error)) {
      throw new UsageError(
        `Namespace '${namespace}' (--namespace) does not exist. Create it, or omit --namespace to get one per run.`,
      );
    }
    throw explainApiError(`creating pods in namespace ${namespace}`, error, api.server);
  }
}

function pinned(node: V1Node): PinnedNode {
  return { name: node.metadata?.name ?? '', hostname: node.metadata?.labels?.[HOSTNAME_LABEL] };
}

/** "server pod ns/name (node b)": how the wait names a pod in its error. */
function describePod(run: KubeRun, pods: readonly V1Pod[], name: string): string {
  const pod = pods.find((candidate) => candidate.metadata?.name === name);
  const role = pod?.metadata?.labels?.[ROLE_LABEL] ?? 'netperf-gate';
  const nodeName =
    pod?.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]
      ?.matchFields?.[0]?.values?.[0];
  return `${role} pod ${run.created.namespace}/${name}${nodeName ? ` (node ${nodeName})` : ''}`;
}

async function build(run: KubeRun, choice: NodeChoice, tolerations: V1Toleration[]): Promise<void> {
  const api = apiOf(run);
  const { settings, runId, created } = run;
  if (settings.namespace === undefined) {
    created.namespaceCreated = true; // recorded first: a lost answer still leaves it to delete
    const body = buildNamespace(runId, created.namespace, settings.hostNetworkReference);
    await step(api, `creating namespace ${created.namespace}`, () => api.createNamespace(body, runId));
  }
  checkpoint(run);
  const nodes = { client: pinned(choice.client), server: pinned(choice.server) };
  const base = { runId, namespace: created.namespace, image: settings.image, tolerations };
  const pods = buildRunPods(base, run.profiles, nodes, settings.hostNetworkReference);
  await createPods(run, pods);
  checkpoint(run);
  const ready = await waitForPodsReady({
    api,
    namespace: created.namespace,
    selector: runSelector(runId),
    podNames: created.pods,
    bounds: run.bounds,
    describe: (name) => describePod(run, pods, name),
  });
  for (const [name, pod] of ready) if (pod.status?.podIP) run.podIps.set(name, pod.status.podIP);
  checkpoint(run);
}

/**
 * Plans profiles, parses tolerations and the selector (usage errors before anything is created),
 * connects, chooses the nodes, then creates namespace and pods and waits until they are Ready. On
 * any failure it cleans up before rethrowing.
 */
export async function prepareRun(run: KubeRun, scenarios: readonly Scenario[]): Promise<void> {
  if (run.nodes !== undefined) throw new Error('a Kubernetes target can be prepared once');
  if (run.closed) throw new InfraError('the Kubernetes target was cleaned up before it was prepared');
  run.profiles = planProfiles(scenarios);
  const tolerations = parseTolerations(run.settings.tolerations);
  const selector = parseLabelSelector(run.settings.nodeSelector ?? '');
  const choice = await pickNodes(run, tolerations, selector);
  run.nodes = { client: choice.client, server: choice.server };
  run.log(`kubernetes: ${choice.why}`);
  try {
    await build(run, choice, tolerations);
    run.log(`kubernetes: ${run.created.pods.length} pods Ready in namespace ${run.created.namespace}`);
  } catch (error) {
    await cleanupRun(run);
    throw error;
  }
}

/** Deletes what the run created and waits (bounded) until it is gone. Idempotent; logs, never throws. */
export function cleanupRun(run: KubeRun): Promise<void> {
  run.closed = true;
  run.cleaning = run.cleaning.then(async () => {
    const { created } = run;
    if (run.api === undefined || (!created.namespaceCreated && created.pods.length === 0)) return;
    const deleted = await deleteCreatedResources(run.api, created, run.log, run.cleanupWaitMs);
    if (!deleted) return; // kept, so that a later cleanup (or the post step) tries again
    created.namespaceCreated = false;
    created.pods = [];
  });
  return run.cleaning;
}
