/** Pure pieces of pod status: conditions, container statuses, QoS class, CPU requests and limits. */
import { timestamp } from './meta.js';
import { cpuMilli } from './quantity.js';
import type {
  ContainerState,
  ContainerStatus,
  PodCondition,
  PodObject,
  PodSpec,
  PodStatus,
} from './types.js';

/** The order the kubelet lists pod conditions in. */
const CONDITION_ORDER = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

/** Guaranteed when every container has cpu and memory limits equal to its requests; BestEffort when none has any. */
export function qosClassOf(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = spec.containers ?? [];
  const any = containers.some(
    (c) =>
      Object.keys(c.resources?.limits ?? {}).length + Object.keys(c.resources?.requests ?? {}).length > 0,
  );
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) =>
    ['cpu', 'memory'].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && request === limit;
    }),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** Sum of the containers' CPU requests (after defaulting from limits), in millicores. */
export function cpuRequestMilli(spec: PodSpec): number {
  return spec.containers.reduce((sum, c) => sum + (cpuMilli(c.resources?.requests?.cpu) ?? 0), 0);
}

/** CPU limit of a container in millicores, or undefined when it has none. */
export function cpuLimitMilli(spec: PodSpec, containerName?: string): number | undefined {
  const container = spec.containers.find((c) => c.name === containerName) ?? spec.containers[0];
  return cpuMilli(container?.resources?.limits?.cpu);
}

/** Sets a condition, keeping lastTransitionTime when its status does not change. */
export function setCondition(
  status: PodStatus,
  type: string,
  value: PodCondition['status'],
  reason?: string,
  message?: string,
): void {
  const conditions = status.conditions ?? [];
  const old = conditions.find((c) => c.type === type);
  const next: PodCondition = {
    type,
    status: value,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === value ? old.lastTransitionTime : timestamp(),
  };
  if (reason) next.reason = reason;
  if (message) next.message = message;
  const rest = conditions.filter((c) => c.type !== type);
  status.conditions = [...rest, next].sort(
    (a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type),
  );
}

/** Sets Ready and ContainersReady (with ContainersNotReady / PodCompleted reasons when false). */
export function setReadiness(pod: PodObject, ready: boolean, completed = false): void {
  const names = pod.spec.containers.map((c) => c.name).join(' ');
  for (const type of ['Ready', 'ContainersReady']) {
    if (ready) setCondition(pod.status, type, 'True');
    else if (completed) setCondition(pod.status, type, 'False', 'PodCompleted');
    else
      setCondition(
        pod.status,
        type,
        'False',
        'ContainersNotReady',
        `containers with unready status: [${names}]`,
      );
  }
}

/** What the kubelet knows about one container. */
export interface ContainerFacts {
  state: ContainerState;
  lastState?: ContainerState;
  restartCount: number;
  containerID?: string;
  /** Whether its startup probe passed; by default, whether it runs (no probe). */
  started?: boolean;
  /** Whether it is started and its readiness probe passed; by default, whether it runs (no probe). */
  ready?: boolean;
}

/** Sets `status.containerStatuses` for the pod's container (the simulator runs one per pod). */
export function setContainerStatus(pod: PodObject, facts: ContainerFacts): void {
  const container = pod.spec.containers[0];
  if (!container) return;
  const running = facts.state.running !== undefined;
  const status: ContainerStatus = {
    name: container.name,
    image: container.image,
    imageID: `${container.image.split('@')[0]}@sha256:${'0'.repeat(64)}`,
    ready: running && (facts.ready ?? true),
    started: running && (facts.started ?? true),
    restartCount: facts.restartCount,
    state: facts.state,
    lastState: facts.lastState ?? {},
  };
  if (facts.containerID) status.containerID = facts.containerID;
  pod.status.containerStatuses = [status];
}

/** Reason and exit code of a finished container as the kubelet reports them. */
export function terminatedReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error';
}
