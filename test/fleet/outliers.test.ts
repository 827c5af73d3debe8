import { fitCells } from '../../src/fleet/effects.js';
import {
  findOutliers,
  MIN_RELATIVE_SPREAD,
  OUTLIER_Z_CUT,
  robustZ,
  slowNodes,
} from '../../src/fleet/outliers.js';
import { additiveCells, type TableShape } from '../helpers/fleet-tables.js';

const outliersOf = (shape: TableShape, metric: 'throughput_gbps' | 'cpu_cost_ratio' = 'throughput_gbps') =>
  findOutliers(fitCells('tcp_stream_1', metric, additiveCells(shape)));

describe('robustZ', () => {
  it('floors the scale when all values are equal (MAD 0) instead of dividing by zero', () => {
    const { scale, z } = robustZ([0, 0, 0, 0, 0.05]);
    expect(scale).toBe(MIN_RELATIVE_SPREAD);
    expect(z[4]).toBeCloseTo(5, 9);
    expect(z.slice(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('estimates centre and scale again from the values within the cut, so outliers do not widen the scale', () => {
    const { centre, scale, z } = robustZ([-0.02, -0.01, 0, 0.01, 0.02, -0.5, -0.12]);
    expect(centre).toBe(0);
    expect(scale).toBeCloseTo(1.4826 * 0.01, 9);
    expect(z[6]).toBeLessThan(-8);
  });
});

describe('findOutliers', () => {
  it('names a node 30 % slow as client with its figure and the fleet median, and no other node', () => {
    const { nodes, pairs } = outliersOf({
      nodes: 8,
      plan: { kind: 'all' },
      client: { 'node-4': 0.7 },
      wobble: 0.02,
    });
    expect(nodes).toHaveLength(1);
    const [slow] = nodes;
    expect(slow).toMatchObject({
      node: 'node-4',
      side: 'client',
      speed: 'slow',
      gating: true,
      from: 'effects',
    });
    expect(slow?.changePct).toBeCloseTo(-30, 0);
    expect(slow?.fleetMedian).toBeCloseTo(10, 0);
    expect(slow?.value).toBeCloseTo(7, 0);
    expect(slow?.robustZ).toBeLessThan(-OUTLIER_Z_CUT);
    expect(pairs).toEqual([]);
  });

  it('names a node slow on both sides once per side', () => {
    const shape = {
      nodes: 8,
      plan: { kind: 'all' },
      client: { 'node-2': 0.7 },
      server: { 'node-2': 0.7 },
    } as const;
    const { nodes } = outliersOf(shape);
    expect(nodes.map((n) => [n.node, n.side])).toEqual([
      ['node-2', 'client'],
      ['node-2', 'server'],
    ]);
    expect(slowNodes([outliersOf(shape)])).toEqual(['node-2']);
  });

  it('reports a fast node as fast and not gating', () => {
    const { nodes } = outliersOf({ nodes: 8, plan: { kind: 'all' }, server: { 'node-6': 1.4 } });
    expect(nodes).toMatchObject([{ node: 'node-6', side: 'server', speed: 'fast', gating: false }]);
    expect(nodes[0]?.changePct).toBeCloseTo(40, 6);
  });

  it('takes a higher CPU cost as slow', () => {
    const { nodes } = outliersOf(
      { nodes: 8, plan: { kind: 'all' }, client: { 'node-1': 1.3 } },
      'cpu_cost_ratio',
    );
    expect(nodes).toMatchObject([{ node: 'node-1', speed: 'slow', gating: true }]);
  });

  it('does not name a difference below 10 % however tight the fleet is', () => {
    const { nodes } = outliersOf({ nodes: 8, plan: { kind: 'all' }, client: { 'node-1': 0.93 } });
    expect(nodes).toEqual([]);
  });

  it('names a bad link as a pair, its nodes not', () => {
    const { nodes, pairs } = outliersOf({
      nodes: 8,
      plan: { kind: 'all' },
      link: { 'node-3>node-7': 0.6 },
      wobble: 0.02,
    });
    expect(nodes).toEqual([]);
    expect(pairs).toMatchObject([{ client: 'node-3', server: 'node-7', speed: 'slow', gating: true }]);
    expect(pairs[0]?.changePct).toBeLessThan(-35);
    expect(pairs[0]?.fleetMedian).toBeCloseTo(10, 0);
    expect(pairs[0]?.value).toBeCloseTo(6, 0);
  });

  it('on a ring names a node slow on both sides from its two slow pairs', () => {
    const shape = {
      nodes: 8,
      plan: { kind: 'ring' },
      client: { 'node-5': 0.7 },
      server: { 'node-5': 0.7 },
    } as const;
    const { nodes, pairs } = outliersOf({ ...shape, wobble: 0.02 });
    expect(pairs.map((p) => `${p.client}>${p.server}`).sort()).toEqual(['node-4>node-5', 'node-5>node-6']);
    expect(nodes).toMatchObject([{ node: 'node-5', side: 'both', from: 'pairs', speed: 'slow' }]);
  });

  it('on a ring of 12 judges each node on the cells it is not in: two nodes slow on both sides are both named', () => {
    const slow = { 'node-3': 0.7, 'node-8': 0.75 };
    const { nodes } = outliersOf({
      nodes: 12,
      plan: { kind: 'ring' },
      client: slow,
      server: slow,
      wobble: 0.03,
    });
    expect(nodes.map((n) => [n.node, n.side, n.from, n.speed])).toEqual([
      ['node-3', 'both', 'pairs', 'slow'],
      ['node-8', 'both', 'pairs', 'slow'],
    ]);
    expect(nodes[0]?.changePct).toBeCloseTo(-30, 0);
  });

  it('on a ring names a node slow on one side as a pair only: the side cannot be told from one pair', () => {
    const { nodes, pairs } = outliersOf({
      nodes: 8,
      plan: { kind: 'ring' },
      client: { 'node-5': 0.7 },
      wobble: 0.02,
    });
    expect(nodes).toEqual([]);
    expect(pairs).toMatchObject([{ client: 'node-5', server: 'node-6' }]);
  });

  it('names nothing in a fleet with no slow node', () => {
    expect(outliersOf({ nodes: 8, plan: { kind: 'all' }, wobble: 0.03 })).toEqual({ nodes: [], pairs: [] });
    expect(outliersOf({ nodes: 8, plan: { kind: 'ring' }, wobble: 0.03 })).toEqual({ nodes: [], pairs: [] });
  });
});
