/** The ImagePullBackOff fault, as the kubelet reports a pull that never succeeds: ErrImagePull, then ImagePullBackOff. */
import { later, type PodRuntime, type RunnerDeps, setWaiting } from './container-runner.js';
import type { PodObject } from './types.js';

/** Under an ImagePullBackOff fault: ErrImagePull, then ImagePullBackOff, retried with doubling back-off. */
export function failImagePull(deps: RunnerDeps, runtime: PodRuntime, attempt = 0): void {
  const pod = deps.store.get<PodObject>('pods', runtime.namespace, runtime.name);
  const container = pod?.spec.containers[0];
  if (!pod || !container || runtime.deleting) return;
  const source = { component: 'kubelet' as const, host: runtime.nodeName };
  const fieldPath = `spec.containers{${container.name}}`;
  const image = container.image;
  const pullError = `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
  deps.events.record(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, source, fieldPath);
  deps.events.record(
    pod,
    'Warning',
    'Failed',
    `Failed to pull image "${image}": ${pullError}`,
    source,
    fieldPath,
  );
  deps.events.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', source, fieldPath);
  setWaiting(deps, runtime, 'ErrImagePull', pullError);
  const delayMs = deps.backoff.imagePullBackoffMs * 2 ** Math.min(attempt, 5);
  later(runtime, deps.backoff.imagePullBackoffMs, () => {
    deps.events.record(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, source, fieldPath);
    deps.events.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', source, fieldPath);
    setWaiting(deps, runtime, 'ImagePullBackOff', `Back-off pulling image "${image}"`);
    later(runtime, delayMs, () => failImagePull(deps, runtime, attempt + 1));
  });
}
