/**
 * The pods of a Kubernetes fleet, built by pure functions (snapshot-tested): on every chosen node, for
 * every CPU size of the scenarios, a netserver pod and a client pod, and with the reference one
 * host-network netserver and client. They are the single run's pods (pod-spec.ts: same containers,
 * security context, resources and pinning) with a node index in their names and labels.
 *
 * Pods per node, not a DaemonSet each: a DaemonSet runs on every node its selector matches, so keeping
 * it to the N chosen nodes would mean labelling nodes (cluster-wide writes, left behind by a killed
 * run); and its pods' status gives one error per pod, naming its node, which is what the wait quotes.
 * Pinning is the single run's: required node affinity on `metadata.name` plus a nodeSelector on
 * `kubernetes.io/hostname`, never `spec.nodeName`, so the scheduler still admits each pod (taints,
 * CPU) and says why when it cannot.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { PodNetwork, PodRole } from './names.js';
import { buildPod, type PinnedNode, type PodBase } from './pod-spec.js';
import { FIRST_HOST_NETWORK_PORT, type KubeProfile } from './profiles.js';

/** Label with the pod's node index in the fleet (`n0`, `n1` …, in `prepare`'s order). */
export const FLEET_NODE_LABEL = 'netperf-gate/fleet-node';

/**
 * The reference pods' profile: one host-network pair per node serves every scenario, whatever its CPU
 * size, since reference pods are Burstable (100m requested, no limit) in every profile anyway.
 */
export const FLEET_REFERENCE_PROFILE: KubeProfile = {
  cpus: null,
  key: 'ref',
  scenarioNames: [],
  hostNetworkPort: FIRST_HOST_NETWORK_PORT,
};

/** `n3`: a node's short name in pod names and labels (node names can be longer than a pod name allows). */
export function fleetNodeKey(nodeIndex: number): string {
  return `n${nodeIndex}`;
}

/** Pod name of a fleet pod, e.g. `npg-ab12cd-n3-srv-c1` or `npg-ab12cd-n3-hcli-ref`. */
export function fleetPodName(
  runId: string,
  nodeIndex: number,
  role: PodRole,
  profileKey: string,
  network: PodNetwork,
): string {
  const side = role === 'server' ? 'srv' : 'cli';
  return `npg-${runId}-${fleetNodeKey(nodeIndex)}-${network === 'host' ? 'h' : ''}${side}-${profileKey}`;
}

/** One fleet pod: the single run's pod of that role, profile and network, renamed and labelled for its node. */
export function buildFleetPod(
  base: PodBase,
  nodeIndex: number,
  node: PinnedNode,
  profile: KubeProfile,
  role: PodRole,
  network: PodNetwork,
): V1Pod {
  const pod = buildPod({ ...base, profile, role, network, node });
  const name = fleetPodName(base.runId, nodeIndex, role, profile.key, network);
  const labels = { ...pod.metadata?.labels, [FLEET_NODE_LABEL]: fleetNodeKey(nodeIndex) };
  return { ...pod, metadata: { ...pod.metadata, name, labels } } satisfies V1Pod;
}

/** The fleet's pods, split by network: what is measured, and the reference (empty when off). */
export interface FleetPods {
  pods: V1Pod[];
  referencePods: V1Pod[];
}

/** Every pod of the fleet: per node, per profile a server and a client; per node a host-network pair when asked. */
export function buildFleetPods(
  base: PodBase,
  profiles: readonly KubeProfile[],
  nodes: readonly PinnedNode[],
  hostNetworkReference: boolean,
): FleetPods {
  const roles = ['server', 'client'] as const;
  const pods = nodes.flatMap((node, index) =>
    profiles.flatMap((profile) =>
      roles.map((role) => buildFleetPod(base, index, node, profile, role, 'pod')),
    ),
  );
  const referencePods = hostNetworkReference
    ? nodes.flatMap((node, index) =>
        roles.map((role) => buildFleetPod(base, index, node, FLEET_REFERENCE_PROFILE, role, 'host')),
      )
    : [];
  return { pods, referencePods };
}
