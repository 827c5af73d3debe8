/** {@link KubeApi} on @kubernetes/client-node: timeouts and retries around the generated API calls. */
import {
  type ConfigurationOptions,
  CoreV1Api,
  type KubeConfig,
  Observable,
  type ObservableMiddleware,
  type V1Pod,
  VersionApi,
  Watch,
} from '@kubernetes/client-node';
import { InfraError } from '../../util/errors.js';
import { isAlreadyExists, isNotFound, readApiFailure } from './api-errors.js';
import { execInPod } from './exec.js';
import type { KubeApi, PodWatchEvent, WatchHandle } from './kube-api.js';
import { RUN_ID_LABEL } from './names.js';
import { type RetryDeps, withRetry } from './retry.js';

/** Bound for one API request (list, create, delete …); watches and execs have their own. */
export const API_REQUEST_TIMEOUT_MS = 30_000;

/** Options for one request: an abort signal that fires after {@link API_REQUEST_TIMEOUT_MS}. */
function timeoutOptions(timeoutMs: number): ConfigurationOptions {
  const middleware: ObservableMiddleware = {
    pre: (context) => {
      context.setSignal(AbortSignal.timeout(timeoutMs));
      return new Observable(Promise.resolve(context));
    },
    post: (response) => new Observable(Promise.resolve(response)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}

async function readOrUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function deleteIgnoringNotFound(remove: () => Promise<unknown>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/**
 * A create retried after a lost answer finds its own object (409): accept it when it carries our run
 * id, otherwise the name belongs to someone else.
 */
async function createOnce<T extends { metadata?: { labels?: Record<string, string> } }>(
  create: () => Promise<T>,
  read: () => Promise<T>,
  runId: string,
  retry: RetryDeps,
): Promise<T> {
  return withRetry(async (attempt) => {
    try {
      return await create();
    } catch (error) {
      if (attempt === 1 || !isAlreadyExists(error)) throw error;
      const existing = await read();
      if (existing.metadata?.labels?.[RUN_ID_LABEL] !== runId) throw error;
      return existing;
    }
  }, retry);
}

/** {@link KubeApi.watchPods} with client-node's Watch (one JSON event per line). */
async function watchPods(
  config: KubeConfig,
  ...[namespace, labelSelector, resourceVersion, onEvent, onEnd]: Parameters<KubeApi['watchPods']>
): Promise<WatchHandle> {
  let stopped = false;
  const query = { labelSelector, allowWatchBookmarks: true, ...(resourceVersion ? { resourceVersion } : {}) };
  const controller = await new Watch(config).watch(
    `/api/v1/namespaces/${namespace}/pods`,
    query,
    (type, object) => onEvent({ type, object } as PodWatchEvent),
    (error) => {
      if (!stopped) onEnd(error);
    },
  );
  return {
    stop: () => {
      stopped = true;
      controller.abort();
    },
  };
}

/** Objects per page of a list that may be long (kubectl asks for 500). */
const LIST_PAGE_SIZE = 500;

/** Creates the API on a loaded kubeconfig; nothing is sent until a method is called. */
export function createKubeApi(config: KubeConfig, retry: RetryDeps = {}): KubeApi {
  const core = config.makeApiClient(CoreV1Api);
  const version = config.makeApiClient(VersionApi);
  const server = config.getCurrentCluster()?.server ?? 'the kubeconfig server';
  const options = () => timeoutOptions(API_REQUEST_TIMEOUT_MS);
  const retried = <T>(call: () => Promise<T>) => withRetry(call, retry);
  return {
    server,
    serverVersion: async () => (await retried(() => version.getCode(options()))).gitVersion,
    listNodes: async () => (await retried(() => core.listNode({}, options()))).items,
    listAllPods: async (fieldSelector) => {
      // In pages: a large cluster's pods of every namespace are too much for one answer.
      const pods: V1Pod[] = [];
      let next: string | undefined;
      do {
        const page = await retried(() =>
          core.listPodForAllNamespaces(
            { fieldSelector, limit: LIST_PAGE_SIZE, ...(next ? { _continue: next } : {}) },
            options(),
          ),
        );
        pods.push(...page.items);
        next = page.metadata?._continue || undefined;
      } while (next !== undefined);
      return pods;
    },
    createNamespace: (body, runId) =>
      createOnce(
        () => core.createNamespace({ body }, options()),
        () => core.readNamespace({ name: body.metadata?.name ?? '' }, options()),
        runId,
        retry,
      ),
    readNamespace: (name) => readOrUndefined(() => retried(() => core.readNamespace({ name }, options()))),
    listNamespaces: async (labelSelector) =>
      (await retried(() => core.listNamespace({ labelSelector }, options()))).items,
    deleteNamespace: (name) =>
      deleteIgnoringNotFound(() =>
        retried(() => core.deleteNamespace({ name, propagationPolicy: 'Background' }, options())),
      ),
    createPod: (namespace, body, runId) =>
      createOnce<V1Pod>(
        () => core.createNamespacedPod({ namespace, body }, options()),
        () => core.readNamespacedPod({ namespace, name: body.metadata?.name ?? '' }, options()),
        runId,
        retry,
      ),
    readPod: (namespace, name) =>
      readOrUndefined(() => retried(() => core.readNamespacedPod({ namespace, name }, options()))),
    listPods: async (namespace, labelSelector) => {
      const list = await retried(() =>
        core.listNamespacedPod({ namespace, ...(labelSelector ? { labelSelector } : {}) }, options()),
      );
      return { pods: list.items, resourceVersion: list.metadata?.resourceVersion };
    },
    deletePod: (namespace, name) =>
      deleteIgnoringNotFound(() => retried(() => core.deleteNamespacedPod({ namespace, name }, options()))),
    listEvents: async (namespace) =>
      (await retried(() => core.listNamespacedEvent({ namespace }, options()))).items,
    watchPods: (...args) => watchPods(config, ...args),
    exec: (namespace, pod, container, command, timeoutMs) =>
      retried(() => execInPod(config, { namespace, pod, container }, command, timeoutMs)).catch(
        (error: unknown) => {
          if (error instanceof InfraError) throw error;
          throw new InfraError(`could not exec in pod ${namespace}/${pod}: ${readApiFailure(error).message}`);
        },
      ),
  };
}
