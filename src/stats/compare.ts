/**
 * The regression gate's decision for one metric: baseline samples vs current samples.
 * Pure; returns a verdict and never throws to signal one (only for invalid input).
 */
import { bootstrapMedianRatio } from './bootstrap.js';
import {
  type Direction,
  decide,
  type Evidence,
  type Settings,
  sizeProblem,
  type Verdict,
  worseSign,
} from './decision.js';
import { median } from './describe.js';
import { type Alternative, mannWhitneyU } from './mann-whitney.js';

export type { Direction, Verdict } from './decision.js';

/** Significance level when none is given. */
export const DEFAULT_ALPHA = 0.05;
/** Fewest samples per side when none is given: 3 vs 3 is the smallest design that can reach p ≤ 0.05. */
export const DEFAULT_MIN_SAMPLES = 3;

/** Options of `compareSamples`. */
export interface CompareOptions {
  /** Which way the metric improves. */
  direction: Direction;
  /** Noise floor in percent (≥ 0): smaller changes of the median are never a regression. */
  thresholdPct: number;
  /** Significance level in (0, 0.5); default 0.05. Also sets the interval level to 1 − 2·alpha. */
  alpha?: number;
  /** Seed of the bootstrap; default that of bootstrap.ts. Same inputs and seed, same result. */
  seed?: number;
  /** Fewest samples per side before any verdict but inconclusive; default 3. */
  minSamples?: number;
  /** Bootstrap resamples; default 2000. */
  resamples?: number;
}

/** Outcome of `compareSamples`. Percentages are changes of current relative to baseline. */
export interface Comparison {
  /** Median of the baseline samples (NaN if there are none). */
  baselineMedian: number;
  /** Median of the current samples (NaN if there are none). */
  currentMedian: number;
  /** (currentMedian / baselineMedian − 1) × 100; +Infinity for a rise from a zero baseline. */
  changePct: number;
  /** Lower bound of the (1 − 2·alpha) bootstrap interval of the change, in percent. */
  ciLowPct: number;
  /** Upper bound of the (1 − 2·alpha) bootstrap interval of the change, in percent. */
  ciHighPct: number;
  /** Smaller of the two one-sided Mann–Whitney p-values: the one for the side the samples lean to. */
  pValue: number;
  /** The decision, see `compareSamples`. */
  verdict: Verdict;
  /** One line for people: why this verdict. */
  reason: string;
}

function validSettings(options: CompareOptions): Settings {
  const { direction, thresholdPct } = options;
  worseSign(direction);
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const minSamples = options.minSamples ?? DEFAULT_MIN_SAMPLES;
  if (!(Number.isFinite(thresholdPct) && thresholdPct >= 0)) {
    throw new RangeError(`Invalid threshold ${thresholdPct}%. Expected a finite percentage ≥ 0.`);
  }
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`Invalid alpha ${alpha}. Expected 0 < alpha < 0.5.`);
  if (!(Number.isInteger(minSamples) && minSamples >= 1)) {
    throw new RangeError(`Invalid minSamples ${minSamples}. Expected an integer ≥ 1.`);
  }
  return { direction, thresholdPct, alpha, minSamples };
}

function assertMeasurements(values: readonly number[], side: string): void {
  const bad = values.find((value) => !(Number.isFinite(value) && value >= 0));
  if (bad !== undefined) throw new RangeError(`Invalid ${side} sample ${bad}. Expected finite values ≥ 0.`);
}

function gatherEvidence(
  baseline: readonly number[],
  current: readonly number[],
  options: CompareOptions,
  settings: Settings,
): Evidence {
  const sign = worseSign(settings.direction);
  const worse: Alternative = sign > 0 ? 'greater' : 'less';
  const better: Alternative = sign > 0 ? 'less' : 'greater';
  const interval = bootstrapMedianRatio(baseline, current, {
    level: 1 - 2 * settings.alpha,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
  });
  return {
    changePct: (interval.ratio - 1) * 100,
    ciLowPct: (interval.low - 1) * 100,
    ciHighPct: (interval.high - 1) * 100,
    pWorse: mannWhitneyU(current, baseline, { alternative: worse }).pValue,
    pBetter: mannWhitneyU(current, baseline, { alternative: better }).pValue,
  };
}

function withoutFigures(reason: string): Comparison {
  const nothing = Number.NaN;
  return {
    baselineMedian: nothing,
    currentMedian: nothing,
    changePct: nothing,
    ciLowPct: nothing,
    ciHighPct: nothing,
    pValue: nothing,
    verdict: 'inconclusive',
    reason,
  };
}

/**
 * Compares current samples of one metric with baseline samples and returns a verdict.
 *
 * Decision rule (applied in this order):
 * 1. Sizes. With fewer than `minSamples` (default 3) samples on either side, the verdict is
 *    `inconclusive`. It is also `inconclusive` when even completely separated samples could not
 *    reach p ≤ alpha: an exact one-sided Mann–Whitney test cannot go below 1/C(nb + nc, nb),
 *    which is 1/2 for 1 vs 1, 1/6 for 2 vs 2, 1/10 for 2 vs 3 and 1/20 = 0.05 for 3 vs 3.
 *    So with only 1 or 2 samples on each side no change can ever be shown at alpha = 0.05,
 *    whatever minSamples says; 3 vs 3 is the smallest design that can (only without overlap).
 * 2. Change. changePct = (median(current) / median(baseline) − 1) × 100. "Worse" means down for
 *    higher-is-better metrics (throughput, transactions/s) and up for lower-is-better ones
 *    (latency, CPU). A zero baseline median gives +∞ for any rise and 0 % if both are zero.
 * 3. Interval. [ciLowPct, ciHighPct] is the percentile bootstrap interval of that change
 *    (2000 resamples, fixed seed, see bootstrap.ts) at level 1 − 2·alpha, 90 % for alpha = 0.05: each bound is
 *    then a one-sided bound at level 1 − alpha, matching the one-sided test. If the interval
 *    does not contain changePct, it is widened to contain it for the decision.
 * 4. Evidence. One-sided Mann–Whitney tests of current against baseline: pWorse for a shift to
 *    the worse side, pBetter for the better side (exact without ties and below 50 samples per
 *    side, else the normal approximation with tie and continuity correction, as R's wilcox.test).
 *    A test is significant when p ≤ alpha (default 0.05). "≤", not "<": rejecting at p ≤ alpha
 *    keeps the false-alarm rate of an exact test at most alpha, and with "<" 3 vs 3 could never
 *    decide (its smallest p is exactly 0.05).
 * 5. Verdict, first that applies:
 *    - regression: pWorse ≤ alpha AND the whole interval lies strictly beyond the threshold on
 *      the worse side (higher-is-better: ciHighPct < −thresholdPct; lower-is-better:
 *      ciLowPct > +thresholdPct);
 *    - improvement: the mirror image, pBetter ≤ alpha AND the whole interval strictly beyond
 *      the threshold on the better side;
 *    - unchanged: the whole interval lies within [−thresholdPct, +thresholdPct], whatever the
 *      p-value (an equivalence test at level alpha: a real change smaller than the noise floor
 *      is not a regression);
 *    - inconclusive: anything else (no significant shift, or an interval that crosses the
 *      threshold); more samples can decide.
 *
 * Consequences: identical samples never give a regression or an improvement (their U is
 * exactly half of nb·nc, so each one-sided p is at least 1/2); a large change of the medians
 * without statistical evidence is inconclusive, never a regression.
 * `pValue` is min(pWorse, pBetter). Samples must be finite and ≥ 0 and options valid, else a
 * RangeError is thrown; an empty side gives NaN figures and an inconclusive verdict.
 */
export function compareSamples(
  baseline: readonly number[],
  current: readonly number[],
  options: CompareOptions,
): Comparison {
  const settings = validSettings(options);
  assertMeasurements(baseline, 'baseline');
  assertMeasurements(current, 'current');
  const problem = sizeProblem(baseline.length, current.length, settings);
  // minSamples ≥ 1, so an empty side always comes with a size problem.
  if (problem !== undefined && Math.min(baseline.length, current.length) === 0) {
    return withoutFigures(problem);
  }
  const evidence = gatherEvidence(baseline, current, options, settings);
  const { verdict, reason } = problem
    ? { verdict: 'inconclusive' as const, reason: problem }
    : decide(evidence, settings);
  return {
    baselineMedian: median(baseline),
    currentMedian: median(current),
    changePct: evidence.changePct,
    ciLowPct: evidence.ciLowPct,
    ciHighPct: evidence.ciHighPct,
    pValue: Math.min(evidence.pWorse, evidence.pBetter),
    verdict,
    reason,
  };
}
