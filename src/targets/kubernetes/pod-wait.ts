/**
 * Waiting until the run's pods are Running and Ready: list, then watch from the list's resourceVersion
 * (re-listing when the watch ends), bounded in time. A pod that cannot get there (image, crash, ended,
 * unschedulable too long) ends the wait at once with a one-line InfraError quoting its last event.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { InfraError } from '../../util/errors.js';
import { explainApiError } from './connection.js';
import type { KubeApi, PodWatchEvent, WatchHandle } from './kube-api.js';
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
export function judgeWait(
  names: readonly string[],
  state: WaitState,
  nowMs: number,
  bounds: WaitBounds,
): WaitVerdict {
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
      return {
        stuck: name,
        problem: { trouble: 'unschedulable', reason: `stayed Pending for ${seconds} s: ${unschedulable}` },
      };
    }
  }
  if (
    names.every((name) => {
      const pod = state.pods.get(name);
      return pod !== undefined && isPodReady(pod);
    })
  )
    return { ready: true };
  if (nowMs - state.startedMs < bounds.readyMs) return undefined;
  const late =
    names.find((name) => {
      const pod = state.pods.get(name);
      return pod === undefined || !isPodReady(pod);
    }) ?? '?';
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

/** One wait: the pods as last seen, the watch in use, and how the wait ends. */
class PodWaiter {
  private readonly now: () => number;
  private readonly state: WaitState;
  private settled = false;
  private watch: WatchHandle | undefined;
  private endWatch: () => void = () => {};
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly request: WaitRequest,
    private readonly resolve: (pods: Map<string, V1Pod>) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.now = request.now ?? Date.now;
    this.state = { pods: new Map(), unschedulableSince: new Map(), startedMs: this.now() };
  }

  /** Lists, watches, and lists again whenever a watch ends, until the verdict is in. */
  async run(): Promise<void> {
    this.ticker = setInterval(() => this.check(), WAIT_CHECK_INTERVAL_MS);
    try {
      while (!this.settled) {
        const { namespace, selector } = this.request;
        const list = await this.request.api.listPods(namespace, selector);
        for (const pod of list.pods) this.pods.set(pod.metadata?.name ?? '', pod);
        this.check();
        if (!this.settled) await this.follow(list.resourceVersion);
        if (!this.settled) await new Promise((pause) => setTimeout(pause, WATCH_RESTART_DELAY_MS));
      }
    } catch (error) {
      const server = this.request.api.server;
      this.settle(() => this.reject(explainApiError('watching the pods start', error, server)));
    }
  }

  private get pods(): Map<string, V1Pod> {
    return this.state.pods as Map<string, V1Pod>;
  }

  /** Watches from `resourceVersion` until the watch ends (server, network, ERROR event) or the wait does. */
  private follow(resourceVersion: string | undefined): Promise<void> {
    return new Promise<void>((resume) => {
      this.endWatch = resume;
      const onEvent = ({ type, object }: PodWatchEvent) => {
        if (type === 'ERROR') return resume(); // e.g. 410 Gone: list again
        if (type === 'DELETED') this.pods.delete(object.metadata?.name ?? '');
        else if (type !== 'BOOKMARK') this.pods.set(object.metadata?.name ?? '', object);
        this.check();
      };
      const { api, namespace, selector } = this.request;
      api
        .watchPods(namespace, selector, resourceVersion, onEvent, () => resume())
        .then(
          (handle) => {
            this.watch = handle;
            if (this.settled) handle.stop();
          },
          () => resume(),
        );
    }).finally(() => this.watch?.stop());
  }

  private check(): void {
    const verdict = judgeWait(this.request.podNames, this.state, this.now(), this.request.bounds);
    if (verdict === undefined) return;
    if ('ready' in verdict) this.settle(() => this.resolve(this.pods));
    else this.settle(async () => this.reject(await stuckError(this.request, verdict.stuck, verdict.problem)));
  }

  private settle(outcome: () => Promise<void> | void): void {
    if (this.settled) return;
    this.settled = true;
    clearInterval(this.ticker);
    this.watch?.stop();
    this.endWatch();
    Promise.resolve().then(outcome).catch(this.reject);
  }
}

/** Resolves with the pods once all are Ready; rejects with a one-line InfraError otherwise. */
export function waitForPodsReady(request: WaitRequest): Promise<Map<string, V1Pod>> {
  return new Promise((resolve, reject) => {
    void new PodWaiter(request, resolve, reject).run();
  });
}
