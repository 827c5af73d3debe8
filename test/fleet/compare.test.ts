import { compareFleetFits, residualScale } from '../../src/fleet/compare.js';
import { fitCells } from '../../src/fleet/effects.js';
import { additiveCells, type TableShape } from '../helpers/fleet-tables.js';

const base: TableShape = { nodes: 8, plan: { kind: 'all' }, wobble: 0.02, server: { 'node-8': 0.9 } };
const fitOf = (shape: TableShape, metric: 'throughput_gbps' | 'transactions_per_sec' = 'throughput_gbps') =>
  fitCells('tcp_stream_1', metric, additiveCells(shape));

describe('compareFleetFits', () => {
  it('names a node whose client side got 25 % slower, with both runs’ figures', () => {
    const changes = compareFleetFits([fitOf(base)], [fitOf({ ...base, client: { 'node-2': 0.75 } })]);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change).toMatchObject({
      node: 'node-2',
      side: 'client',
      speed: 'slow',
      metric: 'throughput_gbps',
    });
    expect(change?.changePct).toBeCloseTo(-25, 0);
    expect(change?.beforePct).toBeCloseTo(0, 0);
    expect(change?.afterPct).toBeCloseTo(-25, 0);
    expect(change?.z).toBeLessThan(-3.5);
  });

  it('names nothing for the same fleet, a fleet-wide shift, or a node that got faster', () => {
    const before = [fitOf(base)];
    expect(compareFleetFits(before, [fitOf(base)])).toEqual([]);
    const everyClient = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`node-${i + 1}`, 0.8]));
    expect(compareFleetFits(before, [fitOf({ ...base, client: everyClient })])).toEqual([]);
    expect(compareFleetFits(before, [fitOf({ ...base, server: {} })])).toEqual([]);
  });

  it('names nothing within the noise: a 12 % change in a fleet whose pairs scatter by 10 %', () => {
    const noisy = { ...base, wobble: 0.1 };
    const before = fitOf(noisy);
    expect(residualScale(before)).toBeGreaterThan(0.05);
    expect(compareFleetFits([before], [fitOf({ ...noisy, client: { 'node-2': 0.88 } })])).toEqual([]);
  });

  it('matches fits by scenario and metric and skips those in one run only', () => {
    const after = fitOf({ ...base, client: { 'node-2': 0.6 } }, 'transactions_per_sec');
    expect(compareFleetFits([fitOf(base)], [after])).toEqual([]);
  });

  it('judges nothing when a run has no residual freedom (as many fitted parameters as cells)', () => {
    const effect = (node: string, side: 'client' | 'server') => ({ node, side, effectLog: 0, cells: 2 });
    const cell = (client: string, server: string) => ({ client, server, valueLog: 0, residualLog: 0 });
    const tight = {
      ...fitOf(base),
      effects: [effect('a', 'client'), effect('b', 'client'), effect('a', 'server'), effect('b', 'server')],
      residuals: [cell('a', 'b'), cell('b', 'a'), cell('a', 'a')],
    };
    expect(residualScale(tight)).toBe(Number.POSITIVE_INFINITY);
    const slower = {
      ...tight,
      effects: [{ ...effect('a', 'client'), effectLog: -1 }, ...tight.effects.slice(1)],
    };
    expect(compareFleetFits([tight], [slower])).toEqual([]);
  });
});
