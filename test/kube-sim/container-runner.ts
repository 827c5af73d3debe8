/**
 * The kubelet's container loop for one pod: start the real command, report Running, and on exit report
 * Succeeded/Failed or restart it with back-off (CrashLoopBackOff); or, under a fault, never get the image
 * (ErrImagePull → ImagePullBackOff).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import { LogBuffer } from './log-buffer.js';
import { timestamp } from './meta.js';
import { nonRootRefusal } from './pod-identity.js';
import { later, type PodRuntime, type RunnerDeps, updatePod } from './pod-runtime.js';
import { setCondition, setContainerStatus, setReadiness, terminatedReason } from './pod-status.js';
import { containerEnv, findExecutable, signalGroup, spawnInNamespace } from './processes.js';
import { watchProbes } from './readiness.js';
import type { ContainerState, PodObject } from './types.js';

export {
  type BackoffSettings,
  later,
  type PodRuntime,
  type RunnerDeps,
  updatePod,
} from './pod-runtime.js';

/** argv of the container: command + args; the image's entrypoint is unknown here, so nothing → `sleep infinity`. */
export function containerArgv(pod: PodObject, forced: PodRuntime['forced']): string[] {
  if (forced === 'CrashLoopBackOff')
    return ['sh', '-c', 'echo "kube-sim: simulated crash (fault)" >&2; exit 1'];
  const container = pod.spec.containers[0];
  const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
  return argv.length > 0 ? argv : ['sleep', 'infinity'];
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (osConstants.signals[signal] ?? 9) : 9);
}

/** Records a kubelet event about the pod's container. */
function containerEvent(
  deps: RunnerDeps,
  runtime: PodRuntime,
  pod: PodObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  const fieldPath = `spec.containers{${pod.spec.containers[0]?.name ?? ''}}`;
  deps.events.record(pod, type, reason, message, { component: 'kubelet', host: runtime.nodeName }, fieldPath);
}

/** Starts (or restarts) the container of a pod. */
export function runContainer(deps: RunnerDeps, runtime: PodRuntime): void {
  const pod = deps.store.get<PodObject>('pods', runtime.namespace, runtime.name);
  const container = pod?.spec.containers[0];
  if (!pod || !container || runtime.deleting || !runtime.netns) return;
  containerEvent(
    deps,
    runtime,
    pod,
    'Normal',
    'Pulled',
    `Container image "${container.image}" already present on machine`,
  );
  const refusal = nonRootRefusal(pod);
  if (refusal !== undefined) {
    // The kubelet retries such a container every sync and keeps failing: it stays waiting.
    containerEvent(deps, runtime, pod, 'Warning', 'Failed', `Error: ${refusal}`);
    setWaiting(deps, runtime, 'CreateContainerConfigError', refusal);
    return;
  }
  const argv = containerArgv(pod, runtime.forced);
  const env = containerEnv(pod.metadata.name, container.env, runtime.tmpDir);
  const startedAt = timestamp();
  runtime.containerID = `sim://${randomBytes(32).toString('hex')}`;
  if (!findExecutable(argv[0] ?? '', env.PATH ?? '')) {
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`;
    containerEvent(deps, runtime, pod, 'Warning', 'Failed', `Error: ${message}`);
    containerExited(deps, runtime, { exitCode: 128, reason: 'StartError', message, startedAt });
    return;
  }
  containerEvent(deps, runtime, pod, 'Normal', 'Created', `Created container: ${container.name}`);
  const spec = {
    netns: runtime.netns,
    cpus: runtime.cpus,
    user: runtime.user,
    argv,
    env,
    cwd: container.workingDir ?? '/',
    stdin: false,
  };
  superviseContainer(deps, runtime, spawnInNamespace(spec), startedAt, () =>
    containerEvent(deps, runtime, pod, 'Normal', 'Started', `Started container ${container.name}`),
  );
}

/** Collects the container's output, reports Running once it runs, and handles its end. */
function superviseContainer(
  deps: RunnerDeps,
  runtime: PodRuntime,
  child: ChildProcess,
  startedAt: string,
  onStarted: () => void,
): void {
  runtime.child = child;
  child.stdout?.on('data', (d: Buffer) => runtime.logs.append(d));
  child.stderr?.on('data', (d: Buffer) => runtime.logs.append(d));
  child.on('error', () => {});
  child.once('spawn', () => {
    onStarted();
    const pod = deps.store.get<PodObject>('pods', runtime.namespace, runtime.name);
    if (runtime.netns === undefined || pod === undefined) return;
    watchProbes(pod.spec.containers[0], {
      netns: runtime.netns,
      stillRunning: () => runtime.child === child && !runtime.deleting,
      later: (delayMs, probe) => later(runtime, delayMs, probe),
      report: (started, ready) =>
        updatePod(deps.store, runtime, (p) => {
          p.status.phase = 'Running';
          setReadiness(p, ready);
          setContainerStatus(p, { ...facts(runtime), state: { running: { startedAt } }, started, ready });
        }),
    });
  });
  // When the container's main process ends, the runtime kills whatever it left behind.
  child.once('exit', () => signalGroup(child.pid, 'SIGKILL'));
  child.once('close', (code, signal) => {
    runtime.child = undefined;
    const exitCode = exitCodeOf(code, signal);
    containerExited(deps, runtime, { exitCode, reason: terminatedReason(exitCode), startedAt });
  });
}

function facts(runtime: PodRuntime) {
  return {
    restartCount: runtime.restartCount,
    lastState: runtime.lastState,
    containerID: runtime.containerID,
  };
}

interface Termination {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: string;
}

/** After the container process ended: finish the deletion, complete the pod, or restart with back-off. */
function containerExited(deps: RunnerDeps, runtime: PodRuntime, end: Termination): void {
  runtime.logs.end();
  if (runtime.deleting) {
    deps.onExitWhileDeleting(runtime);
    return;
  }
  const terminated: ContainerState = {
    terminated: { ...end, finishedAt: timestamp(), containerID: runtime.containerID },
  };
  const pod = deps.store.get<PodObject>('pods', runtime.namespace, runtime.name);
  const policy = pod?.spec.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && end.exitCode === 0)) {
    updatePod(deps.store, runtime, (p) => {
      p.status.phase = end.exitCode === 0 ? 'Succeeded' : 'Failed';
      setReadiness(p, false, true);
      setContainerStatus(p, { ...facts(runtime), state: terminated });
    });
    return;
  }
  restartWithBackoff(deps, runtime, terminated);
}

function restartWithBackoff(deps: RunnerDeps, runtime: PodRuntime, terminated: ContainerState): void {
  const { crashBackoffMs } = deps.backoff;
  const delayMs =
    runtime.restartCount === 0
      ? 0
      : Math.min(crashBackoffMs * 2 ** (runtime.restartCount - 1), crashBackoffMs * 30);
  runtime.restartCount += 1;
  runtime.lastState = terminated;
  const pod = updatePod(deps.store, runtime, (p) => {
    const name = p.spec.containers[0]?.name ?? '';
    const message = `back-off ${Math.round(delayMs / 1000)}s restarting failed container=${name} pod=${p.metadata.name}_${p.metadata.namespace}(${p.metadata.uid})`;
    const state = delayMs > 0 ? { waiting: { reason: 'CrashLoopBackOff', message } } : terminated;
    setReadiness(p, false);
    setContainerStatus(p, { ...facts(runtime), state });
  });
  if (pod && delayMs > 0) {
    const name = pod.spec.containers[0]?.name ?? '';
    const message = `Back-off restarting failed container ${name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    deps.events.record(
      pod,
      'Warning',
      'BackOff',
      message,
      { component: 'kubelet', host: runtime.nodeName },
      `spec.containers{${name}}`,
    );
  }
  later(runtime, delayMs, () => {
    runtime.previousLogs = runtime.logs;
    runtime.logs = new LogBuffer();
    runContainer(deps, runtime);
  });
}

/** Reports the container as waiting (ContainerCreating, ErrImagePull, …); the pod stays Pending. */
export function setWaiting(deps: RunnerDeps, runtime: PodRuntime, reason: string, message?: string): void {
  updatePod(deps.store, runtime, (p) => {
    setCondition(p.status, 'PodReadyToStartContainers', 'True');
    setCondition(p.status, 'Initialized', 'True');
    setReadiness(p, false);
    setContainerStatus(p, {
      ...facts(runtime),
      state: { waiting: { reason, ...(message ? { message } : {}) } },
    });
  });
}
