/** What node labels and taints say about a node's role and place: pure. */
import type { V1Node } from '@kubernetes/client-node';

/** The label and taint kubeadm (and most installers) put on control-plane nodes. */
export const CONTROL_PLANE_KEY = 'node-role.kubernetes.io/control-plane';
/** The same before Kubernetes 1.24 (still set by some installers). */
export const LEGACY_MASTER_KEY = 'node-role.kubernetes.io/master';
/** The well-known zone label (cloud providers and most on-premises installers set it). */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

const ROLE_KEYS: readonly string[] = [CONTROL_PLANE_KEY, LEGACY_MASTER_KEY];

/** Whether a node is a control-plane node: by its role label or its control-plane taint. */
export function isControlPlane(node: V1Node): boolean {
  const labels = node.metadata?.labels ?? {};
  if (ROLE_KEYS.some((key) => key in labels)) return true;
  return (node.spec?.taints ?? []).some((taint) => ROLE_KEYS.includes(taint.key));
}

/** The node's zone label, or undefined. */
export function zoneOf(node: V1Node): string | undefined {
  const zone = node.metadata?.labels?.[ZONE_LABEL];
  return zone === undefined || zone === '' ? undefined : zone;
}

/**
 * One warning line when the two nodes are in different zones (cilium-cli warns the same): traffic
 * between zones crosses more network and often costs money, and results differ from same-zone runs.
 */
export function zoneWarning(client: V1Node, server: V1Node): string | undefined {
  const clientZone = zoneOf(client);
  const serverZone = zoneOf(server);
  if (clientZone === undefined || serverZone === undefined || clientZone === serverZone) return undefined;
  const names = `${client.metadata?.name ?? '?'} (${clientZone}) and ${server.metadata?.name ?? '?'} (${serverZone})`;
  return `warning: client and server nodes are in different zones, ${names}: results include the path between zones and are not comparable with same-zone runs; pick nodes with --client-node/--server-node or --node-selector ${ZONE_LABEL}=${clientZone}`;
}
