/**
 * The post step (runs always, also after a cancelled or failed job): deletes the cluster resources
 * the main step recorded and did not get to delete, then removes the kubeconfig file. It only warns:
 * a post step never fails the job.
 */
import * as core from '@actions/core';
import type { CreatedResources } from '../targets/kubernetes/run-state.js';
import { EXIT_OK, formatError } from '../util/errors.js';
import { type KubernetesCleanupState, nothingToDelete, parseCleanupState } from './cleanup-state.js';
import { State } from './constants.js';
import { removeKubeconfigFile } from './kubeconfig.js';

/** Bound for the deleted namespace or pods to be gone (they go away by themselves after it). */
export const POST_CLEANUP_WAIT_MS = 30_000;

function describe(resources: CreatedResources): string {
  return resources.namespaceCreated
    ? `namespace ${resources.namespace}`
    : `pods of run ${resources.runId} in namespace ${resources.namespace}`;
}

/** Deletes what the state records (and, for a run that had just started, every pod with its run label). */
export async function deleteRecorded(
  state: KubernetesCleanupState,
  log: (line: string) => void,
): Promise<boolean> {
  const [{ createKubeApi }, { loadKubeConfig }, { deleteCreatedResources }, { runSelector }] =
    await Promise.all([
      import('../targets/kubernetes/client.js'),
      import('../targets/kubernetes/connection.js'),
      import('../targets/kubernetes/cleanup.js'),
      import('../targets/kubernetes/names.js'),
    ]);
  const settings = {
    ...(state.kubeconfigPath !== undefined ? { kubeconfigPath: state.kubeconfigPath } : {}),
    ...(state.context !== undefined ? { context: state.context } : {}),
  };
  const api = createKubeApi(loadKubeConfig(settings));
  const resources: CreatedResources = { ...state.resources, pods: [...state.resources.pods] };
  if (state.phase === 'started' && !resources.namespaceCreated) {
    const listed = await api.listPods(resources.namespace, runSelector(resources.runId));
    const names = listed.pods
      .map((pod) => pod.metadata?.name)
      .filter((name): name is string => Boolean(name));
    resources.pods = [...new Set([...resources.pods, ...names])];
  }
  if (!resources.namespaceCreated && resources.pods.length === 0) return true;
  log(`post: deleting ${describe(resources)}`);
  return deleteCreatedResources(api, resources, log, POST_CLEANUP_WAIT_MS);
}

async function cleanUpCluster(stateText: string): Promise<void> {
  if (stateText === '') {
    core.info('post: no cluster resources were recorded');
    return;
  }
  const state = parseCleanupState(stateText);
  if (nothingToDelete(state)) {
    core.info(`post: run ${state.resources.runId} cleaned up after itself; nothing to delete`);
    return;
  }
  const warnings: string[] = [];
  const deleted = await deleteRecorded(state, (line) =>
    line.startsWith('post:') ? core.info(line) : warnings.push(line),
  );
  for (const warning of warnings) core.warning(warning);
  if (deleted)
    core.info(`post: deleted what run ${state.resources.runId} left (${describe(state.resources)})`);
}

/** Network namespaces and processes a killed local run left (only those whose process is gone). */
async function sweepLocal(): Promise<void> {
  const { sweepLeftovers } = await import('../targets/local/local-target.js');
  const removed = await sweepLeftovers({ log: (line) => core.info(`post: ${line}`) });
  if (removed.length === 0) core.info('post: the local target left nothing behind');
}

/** The post step. Always resolves 0. */
export async function runPost(): Promise<number> {
  try {
    await cleanUpCluster(core.getState(State.KubernetesCleanup));
  } catch (error) {
    core.warning(
      `post: could not clean up the cluster: ${formatError(error)}; delete the run's namespace or pods with kubectl`,
    );
  }
  if (core.getState(State.LocalTarget) === 'true') {
    await sweepLocal().catch((error: unknown) =>
      core.warning(
        `post: could not sweep the local target: ${formatError(error)}; run netperf-gate cleanup as root`,
      ),
    );
  }
  const kubeconfigFile = core.getState(State.KubeconfigFile);
  if (kubeconfigFile !== '') {
    await removeKubeconfigFile(kubeconfigFile).catch((error: unknown) =>
      core.warning(`post: could not remove ${kubeconfigFile}: ${formatError(error)}`),
    );
  }
  return EXIT_OK;
}
