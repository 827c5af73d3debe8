/**
 * Descriptive statistics for small samples of measurements (one value per netperf run).
 *
 * Pure functions over `readonly number[]`; none of them sorts or mutates its input. Every
 * function refuses an empty sample and NaN with a RangeError, because a statistic of nothing
 * (or of a failed parse) is a bug upstream that must not turn into a silent verdict.
 * ±Infinity is accepted and ordered as usual (the bootstrap produces it for a zero baseline).
 */

/** R's `mad()` default constant, ≈ 1/Φ⁻¹(3/4): makes the MAD a consistent estimate of σ for normal data. */
export const MAD_NORMAL_CONSISTENCY = 1.4826;

// Read once: the bootstrap calls quantileSorted thousands of times, and under jest every
// `Math.x` lookup goes through guarded globals and costs ~50× more.
const { floor } = Math;

function assertSample(values: readonly number[], what: string, minLength = 1): void {
  if (values.length < minLength) {
    const need = minLength === 1 ? 'a non-empty sample' : `at least ${minLength} values`;
    throw new RangeError(`${what} needs ${need}, got ${values.length}`);
  }
  for (const value of values) {
    if (Number.isNaN(value)) throw new RangeError(`${what} got NaN in its sample`);
  }
}

/** Ascending copy; a typed array sorts numerically without a comparator. */
function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Type-7 quantile of an already sorted sample (R's default): linear interpolation between the
 * order statistics at h = (n − 1)·p. Exported for callers that sort once and ask many times.
 * Equal neighbours are returned as they are, as R does, so +Infinity stays +Infinity.
 */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  if (sorted.length === 0) throw new RangeError('quantile needs a non-empty sample, got 0');
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`quantile probability must be within [0, 1], got ${probability}`);
  }
  const h = (sorted.length - 1) * probability;
  const lowIndex = floor(h);
  const lower = sorted[lowIndex] as number;
  const upper = sorted[lowIndex + 1 < sorted.length ? lowIndex + 1 : lowIndex] as number;
  const fraction = h - lowIndex;
  if (fraction === 0 || lower === upper) return lower;
  return (1 - fraction) * lower + fraction * upper;
}

/** Type-7 quantile (R's `quantile(x, p)` default) for a probability p in [0, 1]. */
export function quantile(values: readonly number[], probability: number): number {
  assertSample(values, 'quantile');
  return quantileSorted(sortedCopy(values), probability);
}

/** Median: the mean of the two middle values for an even count (same as type-7 quantile at 0.5). */
export function median(values: readonly number[]): number {
  assertSample(values, 'median');
  return quantileSorted(sortedCopy(values), 0.5);
}

/**
 * Arithmetic mean, refined by a second pass: the naive sum loses the low digits of tightly
 * clustered large values (NIST NumAcc3/4), and adding back the mean residual recovers them.
 */
export function mean(values: readonly number[]): number {
  assertSample(values, 'mean');
  let sum = 0;
  for (const value of values) sum += value;
  const firstPass = sum / values.length;
  if (!Number.isFinite(firstPass)) return firstPass;
  let residual = 0;
  for (const value of values) residual += value - firstPass;
  return firstPass + residual / values.length;
}

/**
 * Sample standard deviation (denominator n − 1, as R's `sd`). Needs two values: the spread of
 * one run is undefined, not zero. Two-pass with the Chan–Golub–LeVeque correction term, which
 * keeps the digits that cancel when the values share many leading digits.
 */
export function sampleStdDev(values: readonly number[]): number {
  assertSample(values, 'sampleStdDev', 2);
  const centre = mean(values);
  let sumSquares = 0;
  let sumDeviations = 0;
  for (const value of values) {
    const deviation = value - centre;
    sumSquares += deviation * deviation;
    sumDeviations += deviation;
  }
  const variance = (sumSquares - (sumDeviations * sumDeviations) / values.length) / (values.length - 1);
  return Math.sqrt(Math.max(variance, 0));
}

/**
 * Coefficient of variation: sample standard deviation / |mean| (a fraction, not a percent).
 * A sample of zeros has no variation and gives 0; spread around a zero mean gives Infinity.
 */
export function coefficientOfVariation(values: readonly number[]): number {
  const spread = sampleStdDev(values);
  const centre = Math.abs(mean(values));
  if (centre === 0) return spread === 0 ? 0 : Number.POSITIVE_INFINITY;
  return spread / centre;
}

/** Median absolute deviation from the median, unscaled (R's `mad(x, constant = 1)`). */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const centre = median(values);
  return median(values.map((value) => Math.abs(value - centre)));
}

/** MAD scaled by 1.4826 (R's `mad(x)` default), a robust stand-in for σ that ignores a stray run. */
export function scaledMedianAbsoluteDeviation(values: readonly number[]): number {
  return MAD_NORMAL_CONSISTENCY * medianAbsoluteDeviation(values);
}

/** Smallest value. A loop, not `Math.min(...values)`, which overflows the stack on large arrays. */
export function minimum(values: readonly number[]): number {
  assertSample(values, 'minimum');
  let smallest = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < smallest) smallest = value;
  return smallest;
}

/** Largest value (see `minimum` for why it loops). */
export function maximum(values: readonly number[]): number {
  assertSample(values, 'maximum');
  let largest = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > largest) largest = value;
  return largest;
}
