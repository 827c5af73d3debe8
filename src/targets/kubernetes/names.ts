/** Names and labels of one Kubernetes run: pure, no I/O. */
import { UsageError } from '../../util/errors.js';

/** `app.kubernetes.io/name` and `managed-by` of everything we create. */
export const APP_NAME = 'netperf-gate';
/** Label carrying the run id: cleanup and the action's post step find a run's pods by it. */
export const RUN_ID_LABEL = 'netperf-gate/run-id';
/** Label saying what a pod does: `server` (netserver) or `client` (netperf runs in it via exec). */
export const ROLE_LABEL = 'netperf-gate/role';
/** Label with the pod's CPU profile (`c32`, `c1`, `any`). */
export const PROFILE_LABEL = 'netperf-gate/cpus';
/** Label saying whether the pod uses the pod network or the node's (`pod` | `host`). */
export const NETWORK_LABEL = 'netperf-gate/network';
/** Run ids are short lowercase DNS labels: they end up in namespace and pod names (≤ 63 characters). */
export const MAX_RUN_ID_LENGTH = 16;

/** Which side of the measurement a pod plays. */
export type PodRole = 'server' | 'client';
/** Pod network (what is gated) or host network (the node-to-node reference). */
export type PodNetwork = 'pod' | 'host';

/** Checks a run id: lowercase letters and digits, starting with a letter, at most 16 characters. */
export function checkRunId(runId: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(runId) || runId.length > MAX_RUN_ID_LENGTH) {
    throw new UsageError(
      `Invalid Kubernetes run id '${runId}'. Expected 1-${MAX_RUN_ID_LENGTH} lowercase letters or digits, starting with a letter.`,
    );
  }
  return runId;
}

/** The namespace a run creates for itself. */
export function namespaceFor(runId: string): string {
  return `netperf-gate-${runId}`;
}

/** Labels every object of the run carries. */
export function runLabels(runId: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': APP_NAME,
    'app.kubernetes.io/managed-by': APP_NAME,
    [RUN_ID_LABEL]: runId,
  };
}

/** Label selector matching every pod of a run. */
export function runSelector(runId: string): string {
  return `${RUN_ID_LABEL}=${runId}`;
}

/**
 * Pod name for a role, CPU profile and network, e.g. `npg-ab12cd-srv-c32` or `npg-ab12cd-hcli-any`.
 * The run id is in every name so that pods of two runs can share an existing namespace.
 */
export function podName(runId: string, role: PodRole, profileKey: string, network: PodNetwork): string {
  const side = role === 'server' ? 'srv' : 'cli';
  return `npg-${runId}-${network === 'host' ? 'h' : ''}${side}-${profileKey}`;
}
