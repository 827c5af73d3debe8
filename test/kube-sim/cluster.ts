/**
 * The control plane behind the API: the store, the scheduler loop, the node lifecycle (NotReady faults),
 * pod deletion and the namespace controller, wired to the kubelets.
 */
import { EventRecorder } from './events.js';
import type { FaultBook } from './faults.js';
import { activePodsOn, type KubeletDeps, Kubelets } from './kubelet.js';
import { newUid, timestamp } from './meta.js';
import type { SimNetwork } from './network.js';
import { buildNode, isNodeReady, type SimNodeConfig, syncNodeReadiness } from './nodes.js';
import { cpuRequestMilli, setCondition } from './pod-status.js';
import { reservedPod } from './reserved-pods.js';
import { schedule } from './scheduler.js';
import { ObjectStore } from './store.js';
import type { NamespaceObject, NodeObject, PodObject } from './types.js';

/** Namespaces every cluster starts with. */
export const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** A namespace object as the API server creates it. */
export function namespaceObject(
  name: string,
  labels: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): NamespaceObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      ...extra,
      name,
      uid: newUid(),
      resourceVersion: '',
      creationTimestamp: timestamp(),
      labels: { ...labels, 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** The simulated control plane. */
export class Cluster {
  readonly store = new ObjectStore();
  readonly events = new EventRecorder(this.store);
  readonly kubelets: Kubelets;
  readonly network: SimNetwork;
  readonly faults: FaultBook;
  /** Pods a pod-state fault keeps Pending, and pods a fault makes fail in the kubelet, by uid. */
  private readonly forcedPending = new Set<string>();
  private readonly forcedStates = new Map<string, 'ImagePullBackOff' | 'CrashLoopBackOff'>();
  private passQueued = false;
  private stopped = false;

  constructor(
    network: SimNetwork,
    faults: FaultBook,
    nodes: SimNodeConfig[],
    kubeletDeps: Omit<KubeletDeps, 'store' | 'events' | 'network' | 'onPodGone' | 'cpuManagerPolicy'>,
  ) {
    this.network = network;
    this.faults = faults;
    this.kubelets = new Kubelets({
      ...kubeletDeps,
      store: this.store,
      events: this.events,
      cpuManagerPolicy: (index) => nodes[index - 1]?.cpuManager ?? 'static',
      network,
      faults,
      onPodGone: () => this.afterPodGone(),
    });
    const built = nodes.map((config, i) =>
      this.store.create('nodes', buildNode(i + 1, config, network.family)),
    );
    for (const name of INITIAL_NAMESPACES) this.store.create('namespaces', namespaceObject(name));
    for (const [i, config] of nodes.entries()) {
      const node = built[i]?.metadata.name;
      if (config.requestedCpu !== undefined && node !== undefined)
        this.store.create('pods', reservedPod(node, config.requestedCpu));
    }
    this.requestPass();
    faults.onNodesChanged(() => {
      syncNodeReadiness(this.store, faults.notReadyNodes());
      this.requestPass();
    });
    syncNodeReadiness(this.store, faults.notReadyNodes());
  }

  /** After a pod was stored: apply a pod-state fault, then let the scheduler and kubelets act. */
  podCreated(pod: PodObject): void {
    const fault = this.faults.takePodState(pod.metadata.namespace ?? '', pod.metadata.name);
    if (fault?.state === 'Pending') this.forcedPending.add(pod.metadata.uid);
    else if (fault) this.forcedStates.set(pod.metadata.uid, fault.state);
    this.requestPass();
  }

  /** Runs the scheduler and kubelet pass soon (once, however often asked). */
  requestPass(): void {
    if (this.passQueued || this.stopped) return;
    this.passQueued = true;
    setImmediate(() => {
      this.passQueued = false;
      if (!this.stopped) this.pass();
    });
  }

  /** Stops scheduling and kills every container (simulator shutdown); namespaces are the caller's. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    await this.kubelets.shutdown();
  }

  private pass(): void {
    const nodes = this.store.list<NodeObject>('nodes');
    for (const pod of this.store.list<PodObject>('pods')) {
      if (pod.metadata.deletionTimestamp || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed')
        continue;
      if (!pod.spec.nodeName) this.trySchedule(pod, nodes);
      else if (this.forcedPending.has(pod.metadata.uid)) this.holdSandbox(pod);
      else this.tryStart(pod, nodes);
    }
  }

  private trySchedule(pod: PodObject, nodes: NodeObject[]): void {
    const result = this.forcedPending.has(pod.metadata.uid)
      ? {
          message: `0/${nodes.length} nodes are available: ${nodes.length} node(s) were unschedulable. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`,
        }
      : schedule(
          pod,
          nodes.map((node) => ({
            node,
            requestedMilli: activePodsOn(this.store, node.metadata.name).reduce(
              (s, p) => s + cpuRequestMilli(p.spec),
              0,
            ),
          })),
        );
    const source = { component: 'default-scheduler' as const };
    if ('message' in result) {
      const old = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
      if (old?.message === result.message) return;
      const updated = this.store.modify<PodObject>('pods', pod.metadata.namespace, pod.metadata.name, (p) =>
        setCondition(p.status, 'PodScheduled', 'False', 'Unschedulable', result.message),
      );
      if (updated) this.events.record(updated, 'Warning', 'FailedScheduling', result.message, source);
      return;
    }
    const bound = this.store.modify<PodObject>('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      p.spec.nodeName = result.nodeName;
      setCondition(p.status, 'PodScheduled', 'True');
    });
    if (!bound) return;
    const message = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${result.nodeName}`;
    this.events.record(bound, 'Normal', 'Scheduled', message, source);
    this.tryStart(bound, nodes);
  }

  private tryStart(pod: PodObject, nodes: NodeObject[]): void {
    const index = nodes.findIndex((n) => n.metadata.name === pod.spec.nodeName);
    const node = nodes[index];
    if (
      !node ||
      !isNodeReady(node) ||
      this.kubelets.runtimeOf(pod.metadata.namespace ?? '', pod.metadata.name)
    )
      return;
    if (!pod.status.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'True')) {
      this.store.modify<PodObject>('pods', pod.metadata.namespace, pod.metadata.name, (p) =>
        setCondition(p.status, 'PodScheduled', 'True'),
      );
    }
    void this.kubelets.start(pod, node, index + 1, this.forcedStates.get(pod.metadata.uid));
  }

  /** A pending-fault pod that names its node: its sandbox never comes up (ContainerCreating, with an event). */
  private holdSandbox(pod: PodObject): void {
    if (pod.status.containerStatuses) return;
    const updated = this.store.modify<PodObject>('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      setCondition(p.status, 'PodScheduled', 'True');
      const c = p.spec.containers[0];
      p.status.containerStatuses = [
        {
          name: c?.name ?? '',
          image: c?.image ?? '',
          imageID: '',
          ready: false,
          started: false,
          restartCount: 0,
          state: { waiting: { reason: 'ContainerCreating' } },
          lastState: {},
        },
      ];
    });
    const message =
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="sim" failed (add): simulated fault';
    if (updated) {
      this.events.record(updated, 'Warning', 'FailedCreatePodSandBox', message, {
        component: 'kubelet',
        host: pod.spec.nodeName,
      });
    }
  }

  /**
   * Deletes a pod as the pod strategy does: unscheduled or finished pods, and grace 0, leave the store at
   * once (the kubelet still cleans up behind them); others are marked (deletionTimestamp) and stopped by
   * their kubelet. Returns the pod as the delete response shows it.
   */
  deletePod(pod: PodObject, graceSeconds: number): PodObject {
    const finished = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
    if (graceSeconds === 0 || !pod.spec.nodeName || finished) {
      this.deletePodNow(pod);
      return pod;
    }
    const marked =
      this.store.modify<PodObject>('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
        p.metadata.deletionTimestamp ??= timestamp(new Date(Date.now() + graceSeconds * 1000));
        p.metadata.deletionGracePeriodSeconds = graceSeconds;
      }) ?? pod;
    this.kubelets.stop(marked, graceSeconds);
    return marked;
  }

  /** Immediate deletion: the object goes now, the kubelet kills what runs and removes the namespace behind it. */
  deletePodNow(pod: PodObject): void {
    this.store.remove('pods', pod.metadata.namespace, pod.metadata.name);
    this.kubelets.stop(pod, 0);
    this.afterPodGone();
  }

  /** Namespace deletion: Terminating, its pods deleted, then the namespace object goes (see afterPodGone). */
  deleteNamespace(name: string): NamespaceObject | undefined {
    const marked = this.store.modify<NamespaceObject>('namespaces', undefined, name, (ns) => {
      ns.metadata.deletionTimestamp ??= timestamp();
      ns.status.phase = 'Terminating';
    });
    for (const pod of this.store.list<PodObject>('pods', name)) {
      this.deletePod(pod, pod.spec.terminationGracePeriodSeconds ?? 30);
    }
    setImmediate(() => this.afterPodGone());
    return marked;
  }

  private afterPodGone(): void {
    for (const ns of this.store.list<NamespaceObject>('namespaces')) {
      if (ns.status.phase !== 'Terminating' || this.store.list('pods', ns.metadata.name).length > 0) continue;
      this.events.removeNamespace(ns.metadata.name);
      this.store.remove('namespaces', undefined, ns.metadata.name);
    }
    this.requestPass();
  }
}
