import {
  type CompareOptions,
  compareSamples,
  DEFAULT_ALPHA,
  DEFAULT_MIN_SAMPLES,
} from '../../src/stats/compare.js';

const HIGHER: CompareOptions = { direction: 'higher-is-better', thresholdPct: 5 };
const LOWER: CompareOptions = { direction: 'lower-is-better', thresholdPct: 5 };

// Throughput in Gbit/s of five runs: about 0.5 % noise.
const BASELINE = [9.41, 9.38, 9.44, 9.4, 9.36];
const scaled = (values: number[], factor: number) => values.map((value) => value * factor);

describe('compareSamples: verdicts', () => {
  test('defaults: alpha 0.05, at least 3 samples per side', () => {
    expect(DEFAULT_ALPHA).toBe(0.05);
    expect(DEFAULT_MIN_SAMPLES).toBe(3);
  });

  test('a drop of twice the threshold over 5 runs each is a regression for higher-is-better', () => {
    const result = compareSamples(BASELINE, scaled(BASELINE, 0.9), HIGHER);
    expect(result.verdict).toBe('regression');
    expect(result.changePct).toBeCloseTo(-10, 10);
    expect(result.ciHighPct).toBeLessThan(-5);
    // No overlap: the exact one-sided p-value is its smallest possible value for 5 vs 5, 1/252.
    expect(result.pValue).toBeCloseTo(1 / 252, 15);
    expect(result.baselineMedian).toBe(9.4);
    expect(result.reason).toMatch(
      /^median -10\.0% \(90% CI .* to .*\) beyond the 5% threshold; .*p = 0\.004 ≤ 0\.05$/,
    );
  });

  test('the same rise is an improvement for higher-is-better and a regression for lower-is-better', () => {
    const risen = scaled(BASELINE, 1.1);
    expect(compareSamples(BASELINE, risen, HIGHER).verdict).toBe('improvement');
    expect(compareSamples(BASELINE, risen, LOWER).verdict).toBe('regression');
    expect(compareSamples(BASELINE, scaled(BASELINE, 0.9), LOWER).verdict).toBe('improvement');
  });

  test('identical samples are unchanged when the noise is below the threshold', () => {
    const result = compareSamples(BASELINE, [...BASELINE], HIGHER);
    expect(result.verdict).toBe('unchanged');
    expect(result.changePct).toBe(0);
    expect(result.pValue).toBeGreaterThanOrEqual(0.5);
    expect(result.reason).toMatch(/within ±5%$/);
  });

  test('a real change smaller than the threshold is unchanged even with strong evidence', () => {
    const result = compareSamples(BASELINE, scaled(BASELINE, 0.97), HIGHER);
    expect(result.pValue).toBeLessThan(DEFAULT_ALPHA);
    expect(result.verdict).toBe('unchanged');
  });

  test('a large drop of the medians in overlapping noisy samples is inconclusive', () => {
    const noisyBaseline = [9.4, 6.1, 9.9, 7.2, 9.6];
    const noisyCurrent = [8.1, 9.7, 6.4, 5.9, 9.5];
    const result = compareSamples(noisyBaseline, noisyCurrent, HIGHER);
    expect(result.changePct).toBeLessThan(-10);
    expect(result.pValue).toBeGreaterThan(DEFAULT_ALPHA);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(
      /not significant \(p = .* > 0\.05\) and not within ±5%; more samples can decide$/,
    );
  });

  test('a significant change whose interval crosses the threshold is inconclusive', () => {
    // Medians 6 % apart without overlap, but the spread puts part of the interval inside ±5 %.
    const baseline = [100, 101, 102, 103, 104, 105, 106];
    const current = [94.5, 95.5, 96.5, 97.5, 98.5, 99.5, 99.9];
    const result = compareSamples(baseline, current, HIGHER);
    expect(result.pValue).toBeLessThan(DEFAULT_ALPHA);
    expect(result.ciLowPct).toBeLessThan(-5);
    expect(result.ciHighPct).toBeGreaterThan(-5);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(/significant \(p = .*\) but the interval crosses the ±5% threshold/);
  });

  test('alpha sets both the test level and the interval level (1 − 2·alpha)', () => {
    const result = compareSamples(BASELINE, scaled(BASELINE, 0.9), { ...HIGHER, alpha: 0.025 });
    expect(result.verdict).toBe('regression');
    expect(result.reason).toMatch(/\(95% CI /);
    const wider = compareSamples(BASELINE, scaled(BASELINE, 0.9), { ...HIGHER, alpha: 0.005 });
    expect(wider.reason).toMatch(/\(99% CI /);
    expect(wider.ciHighPct).toBeGreaterThanOrEqual(result.ciHighPct);
  });

  test('the number of bootstrap resamples can be set', () => {
    // One resample: the interval collapses to that resample's ratio.
    const result = compareSamples(BASELINE, [8.52, 8.44, 8.49, 8.41, 8.47], { ...HIGHER, resamples: 1 });
    expect(result.ciLowPct).toBe(result.ciHighPct);
    const full = compareSamples(BASELINE, [8.52, 8.44, 8.49, 8.41, 8.47], HIGHER);
    expect(full.ciLowPct).toBeLessThan(full.ciHighPct);
  });

  test('threshold 0: any significant drop is a regression', () => {
    const result = compareSamples(BASELINE, scaled(BASELINE, 0.99), { ...HIGHER, thresholdPct: 0 });
    expect(result.verdict).toBe('regression');
  });
});

describe('compareSamples: sample sizes', () => {
  test('fewer than minSamples per side is inconclusive, with the counts in the reason', () => {
    const result = compareSamples([9.4], [4.2], HIGHER);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toBe('1 baseline and 1 current samples; at least 3 per side are needed');
    expect(result.changePct).toBeCloseTo((4.2 / 9.4 - 1) * 100, 10);
  });

  test('2 vs 2 can never show a change at alpha 0.05 (smallest exact p is 1/6), even when allowed', () => {
    const result = compareSamples([9.4, 9.41], [4.2, 4.21], { ...HIGHER, minSamples: 2 });
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(/smallest achievable p-value is 0\.167 > alpha 0\.05/);
  });

  test('3 vs 3 without overlap reaches p = 1/20 = alpha, which counts (p ≤ alpha)', () => {
    const result = compareSamples([9.4, 9.41, 9.39], [8.4, 8.41, 8.39], HIGHER);
    expect(result.pValue).toBe(0.05);
    expect(result.verdict).toBe('regression');
    const stricter = compareSamples([9.4, 9.41, 9.39], [8.4, 8.41, 8.39], { ...HIGHER, alpha: 0.04 });
    expect(stricter.verdict).toBe('inconclusive');
    expect(stricter.reason).toMatch(/smallest achievable p-value is 0\.050 > alpha 0\.04/);
  });

  test('an empty side is inconclusive with NaN figures', () => {
    const result = compareSamples([], [1, 2, 3], HIGHER);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toBe('0 baseline and 3 current samples; at least 3 per side are needed');
    expect(result.baselineMedian).toBeNaN();
    expect(result.pValue).toBeNaN();
  });
});

describe('compareSamples: zero baselines', () => {
  test('CPU rising from an idle 0 % is a regression of +∞ %', () => {
    const result = compareSamples([0, 0, 0, 0, 0], [3, 4, 5, 4, 3], { ...LOWER, thresholdPct: 10 });
    expect(result.changePct).toBe(Number.POSITIVE_INFINITY);
    expect(result.verdict).toBe('regression');
    expect(result.reason).toMatch(/^median \+∞%/);
  });

  test('zero before and after is unchanged', () => {
    const result = compareSamples([0, 0, 0], [0, 0, 0], LOWER);
    expect(result).toMatchObject({
      changePct: 0,
      ciLowPct: 0,
      ciHighPct: 0,
      pValue: 1,
      verdict: 'unchanged',
    });
  });
});

describe('compareSamples: input checks', () => {
  test.each([
    [{ ...HIGHER, thresholdPct: -1 }, /threshold/],
    [{ ...HIGHER, thresholdPct: Number.NaN }, /threshold/],
    [{ ...HIGHER, alpha: 0.5 }, /alpha/],
    [{ ...HIGHER, alpha: 0 }, /alpha/],
    [{ ...HIGHER, minSamples: 0 }, /minSamples/],
    [{ ...HIGHER, minSamples: 2.5 }, /minSamples/],
    [{ ...HIGHER, seed: 0.5 }, /seed/],
    [{ ...HIGHER, direction: 'sideways' } as unknown as CompareOptions, /direction 'sideways'/],
  ])('refuses invalid options %p', (options, message) => {
    expect(() => compareSamples(BASELINE, BASELINE, options)).toThrow(message);
  });

  test.each([[[-1]], [[Number.NaN]], [[Number.POSITIVE_INFINITY]]])('refuses the sample value %p', (bad) => {
    expect(() => compareSamples([...BASELINE, ...bad], BASELINE, HIGHER)).toThrow(/baseline sample/);
    expect(() => compareSamples(BASELINE, [...BASELINE, ...bad], HIGHER)).toThrow(/current sample/);
  });
});
