/**
 * Names and addresses of a local fleet: pure, no I/O.
 *
 * Node K (`node-K`, 1 … N) is the network namespace `npg-<runId>-n<K>`. A switch namespace
 * `npg-<runId>-sw` holds two bridges without addresses: the pod bridge and the reference bridge. Each
 * node joins each bridge by a veth pair: its pod interface (198.18.64.K/24) and its reference interface
 * (198.18.65.K/24). The bridges sit in a namespace of their own, not the host's, so no host firewall
 * (br_netfilter, nftables bridge tables, Docker's FORWARD policy) ever sees the traffic and the host
 * namespace gains no interface; deleting the namespaces removes everything.
 */
import { UsageError } from '../../util/errors.js';
import { checkRunId } from './names.js';

/** Fewest nodes a fleet has: one pair. */
export const MIN_FLEET_NODES = 2;
/** Most nodes a local fleet emulates: a /24 per bridge holds them easily; 2 cores hold few more. */
export const MAX_FLEET_NODES = 32;
/** Pod addresses are `198.18.64.K`: 198.18.0.0/15 is for benchmarks (RFC 2544), away from the single target's 198.18.0.x. */
export const POD_SUBNET_PREFIX = '198.18.64';
/** Reference addresses are `198.18.65.K`. */
export const REFERENCE_SUBNET_PREFIX = '198.18.65';
export const FLEET_PREFIX_LENGTH = 24;
/** Bridges inside the switch namespace (names need only be unique there). */
export const POD_BRIDGE = 'br-pod';
export const REFERENCE_BRIDGE = 'br-ref';

/** One node of the fleet: its namespace, interfaces (inside it and their switch-side peers) and addresses. */
export interface FleetNode {
  /** `node-K`, as the user sees it. */
  name: string;
  /** 1 … N. */
  index: number;
  namespace: string;
  /** Pod interface inside the node's namespace, e.g. `n3-pod`. */
  podInterface: string;
  /** Its peer in the switch namespace, a port of {@link POD_BRIDGE}. */
  podPort: string;
  podAddress: string;
  /** Reference interface inside the node's namespace, e.g. `n3-ref`. */
  referenceInterface: string;
  /** Its peer in the switch namespace, a port of {@link REFERENCE_BRIDGE}. */
  referencePort: string;
  referenceAddress: string;
}

/** Everything a local fleet run names. */
export interface FleetNames {
  runId: string;
  /** Namespace holding both bridges. */
  switchNamespace: string;
  nodes: FleetNode[];
}

/** `node-K`. */
export function fleetNodeName(index: number): string {
  return `node-${index}`;
}

/** Throws a one-line UsageError unless `nodes` is a whole number from 2 to 32. */
export function checkFleetSize(nodes: number): void {
  if (!Number.isInteger(nodes) || nodes < MIN_FLEET_NODES || nodes > MAX_FLEET_NODES) {
    throw new UsageError(
      `Invalid --nodes ${nodes}. Expected a whole number from ${MIN_FLEET_NODES} to ${MAX_FLEET_NODES} (each local node is a network namespace on this machine).`,
    );
  }
}

function fleetNode(runId: string, index: number): FleetNode {
  return {
    name: fleetNodeName(index),
    index,
    namespace: `npg-${runId}-n${index}`,
    podInterface: `n${index}-pod`,
    podPort: `n${index}-pod-br`,
    podAddress: `${POD_SUBNET_PREFIX}.${index}`,
    referenceInterface: `n${index}-ref`,
    referencePort: `n${index}-ref-br`,
    referenceAddress: `${REFERENCE_SUBNET_PREFIX}.${index}`,
  };
}

/** Names of a fleet of `nodes` nodes for a run id (UsageError for a bad id or size). */
export function fleetNamesFor(runId: string, nodes: number): FleetNames {
  checkRunId(runId);
  checkFleetSize(nodes);
  return {
    runId,
    switchNamespace: `npg-${runId}-sw`,
    nodes: Array.from({ length: nodes }, (_, at) => fleetNode(runId, at + 1)),
  };
}

/** The node called `name`; a name `prepare` did not return is a programming error. */
export function fleetNodeNamed(names: FleetNames, name: string): FleetNode {
  const node = names.nodes.find((candidate) => candidate.name === name);
  if (node === undefined) throw new Error(`${name} is not a node of this local fleet`);
  return node;
}
