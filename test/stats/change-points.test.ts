import {
  bestSplit,
  findChangePoints,
  MIN_SEGMENT_RUNS,
  PERMUTATIONS,
  permutationsFor,
  seriesSeed,
} from '../../src/stats/change-points.js';
import { createRng } from '../../src/stats/random.js';
import { normalFrom } from '../helpers/noisy-results.js';
import { wobble } from '../helpers/results-builder.js';

/** A series of logs: level 0 up to `at`, then `step`, with a deterministic ±1 % wobble. */
function stepSeries(n: number, at: number, step: number): number[] {
  return Array.from({ length: n }, (_, i) => (i >= at ? step : 0) + Math.log(wobble(i, 0.01)));
}

/** Q(τ, κ) straight from the definition (Matteson & James 2014, α = 1). */
function naiveQ(values: number[], tau: number, kappa: number): number {
  const left = values.slice(0, tau);
  const right = values.slice(tau, kappa);
  const meanDistance = (a: number[], b: number[], same: boolean) => {
    let sum = 0;
    let count = 0;
    for (const [i, x] of a.entries())
      for (const [j, y] of b.entries()) {
        if (same && j <= i) continue;
        sum += Math.abs(x - y);
        count += 1;
      }
    return sum / count;
  };
  const energy =
    2 * meanDistance(left, right, false) - meanDistance(left, left, true) - meanDistance(right, right, true);
  return ((left.length * right.length) / (left.length + right.length)) * energy;
}

describe('change points (E-divisive means with a permutation test)', () => {
  it('finds a clear −15 % level shift exactly where the new level starts', () => {
    const points = findChangePoints(stepSeries(20, 8, Math.log(0.85)), { level: 0.01 });
    expect(points.map((p) => p.index)).toEqual([8]);
    expect(points[0]?.pValue).toBeLessThanOrEqual(1 / (PERMUTATIONS + 1) + 1e-12);
  });

  it('finds no change point in a flat series', () => {
    expect(findChangePoints(stepSeries(20, 99, 0), { level: 0.05 })).toEqual([]);
  });

  it('finds two shifts, in index order', () => {
    const series = stepSeries(24, 8, Math.log(0.85)).map((v, i) => (i >= 16 ? v + Math.log(1.2) : v));
    expect(findChangePoints(series, { level: 0.01 }).map((p) => p.index)).toEqual([8, 16]);
  });

  it('never names a shift with fewer runs after it than a segment needs', () => {
    const at = 12 - (MIN_SEGMENT_RUNS - 1);
    const points = findChangePoints(stepSeries(12, at, Math.log(0.7)), { level: 0.05 });
    expect(points.map((p) => p.index)).not.toContain(at);
  });

  it('finds nothing in a series shorter than two segments', () => {
    expect(findChangePoints([0, 0, 1, 1, 1], { level: 0.5 })).toEqual([]);
  });

  it('gives the same answer for the same series every time', () => {
    const series = stepSeries(15, 6, Math.log(0.97));
    const first = findChangePoints(series, { level: 0.5 });
    expect(findChangePoints([...series], { level: 0.5 })).toEqual(first);
    expect(seriesSeed(series, 1)).toBe(seriesSeed([...series], 1));
    expect(seriesSeed(series, 1)).not.toBe(seriesSeed(series.slice(1), 1));
  });

  it('computes the split statistic as its definition does', () => {
    const rng = createRng(3);
    const values = Array.from({ length: 11 }, () => rng());
    let best = { index: -1, q: Number.NEGATIVE_INFINITY };
    for (let tau = 3; tau <= 8; tau++) {
      for (let kappa = tau + 3; kappa <= 11; kappa++) {
        const q = naiveQ(values, tau, kappa);
        if (q > best.q) best = { index: tau, q };
      }
    }
    const found = bestSplit(values, 3);
    expect(found.index).toBe(best.index);
    expect(found.q).toBeCloseTo(best.q, 10);
  });

  it('refuses values that are not finite, a level outside (0, 1) and segments shorter than 2', () => {
    expect(() => findChangePoints([0, 1, Number.NaN], { level: 0.05 })).toThrow(RangeError);
    expect(() => findChangePoints([0, 1], { level: 0 })).toThrow(/level must be in \(0, 1\)/);
    expect(() => findChangePoints([0, 1], { level: 0.05, minSegment: 1 })).toThrow(/minSegment/);
  });

  it('takes enough permutations that a low per-series level can still be reached', () => {
    expect(permutationsFor(0.05)).toBe(PERMUTATIONS);
    expect(permutationsFor(0.0005)).toBe(7999);
    // 60 series (20 scenarios × 3 metrics) at 2.5 %: a clear shift is still confirmed.
    expect(
      findChangePoints(stepSeries(20, 8, Math.log(0.85)), { level: 0.025 / 60 }).map((p) => p.index),
    ).toEqual([8]);
  });

  it('finds a false change point in at most the level of flat series (400 seeded series of 20 runs)', () => {
    const normal = normalFrom(createRng(20_261_129));
    let falseAlarms = 0;
    for (let trial = 0; trial < 400; trial++) {
      const flat = Array.from({ length: 20 }, () => 0.05 * normal());
      if (findChangePoints(flat, { level: 0.05 }).length > 0) falseAlarms += 1;
    }
    // Exact on average: 400 series put 20 ± 4.4 false alarms at 5 %; allow two standard errors.
    expect(falseAlarms / 400).toBeLessThanOrEqual(0.072);
  });
});
