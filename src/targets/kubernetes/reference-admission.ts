/**
 * Whether the namespace admits the host-network reference pods: read from a given namespace's Pod
 * Security label before anything is created, and learnt from a refused create otherwise. Either way
 * the run goes on without the reference, with one line saying why.
 */
import type { V1Namespace, V1Pod } from '@kubernetes/client-node';
import { UsageError } from '../../util/errors.js';
import { readApiFailure } from './api-errors.js';
import { deletePodsAndWait } from './cleanup.js';
import { explainApiError, step } from './connection.js';
import { podSecurityGaps, type RestrictingLevel, restrictingLevel } from './pod-security-check.js';
import { buildPairPods } from './pod-spec.js';
import {
  POD_SECURITY_ENFORCE_LABEL,
  podSecurityForbids,
  podSecurityRefusal,
  referenceOffLine,
} from './reference.js';
import { apiOf, type KubeRun } from './run-state.js';

/** Turns the reference off for the rest of the run and says so in one line. */
function turnReferenceOff(run: KubeRun, why: string): void {
  run.reference = { on: false, why };
  run.log(referenceOffLine(why));
}

/**
 * Our pod-network pods against the namespace's enforced level: they are built to pass `restricted`, so
 * a gap is ours to fix, said before anything is created rather than as a 403 after the namespace and
 * nodes were taken.
 */
function checkOwnPods(run: KubeRun, namespace: string, level: RestrictingLevel): void {
  const placeholder = { name: 'any', hostname: undefined };
  const base = { runId: run.runId, namespace, image: run.settings.image, tolerations: run.tolerations };
  for (const profile of run.profiles) {
    const pods = buildPairPods(base, profile, { client: placeholder, server: placeholder }, 'pod');
    const gaps = [...new Set(pods.flatMap((pod) => podSecurityGaps(pod, level)))];
    if (gaps.length > 0)
      throw new UsageError(
        `Namespace '${namespace}' (--namespace) enforces Pod Security "${level}", which the netperf pods would violate (${gaps.join(', ')}). Use a namespace labelled ${POD_SECURITY_ENFORCE_LABEL}=privileged, or omit --namespace to get one per run.`,
      );
  }
}

/**
 * With a given namespace (--namespace), reads its Pod Security enforce level before anything is
 * created: our pods must pass it (a one-line usage error otherwise), and with the reference on,
 * `baseline` or `restricted` forbid host network, so the reference is turned off before its pods are
 * tried. A user who may not read the namespace (403) tries anyway; a namespace that is not there is
 * left to the pod create, which says so.
 */
export async function checkGivenNamespace(run: KubeRun): Promise<void> {
  const namespace = run.settings.namespace;
  if (namespace === undefined) return;
  const api = apiOf(run);
  let found: V1Namespace | undefined;
  try {
    found = await api.readNamespace(namespace);
  } catch (error) {
    if (readApiFailure(error).status === 403) return; // no RBAC to read it: the level is unknown, try
    throw explainApiError(`reading namespace ${namespace}`, error, api.server);
  }
  if (found === undefined) return;
  const level = restrictingLevel(found.metadata?.labels?.[POD_SECURITY_ENFORCE_LABEL]);
  if (level !== undefined) checkOwnPods(run, namespace, level);
  const why = run.reference.on ? podSecurityForbids(found) : undefined;
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
