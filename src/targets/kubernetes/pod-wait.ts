/**
 * Waiting until the run's pods are Running and Ready: list, then watch from the list's resourceVersion
 * (re-listing when the watch ends), bounded in time. A pod that cannot get there (image, crash, ended,
 * unschedulable too long) ends the wait at once with a one-line InfraError quoting its last event.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { InfraError } from '../../util/errors.js';
import { explainApiError } from './connection.js';
import type { KubeApi, WatchHandle } from './kube-api.js';
import {
  isPodReady,
  lastEventFor,
  type PodProblem,
  pendingState,
  podFailure,
  troubleHint,
  unschedulableReason,
} from './pod-status.js';

/** Bound for all pods to be Ready: a cold node may pull the image (about 100 MB) first. */
export const POD_READY_TIMEOUT_MS = 300_000;
/** How long a pod may stay unschedulable: the nodes are fixed, so waiting longer rarely helps. */
export const POD_UNSCHEDULABLE_TIMEOUT_MS = 60_000;
/** How often the bounds are checked between watch events. */
export const WAIT_CHECK_INTERVAL_MS = 1_000;
/** Pause before listing again after a watch ended. */
export const WATCH_RESTART_DELAY_MS = 500;

/** The two bounds of the wait (tests shorten them). */
export interface WaitBounds {
  readyMs: number;
  unschedulableMs: number;
}

/** Where the wait stands: every pod Ready, one pod stuck (and why), or still waiting. */
export type WaitVerdict = { ready: true } | { stuck: string; problem: PodProblem } | undefined;

/** What the pure verdict looks at. */
export interface WaitState {
  pods: ReadonlyMap<string, V1Pod>;
  /** When (ms) each pod was first seen unschedulable. */
  unschedulableSince: Map<string, number>;
  startedMs: number;
}

/** Judges the wait at `nowMs`: pure, apart from noting when a pod was first seen unschedulable. */
export function judgeWait(names: readonly string[], state: WaitState, nowMs: number, bounds: WaitBounds): WaitVerdict {
  for (const name of names) {
    const pod = state.pods.get(name);
    const failure = pod === undefined ? undefined : podFailure(pod);
    if (failure !== undefined) return { stuck: name, problem: failure };
    const unschedulable = pod === undefined ? undefined : unschedulableReason(pod);
    if (unschedulable === undefined) {
      state.unschedulableSince.delete(name);
      continue;
    }
    const since = state.unschedulableSince.get(name) ?? nowMs;
    state.unschedulableSince.set(name, since);
    if (nowMs - since >= bounds.unschedulableMs) {
      const seconds = bounds.unschedulableMs / 1000;
      return { stuck: name, problem: { trouble: 'unschedulable', reason: `stayed Pending for ${seconds} s: ${unschedulable}` } };
    }
  }
  if (names.every((name) => { const pod = state.pods.get(name); return pod !== undefined && isPodReady(pod); })) return { ready: true };
  if (nowMs - state.startedMs < bounds.readyMs) return undefined;
  const late = names.find((name) => { const pod = state.pods.get(name); return pod === undefined || !isPodReady(pod); }) ?? '?';
  const reason = `not Ready within ${bounds.readyMs / 1000} s: ${pendingState(state.pods.get(late))}`;
  return { stuck: late, problem: { trouble: 'slow', reason } };
}

/** What one wait needs. */
export interface WaitRequest {
  api: KubeApi;
  namespace: string;
  selector: string;
  podNames: readonly string[];
  bounds: WaitBounds;
  /** "server pod … on node b": how to name a pod in the error. */
  describe: (podName: string) => string;
  now?: () => number;
}

async function stuckError(request: WaitRequest, name: string, problem: PodProblem): Promise<InfraError> {
  const events = await request.api.listEvents(request.namespace).catch(() => []);
  const event = lastEventFor(events, name);
  const last = event === undefined ? '' : ` (last event: ${event})`;
  return new InfraError(
    `${request.describe(name)} ${problem.reason}${last}; ${troubleHint(problem.trouble, request.namespace, name)}`,
  );
}

/** Resolves with the pods once all are Ready; rejects with a one-line InfraError otherwise. */
export function waitForPodsReady(request: WaitRequest): Promise<Map<string, V1Pod>> {
  const now = request.now ?? Date.now;
  const pods = new Map<string, V1Pod>();
  const state: WaitState = { pods, unschedulableSince: new Map(), startedMs: now() };
  let settled = false;
  let watch: WatchHandle | undefined;
  let endWatch: () => void = () => {};
  return new Promise<Map<string, V1Pod>>((resolve, reject) => {
    const settle = (outcome: () => Promise<void> | void) => {
      if (settled) return;
      settled = true;
      clearInterval(ticker);
      watch?.stop();
      endWatch();
      Promise.resolve().then(outcome).catch(reject);
    };
    const check = () => {
      const verdict = judgeWait(request.podNames, state, now(), request.bounds);
      if (verdict === undefined) return;
      if ('ready' in verdict) settle(() => resolve(pods));
      else settle(async () => reject(await stuckError(request, verdict.stuck, verdict.problem)));
    };
    const ticker = setInterval(check, WAIT_CHECK_INTERVAL_MS);
    const follow = async () => {
      while (!settled) {
        const list = await request.api.listPods(request.namespace, request.selector);
        for (const pod of list.pods) pods.set(pod.metadata?.name ?? '', pod);
        check();
        if (settled) return;
        await new Promise<void>((resume) => {
          endWatch = resume;
          const onEvent = (type: string, pod: V1Pod) => {
            if (type === 'ERROR') return resume(); // e.g. 410 Gone: list again
            if (type === 'DELETED') pods.delete(pod.metadata?.name ?? '');
            else if (type !== 'BOOKMARK') pods.set(pod.metadata?.name ?? '', pod);
            check();
          };
          request.api
            .watchPods(request.namespace, request.selector, list.resourceVersion, (e) => onEvent(e.type, e.object), () => resume())
            .then((handle) => {
              watch = handle;
              if (settled) handle.stop();
            }, () => resume());
        });
        watch?.stop();
        if (!settled) await new Promise((pause) => setTimeout(pause, WATCH_RESTART_DELAY_MS));
      }
    };
    follow().catch((error: unknown) => settle(() => reject(explainApiError('watching the pods start', error, request.api.server))));
  });
}
