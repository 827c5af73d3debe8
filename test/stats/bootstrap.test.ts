import {
  bootstrapMedianRatio,
  DEFAULT_BOOTSTRAP_RESAMPLES,
  DEFAULT_CONFIDENCE_LEVEL,
  ratioOfMedians,
} from '../../src/stats/bootstrap.js';
import { median } from '../../src/stats/describe.js';
import { createRng } from '../../src/stats/random.js';

/** Every resample with replacement of `values` (n^n of them, equally likely): the ideal bootstrap. */
function allResampleMedians(values: readonly number[]): number[] {
  const n = values.length;
  const medians: number[] = [];
  for (let code = 0; code < n ** n; code++) {
    const resample: number[] = [];
    for (let i = 0, rest = code; i < n; i++, rest = Math.floor(rest / n))
      resample.push(values[rest % n] as number);
    medians.push(median(resample));
  }
  return medians;
}

function normalSample(rng: () => number, size: number, centre: number, sd: number): number[] {
  return Array.from({ length: size }, () => {
    const radius = Math.sqrt(-2 * Math.log(1 - rng()));
    return centre + sd * radius * Math.cos(2 * Math.PI * rng());
  });
}

const BASELINE = [1002, 987, 1010, 995, 1003, 991, 1008];
const CURRENT = [951, 940, 962, 948, 955, 944, 958];

describe('bootstrapMedianRatio', () => {
  test('defaults to 2000 resamples at 95 %', () => {
    expect(DEFAULT_BOOTSTRAP_RESAMPLES).toBe(2000);
    expect(DEFAULT_CONFIDENCE_LEVEL).toBe(0.95);
  });

  test('reports the ratio of the observed medians', () => {
    const interval = bootstrapMedianRatio(BASELINE, CURRENT);
    expect(interval.ratio).toBe(median(CURRENT) / median(BASELINE));
    expect(interval.low).toBeLessThanOrEqual(interval.ratio);
    expect(interval.high).toBeGreaterThanOrEqual(interval.ratio);
  });

  test('bounds agree with the ideal bootstrap enumerated over all 256 × 256 resample pairs', () => {
    // Independent check: with 4 values per side the exact bootstrap distribution of the ratio is computable.
    const baseline = [100, 104, 97, 101];
    const current = [90, 95, 92, 99];
    const ratios: number[] = [];
    const currentMedians = allResampleMedians(current);
    for (const b of allResampleMedians(baseline)) for (const c of currentMedians) ratios.push(c / b);
    const below = (value: number) => ratios.filter((ratio) => ratio < value).length / ratios.length;
    const atMost = (value: number) => ratios.filter((ratio) => ratio <= value).length / ratios.length;
    const { low, high } = bootstrapMedianRatio(baseline, current, { resamples: 20_000 });
    expect(below(low)).toBeLessThanOrEqual(0.025 + 0.01);
    expect(atMost(low)).toBeGreaterThanOrEqual(0.025 - 0.01);
    expect(below(high)).toBeLessThanOrEqual(0.975 + 0.01);
    expect(atMost(high)).toBeGreaterThanOrEqual(0.975 - 0.01);
  });

  test('covers the true ratio in about 95 % of simulated experiments', () => {
    const rng = createRng(31);
    let covered = 0;
    const experiments = 200;
    for (let i = 0; i < experiments; i++) {
      const baseline = normalSample(rng, 15, 1000, 30);
      const current = normalSample(rng, 15, 900, 30);
      const { low, high } = bootstrapMedianRatio(baseline, current, { resamples: 1000, seed: i });
      if (low <= 0.9 && 0.9 <= high) covered++;
    }
    // For normal data the percentile bootstrap of medians is slightly conservative: 97.6 % at a nominal
    // 95 % over 1000 such experiments (n = 5 and n = 15 alike). 200 experiments land within 0.93..0.995.
    expect(covered / experiments).toBeGreaterThan(0.93);
    expect(covered / experiments).toBeLessThan(0.995);
  });

  test('is deterministic: same samples and seed give the same interval, in any order', () => {
    const first = bootstrapMedianRatio(BASELINE, CURRENT, { seed: 7 });
    expect(bootstrapMedianRatio(BASELINE, CURRENT, { seed: 7 })).toEqual(first);
    expect(bootstrapMedianRatio([...BASELINE].reverse(), [...CURRENT].sort(), { seed: 7 })).toEqual(first);
  });

  test('another seed moves the bounds only slightly', () => {
    const first = bootstrapMedianRatio(BASELINE, CURRENT, { seed: 1 });
    const second = bootstrapMedianRatio(BASELINE, CURRENT, { seed: 2 });
    expect(second.ratio).toBe(first.ratio);
    expect(Math.abs(second.low - first.low)).toBeLessThan(0.01);
    expect(Math.abs(second.high - first.high)).toBeLessThan(0.01);
  });

  test('a higher level gives a wider interval that contains the narrower one', () => {
    const narrow = bootstrapMedianRatio(BASELINE, CURRENT, { level: 0.8 });
    const wide = bootstrapMedianRatio(BASELINE, CURRENT, { level: 0.99 });
    expect(wide.low).toBeLessThanOrEqual(narrow.low);
    expect(wide.high).toBeGreaterThanOrEqual(narrow.high);
  });

  test('constant samples give a point interval', () => {
    expect(bootstrapMedianRatio([5, 5, 5], [6, 6])).toEqual({ ratio: 1.2, low: 1.2, high: 1.2 });
  });

  test('a zero baseline: both zero is ratio 1, a rise from zero is +Infinity', () => {
    expect(bootstrapMedianRatio([0, 0, 0], [0, 0, 0])).toEqual({ ratio: 1, low: 1, high: 1 });
    expect(bootstrapMedianRatio([0, 0, 0], [3, 4, 5])).toEqual({
      ratio: Number.POSITIVE_INFINITY,
      low: Number.POSITIVE_INFINITY,
      high: Number.POSITIVE_INFINITY,
    });
    // Some resamples of 0 0 5 6 7 have median 0: the upper bound is unbounded, the lower one finite.
    const partly = bootstrapMedianRatio([0, 0, 5, 6, 7], [5, 6, 7, 6, 5]);
    expect(partly.ratio).toBe(1.2);
    expect(partly.low).toBeLessThan(2);
    expect(partly.high).toBe(Number.POSITIVE_INFINITY);
  });

  test('refuses empty or non-finite samples and invalid options', () => {
    expect(() => bootstrapMedianRatio([], [1])).toThrow(/baseline/);
    expect(() => bootstrapMedianRatio([1], [Number.NaN])).toThrow(/current/);
    expect(() => bootstrapMedianRatio([1], [Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => bootstrapMedianRatio([1], [1], { resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapMedianRatio([1], [1], { resamples: 2.5 })).toThrow(/resamples/);
    expect(() => bootstrapMedianRatio([1], [1], { level: 1 })).toThrow(/level/);
    expect(() => bootstrapMedianRatio([1], [1], { seed: 0.5 })).toThrow(/seed/);
  });
});

describe('ratioOfMedians', () => {
  test.each([
    [110, 100, 1.1],
    [0, 100, 0],
    [0, 0, 1],
    [5, 0, Number.POSITIVE_INFINITY],
    [-5, 0, Number.NEGATIVE_INFINITY],
  ])('%p / %p = %p', (current, baseline, expected) => {
    expect(ratioOfMedians(current, baseline)).toBe(expected);
  });
});
