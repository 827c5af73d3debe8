/**
 * Which nodes a Kubernetes fleet measures, and why the others are left out: pure, over Node objects as
 * the API returns them. The rules are the single run's (node-choice.ts: Ready, schedulable, matching the
 * selector, taints tolerated, no control plane unless allowed, CPU free); only the CPU each node needs
 * differs: a fleet keeps every CPU size's pods on every node for the whole run.
 */
import type { V1Node } from '@kubernetes/client-node';
import { UsageError } from '../../util/errors.js';
import { matchesSelector } from './label-selector.js';
import { exclusionReasons, type NodeChoiceInput } from './node-choice.js';
import { formatCpus, type KubeProfile, REFERENCE_CPU_REQUEST_MILLIS, requestMillis } from './profiles.js';

/** The fewest nodes a fleet can measure: one pair. */
export const MIN_FLEET_NODES = 2;

/** The nodes chosen (by name), one line saying why, and one line per matching node left out. */
export interface FleetNodeChoice {
  nodes: V1Node[];
  why: string;
  excluded: string[];
}

/**
 * CPU (millicores) each fleet node must have free: for every CPU size, a server and a client pod, all
 * existing at once; with the reference, its host-network server and client (one each per node).
 */
export function fleetCpuNeedMillis(profiles: readonly KubeProfile[], hostNetworkReference: boolean): number {
  const pods = profiles.reduce((sum, profile) => sum + 2 * requestMillis(profile), 0);
  return pods + (hostNetworkReference ? 2 * REFERENCE_CPU_REQUEST_MILLIS : 0);
}

/** "4.2 CPUs (a server and a client pod of each CPU size: 1, 1, not limited …)": for messages. */
export function describeFleetCpuNeed(
  profiles: readonly KubeProfile[],
  hostNetworkReference: boolean,
): string {
  const sizes = profiles.map((profile) => (profile.cpus === null ? 'not limited' : String(profile.cpus)));
  const reference = hostNetworkReference
    ? `, plus ${formatCpus(2 * REFERENCE_CPU_REQUEST_MILLIS)} for the host-network reference pods`
    : '';
  return `${formatCpus(fleetCpuNeedMillis(profiles, hostNetworkReference))} CPUs (a server and a client pod of each CPU size: ${sizes.join(', ') || 'none'}, all at once${reference})`;
}

/** Node names in natural order (`node-2` before `node-10`), the same on every machine. */
const BY_NAME = new Intl.Collator('en', { numeric: true });

function nameOf(node: V1Node): string {
  return node.metadata?.name ?? '?';
}

function checkMaxNodes(maxNodes: number | undefined): void {
  if (maxNodes === undefined) return;
  if (!Number.isInteger(maxNodes) || maxNodes < MIN_FLEET_NODES)
    throw new UsageError(`Invalid --nodes ${maxNodes}. Expected a whole number ≥ ${MIN_FLEET_NODES}.`);
}

/**
 * The fleet's nodes: every eligible node (see the file's comment), first by name in natural order, at most `maxNodes`
 * of them (default all). By name, so that the same cluster gives the same fleet run after run. Throws
 * a one-line UsageError naming why each node was left out when fewer than two are eligible. The
 * input's `clientNode`/`serverNode` are not read: a fleet has no client or server node.
 */
export function chooseFleetNodes(input: NodeChoiceInput, maxNodes?: number): FleetNodeChoice {
  checkMaxNodes(maxNodes);
  const matching = input.nodes
    .filter((node) => matchesSelector(node.metadata?.labels, input.selector))
    .sort((a, b) => BY_NAME.compare(nameOf(a), nameOf(b)));
  const judged = matching.map((node) => ({ node, reasons: exclusionReasons(node, input) }));
  const eligible = judged.filter(({ reasons }) => reasons.length === 0).map(({ node }) => node);
  const left = judged.filter(({ reasons }) => reasons.length > 0);
  const excluded = left.map(({ node, reasons }) => `not chosen: ${nameOf(node)} (${reasons.join('; ')})`);
  const selector = input.selectorText ? ` matching --node-selector '${input.selectorText}'` : '';
  if (eligible.length < MIN_FLEET_NODES) {
    const each = judged.map(({ node, reasons }) => `${nameOf(node)} (${reasons.join('; ') || 'ok'})`);
    const found = each.length === 0 ? 'there are none' : `of the ${each.length}: ${each.join(', ')}`;
    throw new UsageError(
      `A fleet needs at least ${MIN_FLEET_NODES} eligible nodes${selector}, each with ${input.needText} free; ${found}.`,
    );
  }
  const nodes = eligible.slice(0, maxNodes ?? eligible.length);
  const cpu = input.requestedMillis === undefined ? 'allocatable' : 'free';
  const cap =
    nodes.length < eligible.length ? `, the first ${nodes.length} of ${eligible.length} eligible` : '';
  const why = `fleet of ${nodes.length} nodes: ${nodes.map(nameOf).join(', ')} (by name among Ready, schedulable${input.allowControlPlane === true ? '' : ' worker'} nodes${selector} with tolerated taints and ≥ ${formatCpus(input.needMillis)} ${cpu} CPUs${cap})`;
  return { nodes, why, excluded };
}
