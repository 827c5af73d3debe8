import {
  coefficientOfVariation,
  MAD_NORMAL_CONSISTENCY,
  maximum,
  mean,
  median,
  medianAbsoluteDeviation,
  minimum,
  quantile,
  quantileSorted,
  sampleStdDev,
  scaledMedianAbsoluteDeviation,
} from '../../src/stats/describe.js';

// NIST StRD, Univariate Summary Statistics, "Michelso" (Michelson's 1879 speed of light, 100 values,
// https://www.itl.nist.gov/div898/strd/univ/michelso.html). Certified: mean 299.852400000000,
// sample standard deviation 0.0790105478190518.
const MICHELSO = [
  299.85, 299.74, 299.9, 300.07, 299.93, 299.85, 299.95, 299.98, 299.98, 299.88, 300.0, 299.98, 299.93,
  299.65, 299.76, 299.81, 300.0, 300.0, 299.96, 299.96, 299.96, 299.94, 299.96, 299.94, 299.88, 299.8, 299.85,
  299.88, 299.9, 299.84, 299.83, 299.79, 299.81, 299.88, 299.88, 299.83, 299.8, 299.79, 299.76, 299.8, 299.88,
  299.88, 299.88, 299.86, 299.72, 299.62, 299.86, 299.97, 299.95, 299.88, 299.91, 299.85, 299.87, 299.84,
  299.84, 299.85, 299.84, 299.84, 299.84, 299.89, 299.81, 299.81, 299.82, 299.8, 299.77, 299.76, 299.74,
  299.75, 299.76, 299.91, 299.92, 299.89, 299.86, 299.88, 299.72, 299.84, 299.85, 299.85, 299.78, 299.89,
  299.84, 299.78, 299.81, 299.76, 299.81, 299.79, 299.81, 299.82, 299.85, 299.87, 299.87, 299.81, 299.74,
  299.81, 299.94, 299.95, 299.8, 299.81, 299.87, 299.72,
];

// NIST StRD NumAcc3: 1000000.2 followed by 500 pairs (1000000.1, 1000000.3); certified mean 1000000.2 and
// sample standard deviation 0.1, exact by construction. Values share 7 leading digits, so a one-pass
// variance formula cancels to garbage here.
const NUM_ACC_3 = [1000000.2, ...Array.from({ length: 500 }, () => [1000000.1, 1000000.3]).flat()];

describe('mean and sample standard deviation', () => {
  test('match NIST StRD NumAcc1 (10000001, 10000003, 10000002): mean 10000002, sd 1, exactly', () => {
    expect(mean([10000001, 10000003, 10000002])).toBe(10000002);
    expect(sampleStdDev([10000001, 10000003, 10000002])).toBe(1);
  });

  test('match NIST StRD NumAcc3 (1001 values): mean 1000000.2, sd 0.1', () => {
    expect(NUM_ACC_3).toHaveLength(1001);
    expect(mean(NUM_ACC_3)).toBeCloseTo(1000000.2, 9);
    expect(sampleStdDev(NUM_ACC_3) / 0.1 - 1).toBeLessThan(1e-8);
  });

  test('match NIST StRD Michelso: mean 299.8524, sd 0.0790105478190518', () => {
    expect(MICHELSO).toHaveLength(100);
    expect(mean(MICHELSO)).toBeCloseTo(299.8524, 12);
    expect(Math.abs(sampleStdDev(MICHELSO) / 0.0790105478190518 - 1)).toBeLessThan(1e-12);
  });

  test('an infinite value makes the mean infinite', () => {
    expect(mean([1, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
  });

  test('sample standard deviation needs two values', () => {
    expect(() => sampleStdDev([5])).toThrow(RangeError);
    expect(sampleStdDev([5, 5])).toBe(0);
  });
});

describe('coefficient of variation', () => {
  test('is sd / |mean|', () => {
    expect(coefficientOfVariation([10000001, 10000003, 10000002])).toBeCloseTo(1 / 10000002, 15);
    expect(coefficientOfVariation([-1, -3, -2])).toBeCloseTo(0.5, 15);
  });

  test('is 0 for a sample of zeros and Infinity for spread around a zero mean', () => {
    expect(coefficientOfVariation([0, 0, 0])).toBe(0);
    expect(coefficientOfVariation([-1, 1])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('quantile (type 7, R default)', () => {
  // R: quantile(1:10, c(0, .1, .25, .5, .75, 1)) gives 1.00 1.90 3.25 5.50 7.75 10.00
  test.each([
    [0, 1],
    [0.1, 1.9],
    [0.25, 3.25],
    [0.5, 5.5],
    [0.75, 7.75],
    [1, 10],
  ])('quantile(1:10, %p) = %p', (probability, expected) => {
    expect(quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], probability)).toBeCloseTo(expected, 12);
  });

  test('interpolates between order statistics at h = (n − 1)p', () => {
    // Hand computation: sorted 10 20 30 40 50, h = 4 × 0.3 = 1.2, so 0.8 × 20 + 0.2 × 30 = 22.
    expect(quantile([50, 10, 40, 20, 30], 0.3)).toBeCloseTo(22, 12);
    expect(quantile([7], 0.9)).toBe(7);
  });

  test('keeps infinite order statistics instead of producing NaN', () => {
    const sorted = [1, 2, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    expect(quantileSorted(sorted, 0.9)).toBe(Number.POSITIVE_INFINITY);
    expect(quantileSorted(sorted, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(quantileSorted([1, 2, 3], 0.25)).toBeCloseTo(1.5, 12);
  });

  test('refuses a probability outside [0, 1]', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(/within \[0, 1\]/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });
});

describe('median, minimum, maximum', () => {
  test('median averages the two middle values for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median(MICHELSO)).toBe(299.85);
  });

  test('minimum and maximum scan without spreading the array', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_000);
    expect(minimum(many)).toBe(0);
    expect(maximum(many)).toBe(199_999);
    expect(minimum(MICHELSO)).toBe(299.62);
    expect(maximum(MICHELSO)).toBe(300.07);
  });

  test('do not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    quantile(values, 0.3);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median absolute deviation', () => {
  // R ?mad examples: mad(c(1:9)) = 2.9652 and mad(c(1:9), constant = 1) == mad(c(1:8, 100), constant = 1) == 2.
  test('matches R: mad(1:9) = 2.9652, unscaled 2, robust to an outlier', () => {
    const oneToNine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(scaledMedianAbsoluteDeviation(oneToNine)).toBeCloseTo(2.9652, 12);
    expect(medianAbsoluteDeviation(oneToNine)).toBe(2);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 5, 6, 7, 8, 100])).toBe(2);
    expect(MAD_NORMAL_CONSISTENCY).toBe(1.4826);
  });

  test('averages the middle deviations for an even count (R default, neither lo- nor hi-median)', () => {
    // x = c(1,2,3,5,7,8): median 4, |x − 4| sorted = 1 1 2 3 3 4, median 2.5 (R ?mad example).
    expect(medianAbsoluteDeviation([1, 2, 3, 5, 7, 8])).toBe(2.5);
  });

  test('is 0 for one value (R: “no deviation from the center”)', () => {
    expect(scaledMedianAbsoluteDeviation([42])).toBe(0);
  });
});

describe('input checks', () => {
  const everyFunction: [string, (values: number[]) => number][] = [
    ['median', median],
    ['mean', mean],
    ['sampleStdDev', sampleStdDev],
    ['coefficientOfVariation', coefficientOfVariation],
    ['medianAbsoluteDeviation', medianAbsoluteDeviation],
    ['scaledMedianAbsoluteDeviation', scaledMedianAbsoluteDeviation],
    ['minimum', minimum],
    ['maximum', maximum],
    ['quantile', (values) => quantile(values, 0.5)],
  ];

  test.each(everyFunction)('%s refuses an empty sample with a RangeError', (_name, statistic) => {
    expect(() => statistic([])).toThrow(RangeError);
  });

  test.each(everyFunction)('%s refuses NaN with a RangeError', (_name, statistic) => {
    expect(() => statistic([1, Number.NaN, 3])).toThrow(RangeError);
  });
});
