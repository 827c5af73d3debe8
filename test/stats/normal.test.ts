import { normalCdf } from '../../src/stats/normal.js';

describe('normalCdf', () => {
  // Φ(x) to full double precision. Values of Abramowitz & Stegun Table 26.1 (P(1.0) = 0.841344746068543,
  // P(3.0) = 0.998650101968370) and the tail values, all cross-checked against scipy.stats.norm
  // (Cephes ndtr, an independent implementation): Φ(−10) = 7.61985302416047e−24 as R's pnorm(-10).
  test.each([
    [-37.5, 4.605353009581954e-308],
    [-20, 2.7536241186061556e-89],
    [-10, 7.61985302416047e-24],
    [-5, 2.866515718791933e-7],
    [-3, 0.0013498980316300933],
    [-2.5, 0.006209665325776132],
    [-2.5000001, 0.006209663572946309],
    [-1, 0.15865525393145707],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [1, 0.8413447460685429],
    [1.959963984540054, 0.975],
    [3, 0.9986501019683699],
    [5, 0.9999997133484281],
  ])('Φ(%p) = %p to 1e-12 relative', (x, expected) => {
    expect(Math.abs(normalCdf(x) / expected - 1)).toBeLessThan(1e-12);
  });

  test('is symmetric: Φ(−x) = 1 − Φ(x)', () => {
    for (const x of [0.1, 0.7, 1.3, 2.4, 2.6, 4.2]) {
      expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 14);
    }
  });

  test('is increasing across the switch between series and continued fraction', () => {
    let previous = 0;
    for (let x = -3; x <= 3; x += 0.001) {
      const value = normalCdf(x);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  test('handles infinities and NaN', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
