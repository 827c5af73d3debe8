/**
 * Rounds: the pairs of a plan grouped so that no node is in two pairs of one round (as client or
 * server) and a round holds at most `parallel` pairs. A round costs one pair's time, since its pairs
 * run at once on disjoint nodes. Pure and deterministic: the same pairs give the same rounds.
 *
 * - When the pairs are every ordered pair of their nodes (`all`), the circle method of a round-robin
 *   tournament gives N−1 rounds of unordered pairs (N rounds for odd N, one node resting each round);
 *   each is played in one direction and then the other, so 2(N−1) rounds (2N for odd N), the minimum
 *   when `parallel` ≥ ⌊N/2⌋.
 * - Otherwise a greedy edge colouring: each round takes pairs in plan order, those whose nodes have
 *   the most pairs left first. It needs at most 2Δ−1 rounds (Δ: the most pairs any node is in); a
 *   ring of even N takes 2, of odd N 3, the minimum.
 * A round larger than `parallel` is split into consecutive rounds of at most `parallel` pairs.
 *
 * Interface for the runner (next step): `scheduleRounds(pairs, parallel)`; `minimumRounds` is the lower
 * bound reports and benchmarks compare against.
 */
import { UsageError } from '../util/errors.js';
import type { NodePair } from './plan.js';

const pairKey = (p: NodePair) => `${p.client}\u0000${p.server}`;

function nodesOf(pairs: readonly NodePair[]): string[] {
  const nodes: string[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    for (const node of [p.client, p.server]) {
      if (!seen.has(node)) nodes.push(node);
      seen.add(node);
    }
  }
  return nodes;
}

function isCompletePlan(pairs: readonly NodePair[], nodes: readonly string[]): boolean {
  if (pairs.length !== nodes.length * (nodes.length - 1)) return false;
  return new Set(pairs.map(pairKey)).size === pairs.length && pairs.every((p) => p.client !== p.server);
}

/** Circle method: node 0 stays, the others rotate; a dummy (null) makes the count even. */
function tournamentRounds(nodes: readonly string[]): NodePair[][] {
  const seats: (string | null)[] = nodes.length % 2 === 0 ? [...nodes] : [...nodes, null];
  const n = seats.length;
  const forward: NodePair[][] = [];
  for (let round = 0; round < n - 1; round += 1) {
    const games: NodePair[] = [];
    for (let i = 0; i < n / 2; i += 1) {
      const a = seats[i];
      const b = seats[n - 1 - i];
      if (a != null && b != null)
        games.push(round % 2 === 0 ? { client: a, server: b } : { client: b, server: a });
    }
    forward.push(games);
    seats.splice(1, 0, seats.pop() as string | null);
  }
  const backward = forward.map((games) => games.map((p) => ({ client: p.server, server: p.client })));
  return [...forward, ...backward];
}

function pairsPerNode(pairs: readonly NodePair[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const p of pairs) {
    count.set(p.client, (count.get(p.client) ?? 0) + 1);
    count.set(p.server, (count.get(p.server) ?? 0) + 1);
  }
  return count;
}

function greedyRounds(pairs: readonly NodePair[], parallel: number): NodePair[][] {
  let left = [...pairs];
  const rounds: NodePair[][] = [];
  while (left.length > 0) {
    const load = pairsPerNode(left);
    const weight = (p: NodePair) => (load.get(p.client) ?? 0) + (load.get(p.server) ?? 0);
    // A stable sort keeps plan order among equals, so the schedule is deterministic.
    const order = left.map((p, i) => ({ p, i })).sort((a, b) => weight(b.p) - weight(a.p) || a.i - b.i);
    const busy = new Set<string>();
    const round: NodePair[] = [];
    for (const { p } of order) {
      if (round.length >= parallel) break;
      if (busy.has(p.client) || busy.has(p.server)) continue;
      busy.add(p.client).add(p.server);
      round.push(p);
    }
    const taken = new Set(round);
    left = left.filter((p) => !taken.has(p));
    rounds.push(round);
  }
  return rounds;
}

function splitRounds(rounds: readonly NodePair[][], parallel: number): NodePair[][] {
  return rounds.flatMap((round) => {
    const parts: NodePair[][] = [];
    for (let i = 0; i < round.length; i += parallel) parts.push(round.slice(i, i + parallel));
    return parts;
  });
}

function checkPairs(pairs: readonly NodePair[], parallel: number): void {
  if (!Number.isSafeInteger(parallel) || parallel < 1) {
    throw new UsageError(`Invalid parallel pairs ${parallel}. Expected a positive integer.`);
  }
  const seen = new Set<string>();
  for (const p of pairs) {
    if (p.client === p.server) throw new UsageError(`Pair ${p.client} → ${p.server} uses one node twice.`);
    if (seen.has(pairKey(p))) throw new UsageError(`Pair ${p.client} → ${p.server} is planned twice.`);
    seen.add(pairKey(p));
  }
}

/**
 * Rounds of disjoint pairs, each of at most `parallel` pairs; every pair in exactly one round.
 * Throws a UsageError for a self-pair, a pair planned twice or a `parallel` below 1.
 */
export function scheduleRounds(pairs: readonly NodePair[], parallel: number): NodePair[][] {
  checkPairs(pairs, parallel);
  const nodes = nodesOf(pairs);
  if (isCompletePlan(pairs, nodes)) return splitRounds(tournamentRounds(nodes), parallel);
  return greedyRounds(pairs, parallel);
}

/** No schedule has fewer rounds: max(Δ, ⌈pairs / min(parallel, ⌊N/2⌋)⌉). */
export function minimumRounds(pairs: readonly NodePair[], parallel: number): number {
  if (pairs.length === 0) return 0;
  const load = pairsPerNode(pairs);
  const perRound = Math.min(parallel, Math.floor(load.size / 2));
  return Math.max(Math.max(...load.values()), Math.ceil(pairs.length / perRound));
}
