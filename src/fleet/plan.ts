/**
 * Fleet pair plans: which ordered (client node → server node) pairs a fleet run measures. Pure.
 *
 * - `ring`: node i → node i+1 (mod N) in the order given: each node is client once and server once.
 * - `all`: every ordered pair of distinct nodes, N·(N−1) pairs.
 * - `random:K`: a seeded circulant plan. The nodes are shuffled, K distinct offsets d are drawn from
 *   1 … N−1, and each node at position i is client of the node at position i+d (mod N). Guarantees:
 *   every node is client of exactly K pairs and server of exactly K pairs, no self-pairs, no pair
 *   twice; the same nodes, K and seed give the same pairs. K must be at most N−1.
 *
 * Interface for the CLI (next step): `parsePlanSpec(flagText)` turns `--plan` into a `PlanSpec`
 * (UsageError on a bad spec) and `planPairs(nodes, spec, seed)` gives the pairs to schedule with
 * `scheduleRounds` (rounds.ts).
 */
import { createRng, type Rng } from '../stats/random.js';
import { UsageError } from '../util/errors.js';

/** A pair plan as written on the command line. */
export type PlanSpec = { kind: 'ring' } | { kind: 'all' } | { kind: 'random'; pairsPerNode: number };

/** One measured direction: netperf runs in `client`'s client pod against `server`'s server pod. */
export interface NodePair {
  client: string;
  server: string;
}

const PLAN_USAGE = "Expected 'ring', 'all' or 'random:K' with K a positive integer.";

/** Parses `--plan` text: `ring`, `all` or `random:K`. Throws a one-line UsageError otherwise. */
export function parsePlanSpec(text: string): PlanSpec {
  const spec = text.trim();
  if (spec === 'ring' || spec === 'all') return { kind: spec };
  const match = /^random:(\d+)$/.exec(spec);
  const pairsPerNode = match ? Number(match[1]) : Number.NaN;
  if (Number.isSafeInteger(pairsPerNode) && pairsPerNode >= 1) return { kind: 'random', pairsPerNode };
  throw new UsageError(`Invalid pair plan '${text}'. ${PLAN_USAGE}`);
}

/** The spec as the CLI accepts it back (for results files and reports). */
export function formatPlanSpec(spec: PlanSpec): string {
  return spec.kind === 'random' ? `random:${spec.pairsPerNode}` : spec.kind;
}

function checkNodes(nodes: readonly string[]): void {
  if (nodes.length < 2) {
    throw new UsageError(`A fleet needs at least 2 nodes, got ${nodes.length}. Widen the node selector.`);
  }
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node)) throw new UsageError(`Node '${node}' is listed twice. Name each node once.`);
    seen.add(node);
  }
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function circulantPairs(order: readonly string[], offsets: readonly number[]): NodePair[] {
  const pairs: NodePair[] = [];
  for (const offset of offsets) {
    for (const [i, client] of order.entries()) {
      pairs.push({ client, server: order[(i + offset) % order.length] as string });
    }
  }
  return pairs;
}

function allPairs(nodes: readonly string[]): NodePair[] {
  return nodes.flatMap((client) => nodes.filter((s) => s !== client).map((server) => ({ client, server })));
}

function randomPairs(nodes: readonly string[], pairsPerNode: number, seed: number): NodePair[] {
  if (pairsPerNode > nodes.length - 1) {
    throw new UsageError(
      `Pair plan 'random:${pairsPerNode}' needs more than ${nodes.length} nodes. Use K ≤ ${nodes.length - 1} or 'all'.`,
    );
  }
  const rng = createRng(seed);
  const order = shuffled(nodes, rng);
  const offsets = shuffled(
    Array.from({ length: nodes.length - 1 }, (_, i) => i + 1),
    rng,
  ).slice(0, pairsPerNode);
  return circulantPairs(
    order,
    offsets.sort((a, b) => a - b),
  );
}

/**
 * The pairs a plan measures over `nodes` (in the order given; `seed` is used by `random:K` only).
 * Throws a UsageError for fewer than 2 nodes, a node named twice or K > N−1.
 */
export function planPairs(nodes: readonly string[], spec: PlanSpec, seed: number): NodePair[] {
  checkNodes(nodes);
  switch (spec.kind) {
    case 'ring':
      return circulantPairs(nodes, [1]);
    case 'all':
      return allPairs(nodes);
    case 'random':
      return randomPairs(nodes, spec.pairsPerNode, seed);
  }
}
