/** What the kubelet keeps about a pod it runs, and the helpers the container loop and the kubelet share. */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecorder } from './events.js';
import type { LogBuffer } from './log-buffer.js';
import type { RunAs } from './processes.js';
import type { ObjectStore } from './store.js';
import type { ContainerState, PodObject } from './types.js';

/** What the kubelet keeps about a pod it runs. */
export interface PodRuntime {
  namespace: string;
  name: string;
  uid: string;
  nodeName: string;
  nodeIndex: number;
  /** Network namespace the container and execs run in (the pod's own, or the node's for hostNetwork). */
  netns?: string;
  ownNetns: boolean;
  podIp?: string;
  /** Host number of its pod IPs in the node's ranges (pods with their own namespace). */
  podHost?: number;
  /** Exclusive CPUs from the static CPU manager; undefined = the shared pool (every core). */
  cpus?: number[];
  /** Who its processes run as (runAsUser/runAsGroup); undefined = the image's user, root here. */
  user?: RunAs;
  /**
   * The container's own /tmp (its processes and execs get it as TMPDIR): a real container's writable
   * layer goes with the pod, so what a killed process left in /tmp must not outlive the pod here either.
   */
  tmpDir: string;
  child?: ChildProcess;
  containerID?: string;
  logs: LogBuffer;
  previousLogs?: LogBuffer;
  restartCount: number;
  lastState?: ContainerState;
  forced?: 'ImagePullBackOff' | 'CrashLoopBackOff';
  timers: Set<NodeJS.Timeout>;
  deleting: boolean;
}

/** Timing of the kubelet's back-offs. */
export interface BackoffSettings {
  /** First CrashLoopBackOff delay (the kubelet's is 10 s); doubles per restart up to 30×. */
  crashBackoffMs: number;
  /** Delay between ErrImagePull and ImagePullBackOff, and between pull attempts (doubling). */
  imagePullBackoffMs: number;
}

/** What the container loop needs from the rest of the simulator. */
export interface RunnerDeps {
  store: ObjectStore;
  events: EventRecorder;
  backoff: BackoffSettings;
  /** Called when a container process has exited and the pod is being deleted. */
  onExitWhileDeleting: (runtime: PodRuntime) => void;
}

/** Updates the pod the runtime belongs to (not a newer pod with the same name); returns it or undefined. */
export function updatePod(
  store: ObjectStore,
  runtime: PodRuntime,
  mutate: (pod: PodObject) => void,
): PodObject | undefined {
  const current = store.get<PodObject>('pods', runtime.namespace, runtime.name);
  if (!current || current.metadata.uid !== runtime.uid) return undefined;
  return store.modify<PodObject>('pods', runtime.namespace, runtime.name, mutate);
}

/** Schedules `fn` on the runtime's timers (cleared on deletion and shutdown). */
export function later(runtime: PodRuntime, delayMs: number, fn: () => void): void {
  const timer = setTimeout(() => {
    runtime.timers.delete(timer);
    fn();
  }, delayMs);
  runtime.timers.add(timer);
}

/** A pod's private temporary folder, writable by any user like /tmp (sticky). */
export function createPodTmpDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sim-pod-'));
  chmodSync(dir, 0o1777);
  return dir;
}

/** Removes a pod's temporary folder with whatever its processes left there (the writable layer going). */
export function removePodTmpDir(runtime: PodRuntime): void {
  rmSync(runtime.tmpDir, { recursive: true, force: true });
}
