/**
 * `netperf-gate cleanup --target kubernetes`: finds what killed runs left in a cluster (namespaces
 * labelled managed-by=netperf-gate, and in a given namespace pods carrying a run id) older than a given
 * age, and deletes it with the code the action's post step uses (deleteCreatedResources). The CLI
 * imports this module lazily: it loads client-node.
 */
import type { V1Namespace, V1ObjectMeta } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import { formatAge } from './age.js';
import { readApiFailure } from './api-errors.js';
import { CLEANUP_WAIT_TIMEOUT_MS, deleteCreatedResources } from './cleanup.js';
import { createKubeApi } from './client.js';
import { explainApiError, loadKubeConfig, step } from './connection.js';
import type { KubeApi } from './kube-api.js';
import { APP_NAME, RUN_ID_LABEL } from './names.js';
import type { CreatedResources } from './run-state.js';

/** Selects namespaces our runs created. */
export const MANAGED_NAMESPACE_SELECTOR = `app.kubernetes.io/managed-by=${APP_NAME}`;
/** Selects our pods (in a namespace given with --namespace): managed by us and carrying a run id. */
export const MANAGED_POD_SELECTOR = `${MANAGED_NAMESPACE_SELECTOR},${RUN_ID_LABEL}`;

/** What to sweep. */
export interface SweepRequest {
  /** Only what is at least this old (ms since creation); 0 = any age. */
  olderThanMs: number;
  /** Also delete our pods in this namespace (runs made with --namespace). */
  namespace?: string;
  /** One line per deletion, and cleanup's own warnings. */
  log: (line: string) => void;
  /** Bound for each deletion to be seen through; default {@link CLEANUP_WAIT_TIMEOUT_MS}. */
  waitMs?: number;
  now?: () => number;
}

/** How the sweep went: what was deleted (one entry per namespace or run) and how many deletions failed. */
export interface SweepOutcome {
  deleted: CreatedResources[];
  failed: number;
}

function ageMs(meta: V1ObjectMeta | undefined, nowMs: number): number {
  const created = meta?.creationTimestamp;
  return created === undefined ? 0 : nowMs - new Date(created).getTime();
}

/**
 * Our namespaces. With --namespace (least-privilege mode, whose Role may not list namespaces) a 403
 * is not fatal: the sweep says so and goes on with the pods in the given namespace.
 */
async function listOurNamespaces(api: KubeApi, request: SweepRequest): Promise<V1Namespace[]> {
  try {
    return await api.listNamespaces(MANAGED_NAMESPACE_SELECTOR);
  } catch (error) {
    if (request.namespace === undefined || readApiFailure(error).status !== 403)
      throw explainApiError('listing namespaces', error, api.server);
    request.log(
      `cleanup: not allowed to list namespaces at ${api.server}; only pods in ${request.namespace} are swept`,
    );
    return [];
  }
}

/** Leftovers of killed runs: our namespaces (not already terminating), and our pods grouped by run. */
async function findLeftovers(api: KubeApi, request: SweepRequest, nowMs: number) {
  const found: { resources: CreatedResources; ageMs: number }[] = [];
  for (const namespace of await listOurNamespaces(api, request)) {
    const age = ageMs(namespace.metadata, nowMs);
    if (age < request.olderThanMs || namespace.metadata?.deletionTimestamp !== undefined) continue;
    const name = namespace.metadata?.name ?? '';
    const runId = namespace.metadata?.labels?.[RUN_ID_LABEL] ?? '?';
    found.push({ resources: { runId, namespace: name, namespaceCreated: true, pods: [] }, ageMs: age });
  }
  if (request.namespace === undefined) return found;
  const { namespace } = request;
  const list = await step(api, `listing pods in ${namespace}`, () =>
    api.listPods(namespace, MANAGED_POD_SELECTOR),
  );
  const runs = new Map<string, { resources: CreatedResources; ageMs: number }>();
  for (const pod of list.pods) {
    const age = ageMs(pod.metadata, nowMs);
    if (age < request.olderThanMs || pod.metadata?.deletionTimestamp !== undefined) continue;
    const runId = pod.metadata?.labels?.[RUN_ID_LABEL] ?? '?';
    const run = runs.get(runId) ?? {
      resources: { runId, namespace, namespaceCreated: false, pods: [] },
      ageMs: age,
    };
    run.resources.pods.push(pod.metadata?.name ?? '');
    run.ageMs = Math.max(run.ageMs, age);
    runs.set(runId, run);
  }
  return [...found, ...runs.values()];
}

/**
 * Deletes every leftover at least `olderThanMs` old, all at once, and logs one line each (in name
 * order). Listing failures are one-line errors; a deletion that fails is logged and counted.
 */
export async function sweepLeftoverRuns(api: KubeApi, request: SweepRequest): Promise<SweepOutcome> {
  const nowMs = (request.now ?? Date.now)();
  const leftovers = await findLeftovers(api, request, nowMs);
  leftovers.sort((a, b) =>
    `${a.resources.namespace}/${a.resources.runId}`.localeCompare(
      `${b.resources.namespace}/${b.resources.runId}`,
    ),
  );
  const waitMs = request.waitMs ?? CLEANUP_WAIT_TIMEOUT_MS;
  const results = await Promise.all(
    leftovers.map(({ resources }) => deleteCreatedResources(api, resources, request.log, waitMs)),
  );
  const outcome: SweepOutcome = { deleted: [], failed: 0 };
  for (const [index, { resources, ageMs: age }] of leftovers.entries()) {
    if (!results[index]) {
      outcome.failed += 1;
      continue;
    }
    outcome.deleted.push(resources);
    const what = resources.namespaceCreated
      ? `namespace ${resources.namespace}`
      : `pods ${resources.pods.join(', ')} in namespace ${resources.namespace}`;
    request.log(`cleanup: deleted ${what} (run ${resources.runId}, ${formatAge(age)} old)`);
  }
  if (leftovers.length === 0) request.log('cleanup: no netperf-gate leftovers in the cluster');
  return outcome;
}

/** Connects with the kubeconfig (and context) given, or the defaults, and sweeps (see {@link sweepLeftoverRuns}). */
export function sweepCluster(
  settings: Pick<KubernetesSettings, 'kubeconfigPath' | 'context'>,
  request: SweepRequest,
): Promise<SweepOutcome> {
  return sweepLeftoverRuns(createKubeApi(loadKubeConfig(settings)), request);
}
