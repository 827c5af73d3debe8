/** Removing what a run created: its namespace, or its pods in a namespace it was given. Logs, never throws. */
import { formatError } from '../../util/errors.js';
import type { KubeApi } from './kube-api.js';
import type { CreatedResources } from './run-state.js';

/** Bound for everything to be gone after the deletes (pods have a 1 s grace period). */
export const CLEANUP_WAIT_TIMEOUT_MS = 60_000;
/** How often cleanup looks whether the objects are gone. */
export const CLEANUP_POLL_INTERVAL_MS = 500;

async function waitUntilGone(exists: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (await exists()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resume) => setTimeout(resume, CLEANUP_POLL_INTERVAL_MS));
  }
  return true;
}

async function deleteNamespace(api: KubeApi, name: string, waitMs: number, log: (line: string) => void) {
  await api.deleteNamespace(name);
  const gone = await waitUntilGone(async () => (await api.readNamespace(name)) !== undefined, waitMs);
  if (!gone)
    log(`cleanup: namespace ${name} is still terminating after ${waitMs / 1000} s; it goes away by itself`);
}

/**
 * Deletes pods by name (404 counts as deleted) and waits, bounded by `waitMs`, until none is left.
 * Resolves whether they are gone; a delete the API refuses rejects.
 */
export async function deletePodsAndWait(
  api: KubeApi,
  namespace: string,
  pods: readonly string[],
  waitMs: number,
): Promise<boolean> {
  await Promise.all(pods.map((pod) => api.deletePod(namespace, pod)));
  const remaining = async () =>
    (await Promise.all(pods.map((pod) => api.readPod(namespace, pod)))).some(Boolean);
  return waitUntilGone(remaining, waitMs);
}

async function deletePods(
  api: KubeApi,
  resources: CreatedResources,
  waitMs: number,
  log: (line: string) => void,
) {
  const { namespace, pods } = resources;
  const gone = await deletePodsAndWait(api, namespace, pods, waitMs);
  if (!gone)
    log(
      `cleanup: pods of run ${resources.runId} in ${namespace} are still terminating after ${waitMs / 1000} s`,
    );
}

/**
 * Deletes what `resources` records (404 counts as deleted) and waits, bounded, until it is gone.
 * Returns whether the deletes were accepted; failures are logged as one line each.
 */
export async function deleteCreatedResources(
  api: KubeApi,
  resources: CreatedResources,
  log: (line: string) => void,
  waitMs: number = CLEANUP_WAIT_TIMEOUT_MS,
): Promise<boolean> {
  try {
    if (resources.namespaceCreated) await deleteNamespace(api, resources.namespace, waitMs, log);
    else if (resources.pods.length > 0) await deletePods(api, resources, waitMs, log);
    return true;
  } catch (error) {
    const what = resources.namespaceCreated
      ? `namespace ${resources.namespace}`
      : `pods ${resources.pods.join(', ')} in ${resources.namespace}`;
    log(`cleanup: could not delete ${what} at ${api.server}: ${formatError(error)}; delete it with kubectl`);
    return false;
  }
}
