/**
 * Creating a fleet's pods and waiting until they are Ready: creates at most
 * {@link FLEET_CREATES_IN_FLIGHT} at a time (a 100-node fleet has 400+ pods; an API server's
 * max-in-flight and client-side rate limits are shared with everyone else), then ONE list and watch of
 * the run's label selector for all of them (pod-wait.ts), never polling pod by pod.
 */
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { buildFleetPods, FLEET_NODE_LABEL } from './fleet-pods.js';
import { pinned } from './lifecycle.js';
import { ROLE_LABEL, runSelector } from './names.js';
import { pickPodAddress } from './pod-address.js';
import { waitForPodsReady } from './pod-wait.js';
import { checkpoint, explainCreateFailure } from './profile-switch.js';
import { dropRefusedReference } from './reference-admission.js';
import { apiOf, type KubeRun } from './run-state.js';

/** Pod creates sent at once: enough to start a fleet in seconds, few enough not to flood the API server. */
export const FLEET_CREATES_IN_FLIGHT = 8;

/**
 * Runs `task` over every item with at most `limit` running at once; resolves with every outcome, in
 * the items' order, once all have ended (none is left running).
 */
export async function settleBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < items.length; at = next++) {
      try {
        outcomes[at] = { status: 'fulfilled', value: await task(items[at] as T) };
      } catch (reason) {
        outcomes[at] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}

function firstFailure(outcomes: readonly PromiseSettledResult<unknown>[]): unknown {
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  return failed === undefined ? undefined : (failed as PromiseRejectedResult).reason;
}

/**
 * Creates the pods (names recorded before any create is sent), bounded; the reference pods after the
 * measured ones. A reference refused by Pod Security is dropped with one line (reference-admission.ts);
 * any other failure throws. Resolves with the pods to wait for.
 */
async function createFleetPods(run: KubeRun, nodes: readonly V1Node[]): Promise<V1Pod[]> {
  const base = {
    runId: run.runId,
    namespace: run.created.namespace,
    image: run.settings.image,
    tolerations: run.tolerations,
  };
  const { pods, referencePods } = buildFleetPods(base, run.profiles, nodes.map(pinned), run.reference.on);
  const all = [...pods, ...referencePods];
  for (const pod of all) run.created.pods.push(pod.metadata?.name ?? '');
  const api = apiOf(run);
  const outcomes = await settleBounded(all, FLEET_CREATES_IN_FLIGHT, (pod) =>
    run.closed ? Promise.resolve(pod) : api.createPod(run.created.namespace, pod, run.runId),
  );
  const podFailure = firstFailure(outcomes.slice(0, pods.length));
  if (podFailure !== undefined) throw explainCreateFailure(run, podFailure);
  const referenceFailure = firstFailure(outcomes.slice(pods.length));
  if (referenceFailure === undefined) return all;
  if (await dropRefusedReference(run, referencePods, referenceFailure)) return pods;
  throw explainCreateFailure(run, referenceFailure);
}

/** "server pod ns/name (node b)": how the wait names a pod in its error. */
function describePod(run: KubeRun, pods: readonly V1Pod[], nodes: readonly V1Node[], name: string): string {
  const pod = pods.find((candidate) => candidate.metadata?.name === name);
  const role = pod?.metadata?.labels?.[ROLE_LABEL] ?? 'netperf-gate';
  const index = Number(pod?.metadata?.labels?.[FLEET_NODE_LABEL]?.slice(1));
  const node = nodes[index]?.metadata?.name;
  return `${role} pod ${run.created.namespace}/${name}${node ? ` (node ${node})` : ''}`;
}

/**
 * Creates every pod of the fleet on `nodes` and waits (one watch, bounded by `run.bounds`) until all are
 * Ready; records their IPs in `run.podIps`. One-line errors; what was created is left to cleanup.
 */
export async function startFleetPods(run: KubeRun, nodes: readonly V1Node[]): Promise<void> {
  const startedMs = Date.now();
  const pods = await createFleetPods(run, nodes);
  checkpoint(run);
  const ready = await waitForPodsReady({
    api: apiOf(run),
    namespace: run.created.namespace,
    selector: runSelector(run.runId),
    podNames: pods.map((pod) => pod.metadata?.name ?? ''),
    bounds: run.bounds,
    describe: (name) => describePod(run, pods, nodes, name),
  });
  checkpoint(run);
  for (const [name, pod] of ready) {
    const address = pickPodAddress(pod, run.settings.ipFamily);
    if (address !== undefined) run.podIps.set(name, address);
  }
  const seconds = ((Date.now() - startedMs) / 1000).toFixed(1);
  run.log(
    `kubernetes: ${pods.length} fleet pods on ${nodes.length} nodes Ready in namespace ${run.created.namespace} (${seconds} s)`,
  );
}
