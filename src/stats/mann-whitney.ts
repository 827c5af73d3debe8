/**
 * The Mann–Whitney U test (Wilcoxon rank-sum test), written to give the same statistic and
 * p-values as R's `wilcox.test(x, y, alternative, exact, correct)` for two independent samples.
 *
 * Why this test: netperf samples are few, skewed and occasionally hit by a noisy neighbour; a
 * rank test needs no normality and one outlier moves it by one rank only.
 */
import { normalCdf } from './normal.js';

/** Which shift of x relative to y the test looks for ('less': x tends to be smaller than y). */
export type Alternative = 'less' | 'greater' | 'two-sided';

/** How the p-value was obtained. */
export type MannWhitneyMethod = 'exact' | 'normal';

/** Options of `mannWhitneyU`; the defaults are R's. */
export interface MannWhitneyOptions {
  /** Alternative hypothesis; default 'two-sided'. */
  alternative?: Alternative;
  /**
   * true: exact distribution of U unless there are ties (R does the same, with a warning);
   * false: normal approximation. Default: exact when both samples have fewer than 50 values and
   * there are no ties (R's rule).
   */
  exact?: boolean;
  /** Continuity correction in the normal approximation; default true (R's `correct = TRUE`). */
  correct?: boolean;
}

/** Result of `mannWhitneyU`. */
export interface MannWhitneyResult {
  /** U for x: the number of pairs (xᵢ, yⱼ) with xᵢ > yⱼ, ties counting ½ (R's W). */
  u: number;
  /** p-value for the chosen alternative. */
  pValue: number;
  /** 'exact' (distribution of U by counting) or 'normal' (approximation with tie correction). */
  method: MannWhitneyMethod;
}

/** R uses the exact distribution only below this many values per sample. */
export const EXACT_SIZE_LIMIT = 50;

interface RankSummary {
  /** Sum of the (mid)ranks of x in the pooled sample. */
  rankSumX: number;
  /** Sizes of the groups of tied values (only groups of 2 or more). */
  tieSizes: number[];
}

function rankSummary(x: readonly number[], y: readonly number[]): RankSummary {
  const pooled = [
    ...x.map((value) => ({ value, fromX: true })),
    ...y.map((value) => ({ value, fromX: false })),
  ];
  pooled.sort((a, b) => a.value - b.value || 0);
  let rankSumX = 0;
  const tieSizes: number[] = [];
  for (let start = 0; start < pooled.length; ) {
    let end = start + 1;
    while (end < pooled.length && pooled[end]?.value === pooled[start]?.value) end++;
    // Positions start..end-1 hold ranks start+1..end: all get their average.
    const midRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (pooled[i]?.fromX) rankSumX += midRank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { rankSumX, tieSizes };
}

/**
 * Null distribution of U for sizes n1, n2 without ties, as counts: entry u is the number of the
 * C(n1 + n2, n1) equally likely orderings with U = u. Recurrence on the largest pooled value:
 * if it is a y it beats no x, if it is an x it beats all n y's, so
 * c(u; m, n) = c(u; m, n − 1) + c(u − n; m − 1, n). Only additions of positive numbers, so the
 * counts stay exact up to 2^53 and accurate to rounding beyond.
 */
export function exactUCounts(n1: number, n2: number): Float64Array {
  let rows: Float64Array[] = Array.from({ length: n1 + 1 }, () => Float64Array.of(1));
  for (let n = 1; n <= n2; n++) {
    const next: Float64Array[] = [];
    for (let m = 0; m <= n1; m++) {
      const row = new Float64Array(m * n + 1);
      row.set(rows[m] as Float64Array);
      const largestIsX = next[m - 1];
      if (largestIsX) {
        for (let u = 0; u < largestIsX.length; u++)
          row[u + n] = (row[u + n] as number) + (largestIsX[u] as number);
      }
      next.push(row);
    }
    rows = next;
  }
  return rows[n1] as Float64Array;
}

/** C(n1 + n2, n1) as a double (exact while it fits in 2^53). */
function orderings(n1: number, n2: number): number {
  let count = 1;
  for (let k = 1; k <= Math.min(n1, n2); k++) count = (count * (n1 + n2 - k + 1)) / k;
  return Math.round(count);
}

/**
 * Smallest one-sided p-value an exact test can give for these sizes: 1/C(n1 + n2, n1), reached
 * only when the samples do not overlap at all. 2 vs 2 → 1/6, 3 vs 3 → 1/20 = 0.05,
 * 5 vs 5 → 1/252 ≈ 0.004. A two-sided test doubles it.
 */
export function smallestExactPValue(n1: number, n2: number): number {
  return 1 / orderings(n1, n2);
}

function exactPValue(u: number, n1: number, n2: number, alternative: Alternative): number {
  const counts = exactUCounts(n1, n2);
  let total = 0;
  let atMost = 0;
  let atLeast = 0;
  counts.forEach((count, value) => {
    total += count;
    if (value <= u) atMost += count;
    if (value >= u) atLeast += count;
  });
  switch (alternative) {
    case 'less':
      return atMost / total;
    case 'greater':
      return atLeast / total;
    case 'two-sided':
      // R doubles the tail on the side U falls on.
      return Math.min(1, (2 * (u > (n1 * n2) / 2 ? atLeast : atMost)) / total);
  }
}

function normalPValue(
  u: number,
  sizes: { n1: number; n2: number; tieSizes: number[] },
  alternative: Alternative,
  correct: boolean,
): number {
  const { n1, n2, tieSizes } = sizes;
  const n = n1 + n2;
  const tieTerm = tieSizes.reduce((sum, t) => sum + t ** 3 - t, 0) / (n * (n - 1));
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm));
  // Every value tied: no ordering information at all, so no evidence of a shift.
  if (sigma === 0) return 1;
  const centred = u - (n1 * n2) / 2;
  const correction = correct
    ? { less: -0.5, greater: 0.5, 'two-sided': Math.sign(centred) * 0.5 }[alternative]
    : 0;
  const z = (centred - correction) / sigma;
  switch (alternative) {
    case 'less':
      return normalCdf(z);
    case 'greater':
      return normalCdf(-z);
    case 'two-sided':
      return Math.min(1, 2 * Math.min(normalCdf(z), normalCdf(-z)));
  }
}

function assertSample(values: readonly number[], name: string): void {
  if (values.length === 0) throw new RangeError(`Mann-Whitney test needs at least one ${name} value, got 0`);
  if (values.some(Number.isNaN)) throw new RangeError(`Mann-Whitney test got NaN in ${name}`);
}

/**
 * Mann–Whitney U test of x against y (R's `wilcox.test(x, y, ...)` for unpaired samples).
 * 'less' tests whether x tends to be smaller than y, 'greater' larger, 'two-sided' either.
 * Exact p-value from the distribution of U when there are no ties and both samples have
 * fewer than 50 values; otherwise the normal approximation with tie-corrected variance and,
 * by default, continuity correction — R's `exact = FALSE, correct = TRUE`.
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  assertSample(x, 'x');
  assertSample(y, 'y');
  const alternative = options.alternative ?? 'two-sided';
  const n1 = x.length;
  const n2 = y.length;
  const { rankSumX, tieSizes } = rankSummary(x, y);
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const wantExact = options.exact ?? (n1 < EXACT_SIZE_LIMIT && n2 < EXACT_SIZE_LIMIT);
  if (wantExact && tieSizes.length === 0) {
    return { u, pValue: exactPValue(u, n1, n2, alternative), method: 'exact' };
  }
  const pValue = normalPValue(u, { n1, n2, tieSizes }, alternative, options.correct ?? true);
  return { u, pValue, method: 'normal' };
}
