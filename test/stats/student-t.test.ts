import { normalCdf } from '../../src/stats/normal.js';
import { logGamma, regularizedBeta, tCdf, tQuantile, tUpperTail } from '../../src/stats/student-t.js';

// Reference values from scipy 1.17 (scipy.stats.t.cdf / sf / ppf / isf, scipy.special.betainc / gammaln:
// Cephes and Boost, independent of this implementation), pasted once; R's pt/qt give the same digits.
//
// Relative accuracy asked of every value: what the gate needs (p-values meet bars of α/m ≈ 1e-3 and
// intervals are shown to 0.1 %). 1e-8 leaves room for what floating point itself loses: an upper tail
// of 1e-8 given as p = 1 − 1e-8 keeps only 8 digits, and with a million degrees of freedom the beta
// function's prefactor is a difference of large log-gammas.
const RELATIVE = 1e-8;

function expectRelative(actual: number, expected: number, relative = RELATIVE): void {
  expect(Math.abs(actual - expected)).toBeLessThan(relative * Math.max(Math.abs(expected), Number.MIN_VALUE));
}

/** Relative where the value is large, absolute near 0 (a quantile at p = 1/2). */
function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThan(RELATIVE * Math.max(1, Math.abs(expected)));
}

describe('tCdf (R pt)', () => {
  test.each([
    [2, 5, 0.9490302605850708],
    [-1.5, 3.7, 0.10679908460100675],
    [0.3, 12.8, 0.6155031965854496],
    [2.5, 4.37, 0.9692348909685778],
    [-2.5, 4.37, 0.030765109031422128],
    [1.96, 30, 0.9703288435519748],
    [-3, 2e6, 0.0013499146511160671],
    [5, 0.5, 0.8570042984205706],
    [0.01, 7, 0.5038498411781891],
  ])('P(T ≤ %p) with %p degrees of freedom is %p (scipy), fractional df included', (t, df, expected) => {
    expectRelative(tCdf(t, df), expected);
  });

  test.each([-1000, -50, -3, -0.5, 0, 0.7, 2, 10, 1000])(
    'with 1 degree of freedom is the Cauchy distribution 1/2 + atan(t)/π at t = %p',
    (t) => {
      expectRelative(tCdf(t, 1), 0.5 + Math.atan(t) / Math.PI);
    },
  );

  test.each([-1000, -50, -4, -0.5, 0, 0.5, 3, 25, 1000])(
    'with 2 degrees of freedom is 1/2 + t / (2√(t² + 2)) at t = %p',
    (t) => {
      expectRelative(tCdf(t, 2), 0.5 + t / (2 * Math.sqrt(t * t + 2)));
    },
  );

  test('is symmetric: P(T ≤ −t) = 1 − P(T ≤ t)', () => {
    for (const df of [0.7, 1, 2.5, 9, 120]) {
      for (const t of [0.1, 1, 2.2, 7]) expect(tCdf(-t, df) + tCdf(t, df)).toBeCloseTo(1, 14);
    }
  });

  test('approaches the normal distribution as the degrees of freedom grow', () => {
    const gaps = [10, 100, 1e3, 1e4, 1e5, 1e6].map((df) => Math.abs(tCdf(1.96, df) - normalCdf(1.96)));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1] ?? 0);
    // The gap is φ(t)(t³ + t)/(4·df) to first order: 1.4e-7 at df = 1e6.
    expect(gaps.at(-1)).toBeLessThan(2e-7);
  });

  test.each([1e7, 1e9, Number.POSITIVE_INFINITY])(
    'is the normal distribution from %p degrees of freedom on',
    (df) => {
      for (const t of [-6, -1.96, 0, 0.3, 2.5]) expect(tCdf(t, df)).toBe(normalCdf(t));
      // scipy's t at df = 1e7 differs from the normal by 1.4e-8 at 1.96: the switch costs no more.
      expect(Math.abs(tCdf(1.96, 1e7) - 0.9750020909873429)).toBeLessThan(2e-8);
    },
  );

  test('handles infinite and NaN arguments', () => {
    expect(tCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(tCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(tCdf(Number.NaN, 3)).toBeNaN();
  });

  test.each([0, -1, Number.NaN])('refuses %p degrees of freedom with a RangeError that names them', (df) => {
    expect(() => tCdf(1, df)).toThrow(
      new RangeError(`Invalid degrees of freedom ${df}. Expected a number > 0.`),
    );
    expect(() => tUpperTail(1, df)).toThrow(RangeError);
    expect(() => tQuantile(0.5, df)).toThrow(RangeError);
  });
});

describe('tUpperTail (R pt(…, lower.tail = FALSE))', () => {
  test.each([
    [2, 5, 0.050969739414929174],
    [2.5, 4.37, 0.030765109031422128],
    [-1.5, 3.7, 0.8932009153989933],
    [12, 10, 1.460704412384992e-7],
    [40, 3, 1.7190340394579253e-5],
    [6, 300, 2.838219546179577e-9],
    [8, 50, 8.316483014160684e-11],
    [30, 1000, 7.687343722021547e-142],
  ])('P(T > %p) with %p degrees of freedom is %p, tiny tails keeping their digits', (t, df, expected) => {
    expectRelative(tUpperTail(t, df), expected);
  });

  test('is the lower tail at −t', () => {
    for (const df of [1, 3.3, 40])
      for (const t of [-2, 0, 0.4, 5]) expect(tUpperTail(t, df)).toBe(tCdf(-t, df));
  });

  test('handles infinite and NaN arguments', () => {
    expect(tUpperTail(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(tUpperTail(Number.NEGATIVE_INFINITY, 3)).toBe(1);
    expect(tUpperTail(Number.NaN, 3)).toBeNaN();
  });
});

describe('tQuantile (R qt)', () => {
  test.each([
    [0.975, 4.37, 2.6861481000408847],
    [0.95, 2.5, 2.5582186141359355],
    [0.995, 0.7, 364.9352029815851],
    [0.9, 7.93, 1.3979216802619217],
    [0.6, 12.3, 0.25889255986689824],
    [0.95, 3.2, 2.294594153866668],
    [0.999, 4, 7.173182219782307],
    [0.025, 9.1, -2.2583734528143964],
    [0.05, 1.5, -3.7051808200967518],
    [0.975, 1e6, 1.959966356814107],
  ])(
    'the %p quantile with %p degrees of freedom is %p (scipy), fractional df included',
    (p, df, expected) => {
      expectRelative(tQuantile(p, df), expected);
    },
  );

  test.each([
    [1e-8, 8.5, 19.88772013411993],
    [1e-8, 3, 479.5250695797382],
    [1e-10, 20, 11.740060452456985],
    [1e-6, 2.3, 329.17254188596496],
  ])('finds the point with an upper tail of %p (df %p) at %p, from either side', (tail, df, expected) => {
    expectRelative(tQuantile(1 - tail, df), expected);
    expectRelative(-tQuantile(tail, df), expected);
  });

  test.each([0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.9999])(
    'with 1 degree of freedom is tan(π(p − 1/2)) at p = %p',
    (p) => {
      expectClose(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)));
    },
  );

  test.each([0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.9999])(
    'with 2 degrees of freedom is (2p − 1)/√(2p(1 − p)) at p = %p',
    (p) => {
      expectClose(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)));
    },
  );

  test('is the normal quantile with infinite degrees of freedom', () => {
    expectRelative(tQuantile(0.975, Number.POSITIVE_INFINITY), 1.959963984540054, 1e-10);
  });

  test('inverts tCdf', () => {
    for (const df of [0.8, 2, 4.37, 17.5, 300]) {
      for (const t of [-7, -1.2, 0.05, 2.7, 6]) expectClose(tQuantile(tCdf(t, df), df), t);
    }
  });

  // Known defect: a lower-tail p is reflected through 1 − p, which keeps only ~16 digits: p = 1e-12
  // comes back 7e-6 off (qt(1e-12, 3) = −10331.108…, this gives −10331.184) and p below 1e-16 rounds 1 − p
  // to 1 and gives −∞ (qt(1e-20, 300) = −9.975…). Harmless for the gate (it asks for 0.95 quantiles);
  // solving on the lower tail directly for p < 1/2 would fix it. Drop `.failing` when it passes.
  test('keeps its digits for lower-tail probabilities far below 1e-8 (fails: reflected through 1 − p)', () => {
    expectRelative(tQuantile(1e-12, 3), -10331.108244292487);
    expectRelative(tQuantile(1e-20, 300), -9.975051370335501);
  });

  test('gives −∞ and +∞ at p = 0 and 1 and refuses probabilities outside [0, 1]', () => {
    expect(tQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(() => tQuantile(1.5, 3)).toThrow(new RangeError('Invalid probability 1.5. Expected 0 ≤ p ≤ 1.'));
    expect(() => tQuantile(Number.NaN, 3)).toThrow(RangeError);
  });
});

describe('regularizedBeta and logGamma', () => {
  test.each([
    [0.3, 2, 3, 0.34829999999999994],
    [0.5, 0.5, 0.5, 0.5000000000000001],
    [0.9, 10, 0.5, 0.15164090963470994],
    [0.01, 1.5, 2.5, 0.0033648023419160004],
    [0.999, 50, 0.5, 0.7523690199653766],
    [0.2, 0.5, 4.2, 0.8164186186663567],
  ])('I_%p(%p, %p) is %p (scipy betainc)', (x, a, b, expected) => {
    expectRelative(regularizedBeta(x, a, b), expected);
  });

  test('is 0 and 1 at the ends and keeps the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(-0.1, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
    for (const x of [0.05, 0.4, 0.77])
      expect(regularizedBeta(x, 2.5, 7) + regularizedBeta(1 - x, 7, 2.5)).toBeCloseTo(1, 12);
  });

  const gammaln: [number, number][] = [
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247],
    [1.5, -0.12078223763524526],
    [3.7, 1.428072326665388],
    [10, 12.801827480081469],
    [100, 359.1342053695754],
    [1000.5, 5908.674175848678],
  ];

  test.each(gammaln)(
    'ln Γ(%p) is %p (scipy gammaln) to 1e-6 absolute, reflection below 1/2 included',
    (x, expected) => {
      expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-6);
    },
  );

  // The fifth Lanczos coefficient (g = 7, n = 9) is Godfrey's −176.61502916214059906… (an earlier typo
  // made every value 1e-8 off); with it ln Γ is exact to ~1e-15.
  test('ln Γ is exact to 1e-13 relative', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    for (const [x, expected] of gammaln) expectRelative(logGamma(x), expected, 1e-13);
  });
});
