/**
 * A kubelet refusing to admit a pod: phase Failed with the refusal's reason and message, and a Warning
 * event of the same reason, before any container runs (what `kubectl describe pod` shows for OutOfcpu,
 * SMTAlignmentError, UnexpectedAdmissionError or TopologyAffinityError).
 */
import type { EventRecorder } from './events.js';
import type { Fault } from './faults.js';
import type { ObjectStore } from './store.js';
import type { NodeObject, PodObject } from './types.js';

/** What a real kubelet says for each refusal a fault can ask for (its wording, with this pod's figures). */
export function kubeletRefusalMessage(fault: Extract<Fault, { kind: 'kubelet-admission' }>): string {
  if (fault.message !== undefined) return fault.message;
  switch (fault.reason) {
    case 'SMTAlignmentError':
      return 'SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2';
    case 'TopologyAffinityError':
      return 'Resources cannot be allocated with Topology locality';
    case 'OutOfcpu':
      return "Pod was rejected: Node didn't have enough resource: cpu";
    case 'UnexpectedAdmissionError':
      return 'Allocate failed due to no healthy devices present; cannot allocate unhealthy devices cpu, which is unexpected';
  }
}

/** Marks the pod Failed with `reason` and `message` and records the event; the caller starts nothing. */
export function rejectPod(
  deps: { store: ObjectStore; events: EventRecorder },
  pod: PodObject,
  node: NodeObject,
  reason: string,
  message: string,
): void {
  const stored = deps.store.modify<PodObject>('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
    p.status.phase = 'Failed';
    p.status.reason = reason;
    p.status.message = message;
  });
  if (stored)
    deps.events.record(stored, 'Warning', reason, message, {
      component: 'kubelet',
      host: node.metadata.name,
    });
}
