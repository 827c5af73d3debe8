import { type NodePair, planPairs } from '../../src/fleet/plan.js';
import { minimumRounds, scheduleRounds } from '../../src/fleet/rounds.js';
import { UsageError } from '../../src/util/errors.js';

const nodes = (n: number) => Array.from({ length: n }, (_, i) => `node-${i + 1}`);
const key = (p: NodePair) => `${p.client}>${p.server}`;

function expectValidSchedule(pairs: NodePair[], rounds: NodePair[][], parallel: number): void {
  for (const round of rounds) {
    const used = round.flatMap((p) => [p.client, p.server]);
    expect(new Set(used).size).toBe(used.length);
    expect(round.length).toBeGreaterThan(0);
    expect(round.length).toBeLessThanOrEqual(parallel);
  }
  expect(rounds.flat().map(key).sort()).toEqual(pairs.map(key).sort());
}

describe('scheduleRounds', () => {
  it.each([2, 4, 6, 16])('all over %i nodes: 2(N−1) rounds of N/2 disjoint pairs', (n) => {
    const pairs = planPairs(nodes(n), { kind: 'all' }, 1);
    const rounds = scheduleRounds(pairs, n);
    expectValidSchedule(pairs, rounds, n);
    expect(rounds).toHaveLength(2 * (n - 1));
    expect(rounds.length).toBe(minimumRounds(pairs, n));
  });

  it.each([3, 5, 7])('all over odd %i nodes: 2N rounds, one node resting each', (n) => {
    const pairs = planPairs(nodes(n), { kind: 'all' }, 1);
    const rounds = scheduleRounds(pairs, n);
    expectValidSchedule(pairs, rounds, n);
    expect(rounds).toHaveLength(2 * n);
  });

  it.each([
    [4, 2],
    [16, 2],
    [6, 2],
    [5, 3],
    [15, 3],
  ])('ring over %i nodes takes %i rounds (the minimum: 2 for even N, 3 for odd)', (n, rounds) => {
    const pairs = planPairs(nodes(n), { kind: 'ring' }, 1);
    const schedule = scheduleRounds(pairs, n);
    expectValidSchedule(pairs, schedule, n);
    expect(schedule).toHaveLength(rounds);
  });

  it.each([
    [16, 3],
    [100, 3],
    [9, 4],
  ])('random over %i nodes (K=%i): within the greedy bound 2Δ−1 and at least the minimum', (n, k) => {
    const pairs = planPairs(nodes(n), { kind: 'random', pairsPerNode: k }, 3);
    const rounds = scheduleRounds(pairs, n);
    expectValidSchedule(pairs, rounds, n);
    expect(rounds.length).toBeGreaterThanOrEqual(minimumRounds(pairs, n));
    expect(rounds.length).toBeLessThanOrEqual(2 * (2 * k) - 1);
  });

  it.each([
    ['all', 1],
    ['all', 3],
    ['ring', 2],
    ['random', 4],
  ])(
    '%s with --parallel %i: no round holds more, and the count is within twice the minimum',
    (plan, parallel) => {
      const spec =
        plan === 'random' ? ({ kind: 'random', pairsPerNode: 3 } as const) : ({ kind: plan } as const);
      const pairs = planPairs(nodes(10), spec as Parameters<typeof planPairs>[1], 5);
      const rounds = scheduleRounds(pairs, parallel);
      expectValidSchedule(pairs, rounds, parallel);
      expect(rounds.length).toBeLessThanOrEqual(2 * minimumRounds(pairs, parallel));
    },
  );

  it('gives the same rounds for the same pairs', () => {
    const pairs = planPairs(nodes(12), { kind: 'random', pairsPerNode: 3 }, 9);
    expect(scheduleRounds(pairs, 4)).toEqual(scheduleRounds(pairs, 4));
  });

  it('refuses a self-pair, a pair twice and a parallel below 1', () => {
    expect(() => scheduleRounds([{ client: 'a', server: 'a' }], 1)).toThrow(UsageError);
    const twice = [
      { client: 'a', server: 'b' },
      { client: 'a', server: 'b' },
    ];
    expect(() => scheduleRounds(twice, 1)).toThrow(/^Pair a → b is planned twice\./);
    expect(() => scheduleRounds([], 0)).toThrow(/^Invalid parallel pairs 0\./);
  });
});
