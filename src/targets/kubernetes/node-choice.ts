/** Which two nodes play client and server, and why: pure, over Node objects as the API returns them. */
import type { V1Node, V1Toleration } from '@kubernetes/client-node';
import { UsageError } from '../../util/errors.js';
import { type LabelRequirement, matchesSelector } from './label-selector.js';
import { isControlPlane } from './node-roles.js';
import { formatCpus } from './profiles.js';
import { blockingTaints, formatTaint } from './tolerations.js';

/** What the choice works from. */
export interface NodeChoiceInput {
  nodes: readonly V1Node[];
  /** --client-node / --server-node, when given. */
  clientNode?: string | undefined;
  serverNode?: string | undefined;
  /** --node-selector as given (for messages) and parsed. */
  selectorText?: string | undefined;
  selector: readonly LabelRequirement[];
  tolerations: readonly V1Toleration[];
  /** CPU each node must have free for the largest profile's pods, in millicores. */
  needMillis: number;
  /** How that need adds up, for the error when no node has it. */
  needText: string;
  /**
   * CPU the pods on each node request (by node name, in millicores; see node-cpu.ts); undefined when
   * unknown (listing pods cluster-wide was refused): then allocatable CPU counts as free.
   */
  requestedMillis?: ReadonlyMap<string, number> | undefined;
  /** Control-plane nodes may be chosen automatically (--allow-control-plane). */
  allowControlPlane?: boolean | undefined;
}

/** The nodes chosen, one line saying why, and one line per node left out saying why. */
export interface NodeChoice {
  client: V1Node;
  server: V1Node;
  why: string;
  excluded: string[];
}

const SI_FACTORS: Readonly<Record<string, number>> = { m: 0.001, '': 1, k: 1e3, M: 1e6, G: 1e9 };

/** A CPU quantity ("8", "7910m", "0.5") in millicores; NaN when it is not one. */
export function parseCpuMillis(quantity: string | undefined): number {
  const match = /^([0-9.]+(?:e[0-9]+)?)(m|k|M|G)?$/.exec(quantity?.trim() ?? '');
  if (match?.[1] === undefined) return Number.NaN;
  return Math.round(Number(match[1]) * (SI_FACTORS[match[2] ?? ''] ?? Number.NaN) * 1000);
}

/** Allocatable CPU of a node in millicores (0 when missing or unreadable). */
export function allocatableMillis(node: V1Node): number {
  const millis = parseCpuMillis(node.status?.allocatable?.cpu);
  return Number.isNaN(millis) ? 0 : millis;
}

/** Whether the node's Ready condition is True. */
export function isReady(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function nameOf(node: V1Node): string {
  return node.metadata?.name ?? '?';
}

/** CPU of a node not yet requested by pods on it, in millicores (allocatable when that is unknown). */
export function freeMillis(node: V1Node, requested: ReadonlyMap<string, number> | undefined): number {
  return allocatableMillis(node) - (requested?.get(nameOf(node)) ?? 0);
}

/** "31 free of 32 allocatable", or "32 allocatable" when what pods request is unknown. */
function describeFree(node: V1Node, input: NodeChoiceInput): string {
  const allocatable = formatCpus(allocatableMillis(node));
  if (input.requestedMillis === undefined) return `${allocatable} allocatable`;
  return `${formatCpus(freeMillis(node, input.requestedMillis))} free of ${allocatable} allocatable`;
}

/** Why a node cannot take the pods, apart from CPU and the selector; empty when it can. */
function placementProblems(node: V1Node, input: NodeChoiceInput, named = false): string[] {
  const problems: string[] = [];
  // A control-plane node runs the API server and etcd: a benchmark there disturbs both, and it them.
  if (!named && input.allowControlPlane !== true && isControlPlane(node))
    return ['control-plane node: add --allow-control-plane to use it'];
  if (!isReady(node)) problems.push('NotReady');
  if (node.spec?.unschedulable === true) problems.push('cordoned');
  const taints = blockingTaints(node.spec?.taints ?? [], input.tolerations).map(formatTaint);
  if (taints.length > 0) {
    const flags = taints.map((taint) => `--toleration ${taint}`).join(' ');
    problems.push(`taint${taints.length > 1 ? 's' : ''} ${taints.join(', ')} not tolerated: add ${flags}`);
  }
  return problems;
}

function matches(node: V1Node, input: NodeChoiceInput): boolean {
  return matchesSelector(node.metadata?.labels, input.selector);
}

function hasCpu(node: V1Node, input: NodeChoiceInput): boolean {
  return freeMillis(node, input.requestedMillis) >= input.needMillis;
}

function cpuError(nodes: readonly V1Node[], input: NodeChoiceInput): UsageError {
  const list = nodes.map((node) => `${nameOf(node)} ${describeFree(node, input)}`).join(', ');
  const which = input.requestedMillis === undefined ? 'allocatable (free CPU unknown)' : 'free';
  return new UsageError(
    `Each node needs ${input.needText} ${which}; CPUs: ${list}. Use bigger nodes, free CPU on them or leave out the largest scenarios (--scenarios).`,
  );
}

function namedNode(input: NodeChoiceInput, name: string, flag: string): V1Node {
  const node = input.nodes.find((candidate) => nameOf(candidate) === name);
  if (node === undefined) {
    const names = input.nodes.map(nameOf).join(', ') || 'none';
    throw new UsageError(`Unknown ${flag} '${name}'. Nodes in the cluster: ${names}.`);
  }
  const problems = placementProblems(node, input, true);
  if (problems.length > 0)
    throw new UsageError(`${flag} ${name} cannot take the pods: ${problems.join('; ')}.`);
  if (!hasCpu(node, input)) throw cpuError([node], input);
  return node;
}

/** "of the 2 matching nodes: perf-1 (taint …), perf-2 (ok)": why each candidate was left out. */
function describeCandidates(input: NodeChoiceInput, excluded: readonly string[]): string {
  const candidates = input.nodes.filter((node) => !excluded.includes(nameOf(node)) && matches(node, input));
  const which = input.selectorText === undefined ? 'nodes' : 'matching nodes';
  const each = candidates.map(
    (node) => `${nameOf(node)} (${exclusionReasons(node, input).join('; ') || 'ok'})`,
  );
  return candidates.length === 0
    ? `there are no ${which}`
    : `of the ${candidates.length} ${which}: ${each.join(', ')}`;
}

/** Every reason a node is left out of the automatic choice (empty: it can be chosen); the fleet's choice uses it too. */
export function exclusionReasons(node: V1Node, input: NodeChoiceInput): string[] {
  const problems = placementProblems(node, input);
  if (problems.length === 0 && !hasCpu(node, input))
    problems.push(`${describeFree(node, input)} < ${formatCpus(input.needMillis)} needed`);
  return problems;
}

/** "not chosen: perf-1 (31 free of 32 allocatable < 32 needed)" for each matching node left out, by name. */
function describeExclusions(input: NodeChoiceInput, named: readonly string[]): string[] {
  if (named.length === 2) return [];
  return input.nodes
    .filter((node) => !named.includes(nameOf(node)) && matches(node, input))
    .map((node) => ({ node, reasons: exclusionReasons(node, input) }))
    .filter(({ reasons }) => reasons.length > 0)
    .sort((a, b) => nameOf(a.node).localeCompare(nameOf(b.node)))
    .map(({ node, reasons }) => `not chosen: ${nameOf(node)} (${reasons.join('; ')})`);
}

function pickAutomatically(input: NodeChoiceInput, count: number, excluded: readonly string[]): V1Node[] {
  const placeable = input.nodes
    .filter((node) => !excluded.includes(nameOf(node)) && matches(node, input))
    .filter((node) => placementProblems(node, input).length === 0)
    // By name: the same cluster gives the same nodes run after run, so results stay comparable.
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const fitting = placeable.filter((node) => hasCpu(node, input));
  if (fitting.length >= count) return fitting.slice(0, count);
  if (placeable.length >= count) throw cpuError(placeable, input);
  const selector = input.selectorText ? ` matching --node-selector '${input.selectorText}'` : '';
  const needed = count === 2 ? 'two Ready, schedulable nodes' : 'one more Ready, schedulable node';
  throw new UsageError(`Need ${needed}${selector}; ${describeCandidates(input, excluded)}.`);
}

/**
 * Chooses client and server nodes: the ones named, else the first by name among Ready, schedulable
 * nodes that match the selector, are not control-plane nodes (unless allowed), whose NoSchedule/NoExecute
 * taints are tolerated and that have the CPU free (allocatable − what pods on them request). A node given
 * by name may be a control-plane node: naming it is asking for it. Never one node for both. Throws a
 * UsageError saying what is missing.
 */
export function chooseNodes(input: NodeChoiceInput): NodeChoice {
  const { clientNode, serverNode } = input;
  if (clientNode !== undefined && clientNode === serverNode) {
    throw new UsageError(
      `--client-node and --server-node are both '${clientNode}'. Expected two different nodes: the measurement is between nodes.`,
    );
  }
  const client = clientNode === undefined ? undefined : namedNode(input, clientNode, '--client-node');
  const server = serverNode === undefined ? undefined : namedNode(input, serverNode, '--server-node');
  const named = [clientNode, serverNode].filter((name): name is string => name !== undefined);
  const picked = pickAutomatically(input, 2 - named.length, named);
  const chosenClient = client ?? picked.shift();
  const chosenServer = server ?? picked.shift();
  if (chosenClient === undefined || chosenServer === undefined) throw new Error('node choice picked too few');
  return {
    client: chosenClient,
    server: chosenServer,
    why: whyLine(input, named.length, chosenClient, chosenServer),
    excluded: describeExclusions(input, named),
  };
}

function whyLine(input: NodeChoiceInput, namedCount: number, client: V1Node, server: V1Node): string {
  const nodes = `client node ${nameOf(client)}, server node ${nameOf(server)}`;
  if (namedCount === 2) return `${nodes} (given by --client-node and --server-node)`;
  const selector = input.selectorText ? ` matching '${input.selectorText}'` : '';
  const given = namedCount === 1 ? 'one given, the other ' : '';
  const cpu = input.requestedMillis === undefined ? 'allocatable' : 'free';
  const role = input.allowControlPlane === true ? '' : ' worker';
  return `${nodes} (${given}first by name among Ready, schedulable${role} nodes${selector} with tolerated taints and ≥ ${formatCpus(input.needMillis)} ${cpu} CPUs)`;
}
