/**
 * Whether the namespace admits the host-network reference pods: read from a given namespace's Pod
 * Security label before anything is created, and learnt from a refused create otherwise. Either way
 * the run goes on without the reference, with one line saying why.
 */
import type { V1Namespace, V1Pod } from '@kubernetes/client-node';
import { readApiFailure } from './api-errors.js';
import { deletePodsAndWait } from './cleanup.js';
import { explainApiError, step } from './connection.js';
import { podSecurityForbids, podSecurityRefusal, referenceOffLine } from './reference.js';
import { apiOf, type KubeRun } from './run-state.js';

/** Turns the reference off for the rest of the run and says so in one line. */
function turnReferenceOff(run: KubeRun, why: string): void {
  run.reference = { on: false, why };
  run.log(referenceOffLine(why));
}

/**
 * With a given namespace (--namespace) and the reference on, reads the namespace's Pod Security
 * enforce level: `baseline` or `restricted` forbid host network, so the reference is turned off before
 * its pods are tried. A user who may not read the namespace (403) tries anyway; a namespace that is
 * not there is left to the pod create, which says so.
 */
export async function checkGivenNamespace(run: KubeRun): Promise<void> {
  const namespace = run.settings.namespace;
  if (!run.reference.on || namespace === undefined) return;
  const api = apiOf(run);
  let found: V1Namespace | undefined;
  try {
    found = await api.readNamespace(namespace);
  } catch (error) {
    if (readApiFailure(error).status === 403) return; // no RBAC to read it: the level is unknown, try
    throw explainApiError(`reading namespace ${namespace}`, error, api.server);
  }
  if (found === undefined) return;
  const why = podSecurityForbids(found);
  if (why !== undefined) turnReferenceOff(run, why);
}

/**
 * After the reference pods' create failed: when Pod Security refused them, deletes those that were
 * created (a 404 counts as deleted), turns the reference off and resolves true; for any other failure
 * resolves false and leaves the error to the caller.
 */
export async function dropRefusedReference(
  run: KubeRun,
  referencePods: readonly V1Pod[],
  error: unknown,
): Promise<boolean> {
  const refusal = podSecurityRefusal(error);
  if (refusal === undefined) return false;
  const api = apiOf(run);
  const { namespace } = run.created;
  const names = referencePods.map((pod) => pod.metadata?.name ?? '');
  const gone = await step(api, 'deleting the host-network reference pods', () =>
    deletePodsAndWait(api, namespace, names, run.cleanupWaitMs),
  );
  // Pods still terminating stay recorded, so that cleanup deletes them again.
  if (gone) run.created.pods = run.created.pods.filter((name) => !names.includes(name));
  turnReferenceOff(run, `namespace ${namespace} refused the host-network pods: ${refusal}`);
  return true;
}
