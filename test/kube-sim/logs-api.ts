/** `GET …/pods/{name}/log`: the container's stdout and stderr, whole or followed, as text/plain. */
import type { Cluster } from './cluster.js';
import { type ApiCall, boolParam, intParam, startStream } from './http.js';
import type { LogBuffer, LogQuery } from './log-buffer.js';
import { badRequest } from './status.js';
import type { PodObject } from './types.js';

function waitingMessage(pod: PodObject, container: string): string {
  const reason = pod.status.containerStatuses?.[0]?.state.waiting?.reason ?? 'ContainerCreating';
  const why =
    reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
  return `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${why}`;
}

function bufferFor(cluster: Cluster, call: ApiCall, pod: PodObject, container: string): LogBuffer {
  const runtime = cluster.kubelets.runtimeOf(pod.metadata.namespace ?? '', pod.metadata.name);
  if (boolParam(call.url, 'previous')) {
    if (!runtime?.previousLogs) {
      throw badRequest(
        `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`,
      );
    }
    return runtime.previousLogs;
  }
  const started = pod.status.containerStatuses?.[0]?.containerID !== undefined;
  if (!runtime || !started) throw badRequest(waitingMessage(pod, container));
  return runtime.logs;
}

/** Answers a log request (404/400 as the API server and kubelet do when there is no log to show). */
export function streamLogs(cluster: Cluster, call: ApiCall, pod: PodObject): void {
  const names = pod.spec.containers.map((c) => c.name);
  const container = call.url.searchParams.get('container') ?? names[0] ?? '';
  if (!names.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  const buffer = bufferFor(cluster, call, pod, container);
  const query: LogQuery = {
    tailLines: intParam(call.url, 'tailLines'),
    sinceSeconds: intParam(call.url, 'sinceSeconds'),
    limitBytes: intParam(call.url, 'limitBytes'),
    timestamps: boolParam(call.url, 'timestamps'),
  };
  startStream(call, 'text/plain');
  call.res.write(buffer.read(query));
  if (!boolParam(call.url, 'follow') || buffer.ended) {
    call.res.end();
    return;
  }
  const stopFollowing = buffer.follow((text, time) => {
    call.res.write(query.timestamps ? `${time.toISOString()} ${text}` : text);
  });
  const stopWaiting = buffer.onEnd(() => call.res.end());
  call.res.on('close', () => {
    stopFollowing();
    stopWaiting();
  });
}
