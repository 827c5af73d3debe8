import {
  type Alternative,
  exactUCounts,
  mannWhitneyU,
  smallestExactPValue,
} from '../../src/stats/mann-whitney.js';
import { createRng } from '../../src/stats/random.js';

/** All ways to choose k of the indices 0..n-1 (independent check by enumeration, for small n). */
function* combinations(n: number, k: number, start = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === k) {
    yield chosen;
    return;
  }
  for (let i = start; i <= n - (k - chosen.length); i++) yield* combinations(n, k, i + 1, [...chosen, i]);
}

function pairsAbove(x: readonly number[], y: readonly number[]): number {
  let count = 0;
  for (const a of x) for (const b of y) count += a > b ? 1 : a === b ? 0.5 : 0;
  return count;
}

/** Permutation p-value of U by brute force over every split of the pooled values. */
function bruteForcePValue(x: readonly number[], y: readonly number[], alternative: Alternative): number {
  const pooled = [...x, ...y];
  const observed = pairsAbove(x, y);
  let atMost = 0;
  let atLeast = 0;
  let total = 0;
  for (const chosen of combinations(pooled.length, x.length)) {
    const picked = new Set(chosen);
    const u = pairsAbove(
      pooled.filter((_, i) => picked.has(i)),
      pooled.filter((_, i) => !picked.has(i)),
    );
    total++;
    if (u <= observed) atMost++;
    if (u >= observed) atLeast++;
  }
  if (alternative === 'less') return atMost / total;
  if (alternative === 'greater') return atLeast / total;
  return Math.min(1, (2 * (observed > (x.length * y.length) / 2 ? atLeast : atMost)) / total);
}

// R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69f): permeability constants of the human
// chorioamnion at term (x) and at 12-26 weeks (y).
const TERM = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
const EARLY = [1.15, 0.88, 0.9, 0.74, 1.21];

describe('Mann-Whitney U against R’s documented results', () => {
  test('wilcox.test(x, y, alternative = "greater"): W = 35, exact p-value = 0.1272', () => {
    const result = mannWhitneyU(TERM, EARLY, { alternative: 'greater' });
    expect(result).toEqual({ u: 35, pValue: expect.any(Number), method: 'exact' });
    expect(result.pValue).toBeCloseTo(0.1272, 4);
    // The exact value is 382/3003: brute force over all C(15, 5) = 3003 splits agrees.
    expect(result.pValue).toBeCloseTo(382 / 3003, 14);
    expect(bruteForcePValue(TERM, EARLY, 'greater')).toBeCloseTo(382 / 3003, 14);
  });

  test('wilcox.test(x, y, "greater", exact = FALSE, correct = FALSE) (H&W large sample): p-value = 0.1103', () => {
    const result = mannWhitneyU(TERM, EARLY, { alternative: 'greater', exact: false, correct: false });
    expect(result.method).toBe('normal');
    expect(result.u).toBe(35);
    expect(result.pValue).toBeCloseTo(0.1103, 4);
  });

  // R documentation examples reproduced on endmemo.com/r/wilcoxon.php: x has ties (21, 21; and 5, 9, 56,
  // 3, 7 shared with y), so R uses the normal approximation with continuity correction.
  const X = [1, 5, 9, 24, 56, 21, 3, 7, 21, 4];

  test('with ties: wilcox.test(x, y) gives W = 51.5, p-value = 0.5966', () => {
    const y = [12, 15, 5, 9, 9, 14, 56, 22, 3, 7, 32, 5];
    const result = mannWhitneyU(X, y);
    expect(result).toEqual({ u: 51.5, pValue: expect.any(Number), method: 'normal' });
    expect(result.pValue).toBeCloseTo(0.5966, 4);
  });

  test('with ties: wilcox.test(x, c(1233, 4356, 987, 39999, 1111, 200000)) gives W = 0, p-value = 0.001364', () => {
    const result = mannWhitneyU(X, [1233, 4356, 987, 39999, 1111, 200000]);
    expect(result.u).toBe(0);
    expect(result.method).toBe('normal');
    expect(result.pValue).toBeCloseTo(0.001364, 6);
  });
});

describe('exact distribution of U', () => {
  // Critical values of U for a two-tailed test at 0.05 (reject when U ≤ the value), from the published
  // Mann-Whitney table (e.g. "Critical values of Mann-Whitney U at p = 0.05 (two-tailed test)"):
  // row n1 = 5 for n2 = 5..20 and row n1 = 10 for n2 = 5..20, plus 13 vs 16 → 59 and 20 vs 20 → 127.
  const table: [number, number, number][] = [
    ...[2, 3, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 19, 20].map((u, i): [number, number, number] => [
      5,
      5 + i,
      u,
    ]),
    ...[8, 11, 14, 17, 20, 23, 26, 29, 33, 36, 39, 42, 45, 48, 52, 55].map(
      (u, i): [number, number, number] => [10, 5 + i, u],
    ),
    [13, 16, 59],
    [20, 20, 127],
  ];

  test.each(table)('n1 = %p, n2 = %p: the two-sided 0.05 critical value is U = %p', (n1, n2, critical) => {
    const counts = exactUCounts(n1, n2);
    const total = counts.reduce((sum, count) => sum + count, 0);
    const twoSided = (u: number) =>
      (2 * counts.slice(0, u + 1).reduce((sum, count) => sum + count, 0)) / total;
    expect(twoSided(critical)).toBeLessThanOrEqual(0.05);
    expect(twoSided(critical + 1)).toBeGreaterThan(0.05);
  });

  test('counts add up to C(n1 + n2, n1) and are symmetric', () => {
    const counts = Array.from(exactUCounts(5, 5));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(252);
    expect(counts).toEqual([...counts].reverse());
    // Hand count: U = 0, 1, 2, 3 for 5 vs 5 arise in 1, 1, 2, 3 ways (partitions of u into at most 5 parts ≤ 5).
    expect(counts.slice(0, 4)).toEqual([1, 1, 2, 3]);
    expect(Array.from(exactUCounts(0, 3))).toEqual([1]);
  });

  test('5 vs 5 without overlap: smallest two-sided p = 2/252 = 0.0079, one-sided 1/252', () => {
    const low = [1, 2, 3, 4, 5];
    const high = [6, 7, 8, 9, 10];
    expect(mannWhitneyU(low, high).pValue).toBeCloseTo(2 / 252, 15);
    expect(mannWhitneyU(low, high).pValue).toBeCloseTo(0.0079, 4);
    expect(mannWhitneyU(low, high, { alternative: 'less' }).pValue).toBeCloseTo(1 / 252, 15);
    expect(mannWhitneyU(low, high, { alternative: 'greater' }).pValue).toBe(1);
  });

  test.each([
    [1, 1, 1 / 2],
    [2, 2, 1 / 6],
    [2, 3, 1 / 10],
    [3, 3, 1 / 20],
    [5, 5, 1 / 252],
    [3, 7, 1 / 120],
  ])('smallest one-sided p for %p vs %p is %p', (n1, n2, expected) => {
    expect(smallestExactPValue(n1, n2)).toBeCloseTo(expected, 15);
    expect(smallestExactPValue(n2, n1)).toBeCloseTo(expected, 15);
  });

  test('matches brute-force enumeration for 200 random small samples, all alternatives', () => {
    const rng = createRng(99);
    for (let trial = 0; trial < 200; trial++) {
      const n1 = 1 + Math.floor(rng() * 6);
      const n2 = 1 + Math.floor(rng() * 6);
      const x = Array.from({ length: n1 }, () => rng());
      const y = Array.from({ length: n2 }, () => rng() + 0.3 * rng());
      for (const alternative of ['less', 'greater', 'two-sided'] as const) {
        const result = mannWhitneyU(x, y, { alternative });
        expect(result.method).toBe('exact');
        expect(result.pValue).toBeCloseTo(bruteForcePValue(x, y, alternative), 12);
      }
    }
  });
});

describe('Mann-Whitney U behaviour', () => {
  test('U counts pairs with x above y, ties as one half, and U(x, y) + U(y, x) = n1·n2', () => {
    const x = [3, 5, 5, 9];
    const y = [1, 5, 7];
    expect(mannWhitneyU(x, y).u).toBe(pairsAbove(x, y));
    expect(mannWhitneyU(x, y).u + mannWhitneyU(y, x).u).toBe(12);
  });

  test('"less" for x against y is "greater" for y against x', () => {
    const x = [10.1, 10.4, 9.8, 10.9, 10.2, 10.0];
    const y = [11.1, 10.8, 11.5, 10.3, 11.9];
    expect(mannWhitneyU(x, y, { alternative: 'less' }).pValue).toBe(
      mannWhitneyU(y, x, { alternative: 'greater' }).pValue,
    );
  });

  test('uses the normal approximation with ties, from 50 values per sample, or when asked', () => {
    expect(mannWhitneyU([1, 2, 2], [3, 4]).method).toBe('normal');
    expect(mannWhitneyU([1, 2, 2], [3, 4], { exact: true }).method).toBe('normal');
    expect(mannWhitneyU([1, 2], [3, 4], { exact: false }).method).toBe('normal');
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    const shifted = Array.from({ length: 10 }, (_, i) => i + 0.5);
    expect(mannWhitneyU(fifty, shifted).method).toBe('normal');
    expect(mannWhitneyU(fifty.slice(0, 49), shifted).method).toBe('exact');
  });

  test('normal approximation is close to the exact p-value for 40 vs 40', () => {
    const rng = createRng(5);
    const x = Array.from({ length: 40 }, () => rng());
    const y = Array.from({ length: 40 }, () => rng() + 0.15);
    const exact = mannWhitneyU(x, y, { alternative: 'less' });
    const normal = mannWhitneyU(x, y, { alternative: 'less', exact: false });
    expect(exact.method).toBe('exact');
    expect(Math.abs(normal.pValue - exact.pValue)).toBeLessThan(0.002);
  });

  test('all values tied: no evidence of a shift, p = 1', () => {
    expect(mannWhitneyU([4, 4, 4], [4, 4], { alternative: 'less' })).toEqual({
      u: 3,
      pValue: 1,
      method: 'normal',
    });
  });

  test('orders infinite values like any other', () => {
    const result = mannWhitneyU([Number.POSITIVE_INFINITY, 5, 6], [1, 2, 3], { alternative: 'greater' });
    expect(result).toEqual({ u: 9, pValue: 1 / 20, method: 'exact' });
  });

  test('refuses empty samples and NaN', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(/at least one x value/);
    expect(() => mannWhitneyU([1], [])).toThrow(/at least one y value/);
    expect(() => mannWhitneyU([1, Number.NaN], [2])).toThrow(RangeError);
  });
});
