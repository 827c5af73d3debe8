/**
 * CPU already requested on each node, counted as the scheduler counts it (NodeResourcesFit): pure,
 * over pods as the API returns them.
 */
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { parseCpuMillis } from './node-choice.js';

/**
 * The field selector for pods that hold their requests: the scheduler counts every pod bound to a
 * node until it has finished (Pending ones included: their CPU is reserved once bound).
 */
export const NON_TERMINAL_PODS = 'status.phase!=Succeeded,status.phase!=Failed';

/** CPU request of a container in millicores: `requests.cpu`, else `limits.cpu` (the API server's default), else 0. */
function containerMillis(container: V1Container): number {
  const resources = container.resources;
  const millis = parseCpuMillis(resources?.requests?.cpu ?? resources?.limits?.cpu);
  return Number.isNaN(millis) ? 0 : millis;
}

/**
 * A pod's effective CPU request: the larger of its containers (plus sidecar init containers, those with
 * `restartPolicy: Always`, which run beside them) and the largest init container at its step (plus the
 * sidecars started before it), then the pod overhead (RuntimeClass).
 */
export function podCpuRequestMillis(pod: V1Pod): number {
  const spec = pod.spec;
  const containers = (spec?.containers ?? []).reduce((sum, c) => sum + containerMillis(c), 0);
  let sidecars = 0;
  let initPeak = 0;
  for (const init of spec?.initContainers ?? []) {
    const millis = containerMillis(init);
    if (init.restartPolicy === 'Always') {
      sidecars += millis;
      initPeak = Math.max(initPeak, sidecars);
    } else initPeak = Math.max(initPeak, millis + sidecars);
  }
  const overhead = parseCpuMillis(spec?.overhead?.cpu);
  return Math.max(containers + sidecars, initPeak) + (Number.isNaN(overhead) ? 0 : overhead);
}

/** Whether a pod still holds its node's CPU: bound to one and not Succeeded or Failed. */
export function holdsCpu(pod: V1Pod): boolean {
  const phase = pod.status?.phase;
  return pod.spec?.nodeName !== undefined && phase !== 'Succeeded' && phase !== 'Failed';
}

/** CPU requested per node name, in millicores, by the pods that hold CPU. */
export function requestedMillisByNode(pods: readonly V1Pod[]): Map<string, number> {
  const requested = new Map<string, number>();
  for (const pod of pods) {
    const node = pod.spec?.nodeName;
    if (node === undefined || !holdsCpu(pod)) continue;
    requested.set(node, (requested.get(node) ?? 0) + podCpuRequestMillis(pod));
  }
  return requested;
}
