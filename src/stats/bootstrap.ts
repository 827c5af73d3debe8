/**
 * Percentile bootstrap confidence interval of the ratio of medians, current / baseline.
 *
 * Why a ratio of medians: thresholds are relative ("5 % slower"), and the median ignores the
 * odd run disturbed by a noisy neighbour. Why a seeded bootstrap: it needs no distributional
 * assumption, and the fixed seed makes the same samples give the same interval on every run,
 * so a verdict can be reproduced from a results file.
 */
import { quantileSorted } from './describe.js';
import { createRng, type Rng } from './random.js';

/** Number of bootstrap resamples when none is given. */
export const DEFAULT_BOOTSTRAP_RESAMPLES = 2000;
/** Two-sided confidence level when none is given. */
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;
/** Seed when none is given: any fixed value makes the interval reproducible. */
export const DEFAULT_BOOTSTRAP_SEED = 1;

/** Options of `bootstrapMedianRatio`. */
export interface BootstrapOptions {
  /** Number of resamples B; default 2000. */
  resamples?: number;
  /** Two-sided confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Seed of the generator (see random.ts); default 1. */
  seed?: number;
}

/** A ratio of medians and its percentile bootstrap interval. */
export interface RatioInterval {
  /** median(current) / median(baseline) of the observed samples. */
  ratio: number;
  /** Lower bound: the (1 − level)/2 quantile of the resampled ratios. */
  low: number;
  /** Upper bound: the (1 + level)/2 quantile of the resampled ratios. */
  high: number;
}

/**
 * current / baseline, defined also for a zero baseline, which a metric can really report
 * (CPU % of an idle side, a run with no transactions): 0/0 is 1 (both zero: no change),
 * a positive value over 0 is +Infinity (an unbounded increase), a negative one −Infinity.
 */
export function ratioOfMedians(currentMedian: number, baselineMedian: number): number {
  if (baselineMedian !== 0) return currentMedian / baselineMedian;
  if (currentMedian === 0) return 1;
  return currentMedian > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

// Read once: under jest every `Math.x` lookup goes through guarded globals and costs ~50× more.
const { floor } = Math;

/** Median of a resample drawn with replacement from `sorted`, using `scratch` as work space. */
function resampledMedian(sorted: Float64Array, scratch: Float64Array, rng: Rng): number {
  for (let i = 0; i < scratch.length; i++) scratch[i] = sorted[floor(rng() * sorted.length)] as number;
  scratch.sort();
  return quantileSorted(scratch, 0.5);
}

function validSample(values: readonly number[], name: string): Float64Array {
  if (values.length === 0) throw new RangeError(`bootstrap needs at least one ${name} value, got 0`);
  if (!values.every(Number.isFinite)) throw new RangeError(`bootstrap got a non-finite ${name} value`);
  // Sorted first so the interval depends on the values only, not on the order they were measured in.
  return Float64Array.from(values).sort();
}

function validOptions(options: BootstrapOptions): Required<BootstrapOptions> {
  const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  const level = options.level ?? DEFAULT_CONFIDENCE_LEVEL;
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`Invalid bootstrap resamples ${resamples}. Expected a positive integer.`);
  }
  if (!(level > 0 && level < 1))
    throw new RangeError(`Invalid confidence level ${level}. Expected 0 < level < 1.`);
  return { resamples, level, seed };
}

/**
 * Percentile bootstrap interval of median(current) / median(baseline): B times, resample each
 * side with replacement (same size as the sample), take the ratio of the resample medians;
 * the bounds are the type-7 quantiles (1 − level)/2 and (1 + level)/2 of those B ratios.
 *
 * Deterministic: the same values (in any order), options and seed give the same interval.
 * Zero baseline medians follow `ratioOfMedians`, so bounds may be ±Infinity; with a zero
 * baseline median and a zero current median the ratio is 1. Throws a RangeError for an empty
 * or non-finite sample or invalid options.
 */
export function bootstrapMedianRatio(
  baseline: readonly number[],
  current: readonly number[],
  options: BootstrapOptions = {},
): RatioInterval {
  const { resamples, level, seed } = validOptions(options);
  const baselineSorted = validSample(baseline, 'baseline');
  const currentSorted = validSample(current, 'current');
  const rng = createRng(seed);
  const baselineScratch = new Float64Array(baselineSorted.length);
  const currentScratch = new Float64Array(currentSorted.length);
  const ratios = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    const baselineMedian = resampledMedian(baselineSorted, baselineScratch, rng);
    const currentMedian = resampledMedian(currentSorted, currentScratch, rng);
    ratios[b] = ratioOfMedians(currentMedian, baselineMedian);
  }
  ratios.sort();
  return {
    ratio: ratioOfMedians(quantileSorted(currentSorted, 0.5), quantileSorted(baselineSorted, 0.5)),
    low: quantileSorted(ratios, (1 - level) / 2),
    high: quantileSorted(ratios, (1 + level) / 2),
  };
}
