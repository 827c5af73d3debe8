/**
 * A mutating admission webhook, as far as `doctor` must notice one: a policy that rewrites the pod's
 * security context on create (Kyverno's and Gatekeeper's mutation policies can). Mutating admission
 * runs before validating admission (PodSecurity), as in the API server.
 */
import type { FaultBook } from './faults.js';
import type { PodObject } from './types.js';

type SecurityContext = Record<string, unknown>;

/** Applies a matching mutating-webhook fault to a pod being created (in place). */
export function mutatePod(pod: PodObject, faults: FaultBook): void {
  const mutation = faults.takeMutation(pod.metadata.namespace ?? '');
  if (mutation === undefined) return;
  const rewrite = (context: SecurityContext | undefined): SecurityContext => {
    const { runAsNonRoot: _dropped, ...rest } = context ?? {};
    return { ...rest, runAsUser: mutation.runAsUser };
  };
  pod.spec.securityContext = rewrite(pod.spec.securityContext as SecurityContext | undefined);
  for (const container of pod.spec.containers) {
    container.securityContext = rewrite(container.securityContext as SecurityContext | undefined);
  }
  const annotations = pod.metadata.annotations ?? {};
  annotations['policies.kyverno.io/last-applied-patches'] =
    `${mutation.name}: securityContext.runAsUser=${mutation.runAsUser}`;
  pod.metadata.annotations = annotations;
}
