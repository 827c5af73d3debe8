/**
 * The kubelets of all nodes: admit a bound pod (CPU), give it a network namespace and IP (or the node's
 * for hostNetwork), run its container, and tear it down on deletion: SIGTERM to the process group,
 * SIGKILL after the grace period, then the namespace goes and the pod object disappears.
 */

import {
  type BackoffSettings,
  later,
  type PodRuntime,
  type RunnerDeps,
  runContainer,
  setWaiting,
  updatePod,
} from './container-runner.js';
import { type CpuManagerPolicy, exclusiveCpusFor } from './cpu-manager.js';
import type { EventRecorder } from './events.js';
import type { FaultBook } from './faults.js';
import { failImagePull } from './image-pull.js';
import { kubeletRefusalMessage, rejectPod } from './kubelet-admission.js';
import { LogBuffer } from './log-buffer.js';
import { timestamp } from './meta.js';
import { nodeAddresses, podAddresses, type SimNetwork } from './network.js';
import { runAsOf } from './pod-identity.js';
import { createPodTmpDir, removePodTmpDir } from './pod-runtime.js';
import { cpuRequestMilli, setCondition } from './pod-status.js';
import { signalGroup } from './processes.js';
import { cpuMilli } from './quantity.js';
import type { ObjectStore } from './store.js';
import type { NodeObject, PodObject } from './types.js';

/** What the kubelets need. */
export interface KubeletDeps {
  store: ObjectStore;
  events: EventRecorder;
  network: SimNetwork;
  backoff: BackoffSettings;
  log: (line: string) => void;
  /** Called when a pod object is gone (the scheduler may now place others). */
  onPodGone: () => void;
  /** kubelet-admission faults: pods the kubelet refuses whatever their fit. */
  faults?: FaultBook;
  /** The kubelet CPU manager policy of node `index` (1-based). */
  cpuManagerPolicy: (nodeIndex: number) => CpuManagerPolicy;
}

/** Pods on a node that count against its CPU: scheduled and not finished. */
export function activePodsOn(store: ObjectStore, nodeName: string): PodObject[] {
  return store
    .list<PodObject>('pods')
    .filter(
      (p) => p.spec.nodeName === nodeName && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
    );
}

/** All kubelets; pods are keyed by uid. */
export class Kubelets {
  private readonly runtimes = new Map<string, PodRuntime>();
  private readonly usedHosts = new Map<number, Set<number>>();
  private podSeq = 0;
  private stopped = false;
  /** Network set-ups under way: shutdown waits for them so that it can remove what they create. */
  private readonly attaching = new Set<Promise<void>>();
  private readonly runner: RunnerDeps;

  private readonly deps: KubeletDeps;

  constructor(deps: KubeletDeps) {
    this.deps = deps;
    this.runner = { ...deps, onExitWhileDeleting: (rt) => void this.finishDeletion(rt) };
  }

  /** The runtime of the pod `namespace/name`, if a kubelet runs it. */
  runtimeOf(namespace: string, name: string): PodRuntime | undefined {
    const pod = this.deps.store.get<PodObject>('pods', namespace, name);
    return pod ? this.runtimes.get(pod.metadata.uid) : undefined;
  }

  /** A pod bound to a Ready node: admit it and start it (errors are logged and reported on the pod). */
  async start(
    pod: PodObject,
    node: NodeObject,
    nodeIndex: number,
    forced?: PodRuntime['forced'],
  ): Promise<void> {
    if (this.stopped || this.runtimes.has(pod.metadata.uid) || !this.admit(pod, node)) return;
    const runtime: PodRuntime = {
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name,
      uid: pod.metadata.uid,
      nodeName: node.metadata.name,
      nodeIndex,
      ownNetns: !pod.spec.hostNetwork,
      cpus: exclusiveCpusFor(pod, this.deps.cpuManagerPolicy(nodeIndex), nodeIndex),
      user: runAsOf(pod),
      tmpDir: createPodTmpDir(),
      logs: new LogBuffer(),
      restartCount: 0,
      forced,
      timers: new Set(),
      deleting: false,
    };
    this.runtimes.set(pod.metadata.uid, runtime);
    setWaiting(this.runner, runtime, 'ContainerCreating');
    if (!(await this.attachTracked(runtime))) return;
    if (runtime.deleting || this.stopped) return void this.finishDeletion(runtime);
    if (forced === 'ImagePullBackOff') failImagePull(this.runner, runtime);
    else runContainer(this.runner, runtime);
  }

  /** Sets up the pod network (tracked for shutdown); a failure is reported as FailedCreatePodSandBox. */
  private async attachTracked(runtime: PodRuntime): Promise<boolean> {
    const attach = this.attachNetwork(runtime);
    this.attaching.add(attach);
    try {
      await attach;
      return true;
    } catch (error) {
      const message = `Failed to create pod sandbox: ${(error as Error).message}`;
      this.deps.log(`kube-sim: pod ${runtime.namespace}/${runtime.name}: ${message}`);
      const current = this.deps.store.get<PodObject>('pods', runtime.namespace, runtime.name);
      if (current) {
        const source = { component: 'kubelet' as const, host: runtime.nodeName };
        this.deps.events.record(current, 'Warning', 'FailedCreatePodSandBox', message, source);
      }
      return false;
    } finally {
      this.attaching.delete(attach);
    }
  }

  /** The kubelet's admission: a pod bound to a node without room for its CPU request fails with OutOfcpu. */
  private admit(pod: PodObject, node: NodeObject): boolean {
    const refusal = this.deps.faults?.takeKubeletAdmission(pod.metadata.namespace ?? '', pod.metadata.name);
    if (refusal) {
      rejectPod(this.deps, pod, node, refusal.reason, kubeletRefusalMessage(refusal));
      return false;
    }
    const used = activePodsOn(this.deps.store, node.metadata.name)
      .filter((p) => p.metadata.uid !== pod.metadata.uid)
      .reduce((sum, p) => sum + cpuRequestMilli(p.spec), 0);
    const capacity = cpuMilli(node.status.allocatable.cpu) ?? 0;
    const requested = cpuRequestMilli(pod.spec);
    if (used + requested <= capacity) return true;
    const message = `Pod was rejected: Node didn't have enough resource: cpu, requested: ${requested}, used: ${used}, capacity: ${capacity}`;
    const stored = this.deps.store.modify<PodObject>(
      'pods',
      pod.metadata.namespace,
      pod.metadata.name,
      (p) => {
        p.status.phase = 'Failed';
        p.status.reason = 'OutOfcpu';
        p.status.message = message;
      },
    );
    if (stored)
      this.deps.events.record(stored, 'Warning', 'OutOfcpu', message, {
        component: 'kubelet',
        host: node.metadata.name,
      });
    return false;
  }

  private async attachNetwork(runtime: PodRuntime): Promise<void> {
    const hostIps = nodeAddresses(runtime.nodeIndex, this.deps.network.family);
    let podIps = hostIps;
    if (runtime.ownNetns) {
      runtime.podHost = this.allocateHost(runtime.nodeIndex);
      podIps = podAddresses(runtime.nodeIndex, runtime.podHost, this.deps.network.family);
      this.podSeq += 1;
      runtime.netns = await this.deps.network.addPod(runtime.nodeIndex, this.podSeq, podIps);
    } else {
      runtime.netns = this.deps.network.nodeNamespace(runtime.nodeIndex);
    }
    runtime.podIp = podIps[0];
    // As the API server lists them: the first of podIPs/hostIPs is podIP/hostIP, in the cluster's family order.
    updatePod(this.deps.store, runtime, (p) => {
      p.status.hostIP = hostIps[0];
      p.status.hostIPs = hostIps.map((ip) => ({ ip }));
      p.status.podIP = podIps[0];
      p.status.podIPs = podIps.map((ip) => ({ ip }));
      p.status.startTime = timestamp();
      setCondition(p.status, 'PodReadyToStartContainers', 'True');
    });
  }

  private allocateHost(nodeIndex: number): number {
    const used = this.usedHosts.get(nodeIndex) ?? new Set<number>();
    this.usedHosts.set(nodeIndex, used);
    for (let host = 2; host <= 254; host++) {
      if (!used.has(host)) {
        used.add(host);
        return host;
      }
    }
    throw new Error(`node ${nodeIndex} has no pod IP left in its /24`);
  }

  /** Deletes a pod the kubelet may run: graceful stop, then the object goes. Unknown pods go at once. */
  stop(pod: PodObject, graceSeconds: number): void {
    const runtime = this.runtimes.get(pod.metadata.uid);
    if (!runtime) {
      this.deps.store.remove('pods', pod.metadata.namespace, pod.metadata.name);
      this.deps.onPodGone();
      return;
    }
    if (runtime.deleting && graceSeconds > 0) return;
    runtime.deleting = true;
    for (const timer of runtime.timers) clearTimeout(timer);
    runtime.timers.clear();
    const pid = runtime.child?.pid;
    if (!runtime.child || !signalGroup(pid, graceSeconds > 0 ? 'SIGTERM' : 'SIGKILL')) {
      if (runtime.netns) void this.finishDeletion(runtime);
      return;
    }
    if (graceSeconds > 0) later(runtime, graceSeconds * 1000, () => signalGroup(pid, 'SIGKILL'));
  }

  private async finishDeletion(runtime: PodRuntime): Promise<void> {
    if (!this.runtimes.delete(runtime.uid)) return;
    removePodTmpDir(runtime);
    if (this.stopped) return;
    for (const timer of runtime.timers) clearTimeout(timer);
    runtime.logs.end();
    if (runtime.ownNetns && runtime.netns) await this.deps.network.removeNamespace(runtime.netns);
    if (runtime.ownNetns && runtime.podHost !== undefined) {
      this.usedHosts.get(runtime.nodeIndex)?.delete(runtime.podHost);
    }
    const current = this.deps.store.get<PodObject>('pods', runtime.namespace, runtime.name);
    if (current?.metadata.uid === runtime.uid)
      this.deps.store.remove('pods', runtime.namespace, runtime.name);
    this.deps.onPodGone();
  }

  /** Kills every container at once (simulator shutdown); namespaces are removed by the caller. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.attaching]);
    const exits: Promise<void>[] = [];
    for (const runtime of this.runtimes.values()) {
      runtime.deleting = true;
      for (const timer of runtime.timers) clearTimeout(timer);
      const child = runtime.child;
      if (child && child.exitCode === null && child.signalCode === null) {
        exits.push(new Promise((resolve) => child.once('close', () => resolve())));
        signalGroup(child.pid, 'SIGKILL');
      }
      runtime.logs.end();
    }
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    for (const runtime of this.runtimes.values()) removePodTmpDir(runtime);
    this.runtimes.clear();
  }
}
