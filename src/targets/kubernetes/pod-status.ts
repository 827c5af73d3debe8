/** Reading a pod's status and events for the wait: pure, over objects as the API returns them. */
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';

/** Container waiting reasons that do not pass by themselves: the run fails at once on them. */
export const FATAL_WAITING_REASONS: ReadonlySet<string> = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

/**
 * Reasons a kubelet gives a pod it refuses to admit (phase Failed before any container ran): resource
 * fit at admission (OutOf…), the CPU manager (SMTAlignmentError under `full-pcpus-only`), the topology
 * manager, device plugins (UnexpectedAdmissionError), node affinity or a node shutting down.
 */
export const KUBELET_ADMISSION_REASONS: ReadonlySet<string> = new Set([
  'OutOfcpu',
  'OutOfmemory',
  'OutOfpods',
  'OutOfephemeral-storage',
  'SMTAlignmentError',
  'TopologyAffinityError',
  'UnexpectedAdmissionError',
  'NodeAffinity',
  'NodeShutdown',
  'Evicted',
]);

/** What kind of trouble, so the error can say what to check. */
export type PodTrouble = 'image' | 'container' | 'ended' | 'rejected' | 'unschedulable' | 'slow';

/** A pod that will not become Ready, and why. */
export interface PodProblem {
  trouble: PodTrouble;
  /** "ImagePullBackOff: Back-off pulling image …" */
  reason: string;
}

function withMessage(reason: string | undefined, message: string | undefined): string {
  const text = message?.split('\n')[0]?.trim();
  return text ? `${reason ?? 'unknown'}: ${text}` : (reason ?? 'unknown');
}

/** A reason the pod cannot become Ready by waiting (image, crash, ended), or undefined. */
export function podFailure(pod: V1Pod): PodProblem | undefined {
  const reason = pod.status?.reason;
  if (pod.status?.phase === 'Failed' && reason !== undefined && KUBELET_ADMISSION_REASONS.has(reason))
    return { trouble: 'rejected', reason: withMessage(reason, pod.status?.message) };
  for (const status of pod.status?.containerStatuses ?? []) {
    const waiting = status.state?.waiting;
    if (waiting?.reason !== undefined && FATAL_WAITING_REASONS.has(waiting.reason)) {
      const trouble = waiting.reason.includes('Image') ? 'image' : 'container';
      return { trouble, reason: withMessage(waiting.reason, waiting.message) };
    }
    const terminated = status.state?.terminated;
    if (terminated !== undefined) {
      const how = `container ${status.name} exited with code ${terminated.exitCode}`;
      return {
        trouble: 'container',
        reason: withMessage(
          terminated.reason ?? 'Terminated',
          `${how}${terminated.message ? ` (${terminated.message})` : ''}`,
        ),
      };
    }
  }
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') {
    return { trouble: 'ended', reason: withMessage(pod.status?.reason ?? phase, pod.status?.message) };
  }
  return undefined;
}

/** Running with its Ready condition True (for netserver: the TCP readiness probe passed). */
export function isPodReady(pod: V1Pod): boolean {
  if (pod.status?.phase !== 'Running') return false;
  return pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** The scheduler's "Unschedulable: 0/3 nodes are available: …", when it could not place the pod. */
export function unschedulableReason(pod: V1Pod): string | undefined {
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') return undefined;
  return withMessage(scheduled.reason, scheduled.message);
}

/** Where a pod that is not Ready yet stands: for the message when the wait runs out. */
export function pendingState(pod: V1Pod | undefined): string {
  if (pod === undefined) return 'not created';
  const unschedulable = unschedulableReason(pod);
  if (unschedulable !== undefined) return unschedulable;
  const waiting = pod.status?.containerStatuses?.find((status) => status.state?.waiting)?.state?.waiting;
  if (waiting !== undefined) return withMessage(waiting.reason ?? 'Waiting', waiting.message);
  const phase = pod.status?.phase ?? 'Pending';
  return phase === 'Running' ? 'Running, not Ready (netserver not accepting connections yet)' : phase;
}

function eventTime(event: CoreV1Event): number {
  const when =
    event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata?.creationTimestamp;
  return when === undefined ? 0 : new Date(when).getTime();
}

/** The latest event about a pod, as "Reason: message", or undefined when there is none. */
export function lastEventFor(events: readonly CoreV1Event[], podName: string): string | undefined {
  const mine = events.filter((e) => e.involvedObject?.kind === 'Pod' && e.involvedObject.name === podName);
  const latest = mine.reduce<CoreV1Event | undefined>(
    (last, e) => (last === undefined || eventTime(e) >= eventTime(last) ? e : last),
    undefined,
  );
  return latest === undefined ? undefined : withMessage(latest.reason, latest.message);
}

/** What to check for each kind of trouble. */
export function troubleHint(trouble: PodTrouble, namespace: string, pod: string): string {
  switch (trouble) {
    case 'image':
      return 'check --image and that the nodes can pull it (registry access, pull secrets)';
    case 'container':
    case 'ended':
      return `check \`kubectl -n ${namespace} logs ${pod}\` (is netperf/netserver in the image, can it run as a non-root user?)`;
    case 'rejected':
      return `the node's kubelet refused the pod: check its CPU and topology manager policies and what else runs there (\`kubectl describe node\`; SMTAlignmentError: full-pcpus-only wants whole physical cores, an even CPU count on SMT nodes), or choose other nodes`;
    case 'unschedulable':
      return "check the node's allocatable CPU and memory, its taints (--toleration) and other pods on it";
    case 'slow':
      return `check \`kubectl -n ${namespace} describe pod ${pod}\` and the node's kubelet`;
  }
}
