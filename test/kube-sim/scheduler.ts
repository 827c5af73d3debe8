/**
 * The scheduler, reduced to what decides pod placement here: node Ready/unschedulable, nodeSelector and
 * required node affinity, NoSchedule/NoExecute taints against tolerations, and CPU requests against
 * allocatable minus what the node's pods already request. Pure. Preferred node affinity and pod
 * (anti-)affinity are not evaluated.
 */
import { matchesRequiredNodeAffinity } from './node-affinity.js';
import { cpuRequestMilli } from './pod-status.js';
import { cpuMilli } from './quantity.js';
import type { NodeObject, PodObject, Taint, Toleration } from './types.js';

/** A node and what is already placed on it. */
export interface NodeCandidate {
  node: NodeObject;
  /** Sum of CPU requests of the pods on it that have not finished, in millicores. */
  requestedMilli: number;
}

/** The outcome: a node, or the FailedScheduling message. */
export type ScheduleResult = { nodeName: string } | { message: string };

/** Whether a toleration tolerates a taint (Exists with no key tolerates everything). */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
  return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
}

function untoleratedTaint(pod: PodObject, node: NodeObject): Taint | undefined {
  return (node.spec.taints ?? []).find(
    (taint) =>
      taint.effect !== 'PreferNoSchedule' && !(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint)),
  );
}

/**
 * Why `pod` cannot go to this node (the scheduler's wording), or undefined when it fits. The checks go
 * in the default Filter plugins' order (NodeUnschedulable, TaintToleration, NodeAffinity,
 * NodeResourcesFit): the first that fails names the node's reason.
 */
export function misfit(pod: PodObject, candidate: NodeCandidate): string | undefined {
  const { node } = candidate;
  if (node.spec.unschedulable) return 'node(s) were unschedulable';
  const taint = untoleratedTaint(pod, node);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  const selector = pod.spec.nodeSelector ?? {};
  const labels = node.metadata.labels ?? {};
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v) || !matchesRequiredNodeAffinity(pod, node)) {
    return "node(s) didn't match Pod's node affinity/selector";
  }
  const allocatable = cpuMilli(node.status.allocatable.cpu) ?? 0;
  if (candidate.requestedMilli + cpuRequestMilli(pod.spec) > allocatable) return 'Insufficient cpu';
  return undefined;
}

/** The scheduler's message: `0/2 nodes are available: 2 Insufficient cpu. preemption: …`. */
export function failedSchedulingMessage(reasons: string[], nodeCount: number): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, count]) => `${count} ${reason}`).sort();
  return (
    `0/${nodeCount} nodes are available: ${parts.join(', ')}. ` +
    `preemption: 0/${nodeCount} nodes are available: ${nodeCount} Preemption is not helpful for scheduling.`
  );
}

/** Picks the fitting node with the least CPU requested (ties: the first), or says why none fits. */
export function schedule(pod: PodObject, candidates: NodeCandidate[]): ScheduleResult {
  const reasons: string[] = [];
  let best: NodeCandidate | undefined;
  for (const candidate of candidates) {
    const why = misfit(pod, candidate);
    if (why) reasons.push(why);
    else if (!best || candidate.requestedMilli < best.requestedMilli) best = candidate;
  }
  if (best) return { nodeName: best.node.metadata.name };
  return { message: failedSchedulingMessage(reasons, candidates.length) };
}
