import { formatPlanSpec, type NodePair, parsePlanSpec, planPairs } from '../../src/fleet/plan.js';
import { UsageError } from '../../src/util/errors.js';

const nodes = (n: number) => Array.from({ length: n }, (_, i) => `node-${i + 1}`);
const key = (p: NodePair) => `${p.client}>${p.server}`;
const count = (pairs: NodePair[], side: 'client' | 'server', node: string) =>
  pairs.filter((p) => p[side] === node).length;

describe('parsePlanSpec', () => {
  it.each([
    ['ring', { kind: 'ring' }],
    ['all', { kind: 'all' }],
    [' random:3 ', { kind: 'random', pairsPerNode: 3 }],
  ])('reads %j', (text, spec) => {
    expect(parsePlanSpec(text)).toEqual(spec);
    expect(parsePlanSpec(formatPlanSpec(parsePlanSpec(text)))).toEqual(spec);
  });

  it.each(['', 'mesh', 'random', 'random:0', 'random:-1', 'random:2.5', 'random:x'])(
    'refuses %j with a one-line usage error naming the forms',
    (text) => {
      expect(() => parsePlanSpec(text)).toThrow(UsageError);
      expect(() => parsePlanSpec(text)).toThrow(
        /^Invalid pair plan '.*'\. Expected 'ring', 'all' or 'random:K'/,
      );
    },
  );
});

describe('planPairs', () => {
  it('ring: node i is client of node i+1, the last of the first', () => {
    expect(planPairs(['a', 'b', 'c'], { kind: 'ring' }, 1).map(key)).toEqual(['a>b', 'b>c', 'c>a']);
  });

  it('all: every ordered pair of distinct nodes once', () => {
    const pairs = planPairs(nodes(5), { kind: 'all' }, 1);
    expect(pairs).toHaveLength(20);
    expect(new Set(pairs.map(key)).size).toBe(20);
    expect(pairs.every((p) => p.client !== p.server)).toBe(true);
  });

  it.each([
    [6, 1],
    [6, 3],
    [6, 5],
    [17, 4],
  ])(
    'random:K over %i nodes (K=%i): each node client K times and server K times, no self-pair, no repeat',
    (n, k) => {
      const pairs = planPairs(nodes(n), { kind: 'random', pairsPerNode: k }, 42);
      expect(pairs).toHaveLength(n * k);
      expect(new Set(pairs.map(key)).size).toBe(n * k);
      expect(pairs.every((p) => p.client !== p.server)).toBe(true);
      for (const node of nodes(n)) {
        expect(count(pairs, 'client', node)).toBe(k);
        expect(count(pairs, 'server', node)).toBe(k);
      }
    },
  );

  it('random:K is the same for the same seed and differs for another', () => {
    const plan = { kind: 'random', pairsPerNode: 2 } as const;
    expect(planPairs(nodes(10), plan, 7)).toEqual(planPairs(nodes(10), plan, 7));
    expect(planPairs(nodes(10), plan, 7).map(key)).not.toEqual(planPairs(nodes(10), plan, 8).map(key));
  });

  it('refuses fewer than 2 nodes, a node twice and K beyond N−1', () => {
    expect(() => planPairs(['a'], { kind: 'ring' }, 1)).toThrow(/^A fleet needs at least 2 nodes, got 1\./);
    expect(() => planPairs(['a', 'b', 'a'], { kind: 'all' }, 1)).toThrow(/^Node 'a' is listed twice\./);
    expect(() => planPairs(nodes(4), { kind: 'random', pairsPerNode: 4 }, 1)).toThrow(
      /^Pair plan 'random:4' needs more than 4 nodes\. Use K ≤ 3 or 'all'\./,
    );
  });
});
