import {
  cellValue,
  fitCells,
  fitFleet,
  MIN_CELLS_FOR_EFFECT,
  primaryMetrics,
} from '../../src/fleet/effects.js';
import { additiveCells } from '../helpers/fleet-tables.js';
import { around, scenarioWith, withReference } from '../helpers/results-builder.js';

const effectOf = (fit: ReturnType<typeof fitCells>, node: string, side: 'client' | 'server') =>
  fit.effects.find((e) => e.node === node && e.side === side)?.effectLog;

describe('fitCells (median polish over observed cells)', () => {
  it('recovers client and server factors of a complete noise-free table, residuals zero', () => {
    const cells = additiveCells({
      nodes: 6,
      plan: { kind: 'all' },
      client: { 'node-2': 0.7 },
      server: { 'node-5': 1.2 },
    });
    const fit = fitCells('tcp_stream_1', 'throughput_gbps', cells);
    expect(fit.converged).toBe(true);
    expect(Math.exp(fit.overallLog)).toBeCloseTo(10, 6);
    expect(effectOf(fit, 'node-2', 'client')).toBeCloseTo(Math.log(0.7), 6);
    expect(effectOf(fit, 'node-5', 'server')).toBeCloseTo(Math.log(1.2), 6);
    expect(effectOf(fit, 'node-1', 'client')).toBeCloseTo(0, 6);
    for (const r of fit.residuals) expect(r.residualLog).toBeCloseTo(0, 6);
    expect(fit.effects.every((e) => e.cells === 5)).toBe(true);
  });

  it('works on an incomplete table (random:3 of 12 nodes): the slow client node stands out', () => {
    const cells = additiveCells({
      nodes: 12,
      plan: { kind: 'random', pairsPerNode: 3 },
      client: { 'node-4': 0.7 },
    });
    const fit = fitCells('tcp_stream_1', 'throughput_gbps', cells);
    expect(fit.converged).toBe(true);
    expect(effectOf(fit, 'node-4', 'client')).toBeCloseTo(Math.log(0.7), 6);
    expect(Math.max(...fit.residuals.map((r) => Math.abs(r.residualLog)))).toBeLessThan(1e-9);
  });

  it('fits no effect for a side with fewer cells than needed (a ring): the deviation stays in the residuals', () => {
    expect(MIN_CELLS_FOR_EFFECT).toBe(2);
    const cells = additiveCells({ nodes: 6, plan: { kind: 'ring' }, client: { 'node-3': 0.7 } });
    const fit = fitCells('tcp_stream_1', 'throughput_gbps', cells);
    expect(fit.effects).toEqual([]);
    const slowPair = fit.residuals.find((r) => r.client === 'node-3');
    expect(slowPair?.residualLog).toBeCloseTo(Math.log(0.7), 6);
  });

  it('stops within its bound on a table that does not settle at once', () => {
    const cells = additiveCells({ nodes: 9, plan: { kind: 'all' }, wobble: 0.2 });
    const fit = fitCells('s', 'throughput_gbps', cells);
    expect(fit.iterations).toBeGreaterThan(0);
    expect(fit.iterations).toBeLessThanOrEqual(50);
  });
});

describe('fitFleet', () => {
  it('fits each scenario on its rate and, with a reference, on rate_ratio; a cell is the median of its pair', () => {
    const pairs = [
      ['a', 'b', 9],
      ['b', 'a', 10],
      ['a', 'c', 9],
      ['c', 'a', 10],
      ['b', 'c', 10],
      ['c', 'b', 10],
    ].map(([client, server, gbps]) => {
      const pod = scenarioWith('tcp_stream_1', around('throughput_gbps', gbps as number, 5, 2));
      return {
        client: client as string,
        server: server as string,
        result: withReference(pod, around('throughput_gbps', 10, 5, 2)),
      };
    });
    const fits = fitFleet(pairs);
    expect(fits.map((f) => [f.scenario, f.metric])).toEqual([
      ['tcp_stream_1', 'throughput_gbps'],
      ['tcp_stream_1', 'rate_ratio'],
    ]);
    const rate = fits[0];
    expect(rate?.residuals.find((r) => r.client === 'a' && r.server === 'b')?.valueLog).toBeCloseTo(
      Math.log(9),
      9,
    );
    const ratio = fits[1];
    expect(ratio?.residuals.find((r) => r.client === 'a' && r.server === 'b')?.valueLog).toBeCloseTo(
      Math.log(0.9),
      9,
    );
  });

  it('leaves out a pair with no positive value (a failed pair) and fits an empty scenario as empty', () => {
    const failed = scenarioWith('tcp_rr_1cpu', [{ transactions_per_sec: 0 }, {}]);
    expect(primaryMetrics(failed)).toEqual(['transactions_per_sec']);
    expect(cellValue(failed, 'transactions_per_sec')).toBeUndefined();
    const [fit] = fitFleet([{ client: 'a', server: 'b', result: failed }]);
    expect(fit).toMatchObject({ scenario: 'tcp_rr_1cpu', effects: [], residuals: [], converged: true });
  });
});

describe('a fleet whose cells are all equal', () => {
  it('still reports every estimable node with effect 0', () => {
    const nodes = ['a', 'b', 'c'];
    const cells = nodes.flatMap((client) =>
      nodes.filter((server) => server !== client).map((server) => ({ client, server, value: 5 })),
    );
    const fit = fitCells('tcp_rr_1cpu', 'transactions_per_sec', cells);
    expect(fit.effects).toHaveLength(6);
    expect(fit.effects.every((e) => e.effectLog === 0 && e.cells === 2)).toBe(true);
  });
});
