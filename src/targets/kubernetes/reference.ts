/**
 * The node-to-node reference of the Kubernetes target (Cilium's "node-to-node baseline"): whether it
 * is on, why not, and what to tell people about it. Pure: over API objects and errors, no I/O.
 *
 * Host-network pods need the namespace's Pod Security enforce level `privileged`: `baseline` and
 * `restricted` forbid host namespaces. When the namespace forbids them the run goes on without the
 * reference (the runner then gates on raw metrics only) instead of failing.
 */
import type { V1Namespace } from '@kubernetes/client-node';
import { readApiFailure } from './api-errors.js';
import { REFERENCE_CPU_REQUEST_MILLIS } from './profiles.js';

/** The namespace label Pod Security admission enforces. */
export const POD_SECURITY_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
/** Enforce levels that forbid host network. */
const HOST_NETWORK_FORBIDDEN_BY = ['baseline', 'restricted'] as const;

/** Whether the run has the reference: on, or off and why (for the log line and the fingerprint). */
export type ReferenceState = { on: true } | { on: false; why: string };

/** The state before prepare: on when asked for. */
export function initialReference(hostNetworkReference: boolean): ReferenceState {
  return hostNetworkReference ? { on: true } : { on: false, why: 'turned off (--no-reference)' };
}

/**
 * Why the namespace's labels forbid host-network pods, or undefined when they allow them. An absent
 * label means the cluster's default, which cannot be read: taken as allowed (a refused create still
 * turns the reference off, see {@link podSecurityRefusal}).
 */
export function podSecurityForbids(namespace: V1Namespace): string | undefined {
  const level = namespace.metadata?.labels?.[POD_SECURITY_ENFORCE_LABEL]?.trim();
  if (!HOST_NETWORK_FORBIDDEN_BY.some((forbidding) => forbidding === level)) return undefined;
  return `namespace ${namespace.metadata?.name} enforces Pod Security "${level}", which forbids host network`;
}

/**
 * The Pod Security violation of a refused pod create (`violates PodSecurity "baseline:latest": host
 * namespaces (hostNetwork=true), …`), or undefined for any other failure.
 */
export function podSecurityRefusal(error: unknown): string | undefined {
  const failure = readApiFailure(error);
  if (failure.status !== 403) return undefined;
  const at = failure.message.indexOf('violates PodSecurity');
  return at === -1 ? undefined : failure.message.slice(at);
}

/** The one line logged when the reference is off although it was asked for. */
export function referenceOffLine(why: string): string {
  return `kubernetes: the node-to-node reference is off: ${why}; gating on raw metrics only (low confidence). Label the namespace ${POD_SECURITY_ENFORCE_LABEL}=privileged or pass --no-reference to silence this.`;
}

/**
 * The fingerprint's `reference` detail: where the reference ran. Its pods are Burstable, so under the
 * kubelet's static CPU manager policy they run on the shared pool (never on the Guaranteed pods'
 * exclusive cores) and under `none` on any core: the shared pool either way.
 */
export function describeReference(state: ReferenceState): string {
  if (!state.on) return `off: ${state.why}`;
  return `host-network pods, ${REFERENCE_CPU_REQUEST_MILLIS}m CPU requested, no limit (Burstable): shared CPU pool`;
}
