/** Reads what the pods already on the nodes request, for the node choice; a refusal only costs precision. */
import { readApiFailure } from './api-errors.js';
import { explainApiError } from './connection.js';
import type { KubeApi } from './kube-api.js';
import { NON_TERMINAL_PODS, requestedMillisByNode } from './node-cpu.js';

/** The warning when pods may not be listed cluster-wide: what is lost and the rule that brings it back. */
export const REQUESTED_CPU_UNKNOWN =
  'warning: free CPU per node unknown (listing pods in all namespaces is forbidden): nodes are compared by allocatable CPU, so a node whose DaemonSets and other pods hold CPU may be chosen and its pods stay Pending; grant list on pods at cluster scope (a ClusterRole, as in deploy/rbac/)';

/**
 * CPU requested per node by the pods on it (every namespace, not finished), or undefined with one
 * warning logged when the API refuses the cluster-wide list (403). Other failures are errors.
 */
export async function readRequestedCpu(
  api: KubeApi,
  log: (line: string) => void,
): Promise<Map<string, number> | undefined> {
  try {
    return requestedMillisByNode(await api.listAllPods(NON_TERMINAL_PODS));
  } catch (error) {
    if (readApiFailure(error).status !== 403)
      throw explainApiError('listing pods in all namespaces (CPU requested on the nodes)', error, api.server);
    log(`kubernetes: ${REQUESTED_CPU_UNKNOWN}`);
    return undefined;
  }
}
