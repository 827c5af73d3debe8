import {
  holmAdjusted,
  holmRejections,
  SPENDING_POWER,
  spentAlpha,
  weightedHolmAdjusted,
} from '../../src/stats/holm.js';
import { createRng } from '../../src/stats/random.js';

// Expected values are R's p.adjust(p, "holm"), worked by hand: sort ascending, multiply the i-th smallest
// by (m − i + 1), carry the running maximum, cap at 1, put back in input order.
describe('holmAdjusted (R p.adjust(p, "holm"))', () => {
  test.each([
    {
      p: [0.01, 0.02, 0.03, 0.04, 0.05],
      adjusted: [0.05, 0.08, 0.09, 0.09, 0.09],
      why: 'running maximum carried up',
    },
    { p: [0.01, 0.04, 0.03, 0.005], adjusted: [0.03, 0.06, 0.06, 0.02], why: 'input order kept' },
    { p: [0.04, 0.001, 0.04, 0.3], adjusted: [0.12, 0.004, 0.12, 0.3], why: 'ties get the same value' },
    {
      p: [0.005, 0.011, 0.02, 0.04, 0.13],
      adjusted: [0.025, 0.044, 0.06, 0.08, 0.13],
      why: 'already increasing',
    },
    { p: [0.5, 0.6], adjusted: [1, 1], why: 'capped at 1' },
    { p: [0.03], adjusted: [0.03], why: 'one hypothesis is not adjusted' },
    { p: [], adjusted: [], why: 'no hypotheses, nothing adjusted' },
  ])('adjusts $p to $adjusted ($why)', ({ p, adjusted }) => {
    const actual = holmAdjusted(p);
    expect(actual).toHaveLength(adjusted.length);
    for (const [i, value] of adjusted.entries()) expect(actual[i]).toBeCloseTo(value, 15);
  });

  test('counts a NaN p-value as 1 in the family (R would leave it NA and use n − 1: this is more conservative)', () => {
    expect(holmAdjusted([Number.NaN, 0.01])).toEqual([1, 0.02]);
  });
});

describe('holmRejections', () => {
  test.each([
    {
      p: [0.005, 0.011, 0.02, 0.04, 0.13],
      alpha: 0.05,
      rejected: [true, true, false, false, false],
      why: 'bars α/5, α/4, α/3: the third misses',
    },
    {
      p: [0.01, 0.04, 0.04],
      alpha: 0.05,
      rejected: [true, false, false],
      why: 'stops at the first miss though 0.04 ≤ α/1',
    },
    { p: [0.3, 0.001, 0.02], alpha: 0.05, rejected: [false, true, true], why: 'input order kept' },
    { p: [0.5, 0.25], alpha: 0.5, rejected: [true, true], why: 'a p-value equal to its bar is rejected' },
    { p: [0.2, 0.3], alpha: 0.05, rejected: [false, false], why: 'nothing below α/2' },
    {
      p: [Number.NaN, 0.001],
      alpha: 0.05,
      rejected: [false, true],
      why: 'NaN never rejected, but counted in m',
    },
    { p: [], alpha: 0.05, rejected: [], why: 'empty family' },
  ])('rejects $rejected of $p at α = $alpha ($why)', ({ p, alpha, rejected }) => {
    expect(holmRejections(p, alpha)).toEqual(rejected);
  });

  test('rejects exactly the hypotheses whose adjusted p-value is at most α', () => {
    const rng = createRng(20261126);
    for (let trial = 0; trial < 500; trial++) {
      const m = 1 + Math.floor(rng() * 12);
      // Mostly small p-values, so that some families are partly rejected.
      const p = Array.from({ length: m }, () => rng() ** 4);
      const alpha = [0.01, 0.05, 0.1][trial % 3] ?? 0.05;
      const adjusted = holmAdjusted(p);
      expect(holmRejections(p, alpha)).toEqual(adjusted.map((value) => value <= alpha));
    }
  });
});

// Weighted Holm (Holm 1979 §5; Bretz et al. 2009's graphical procedure with Holm's weights), worked by
// hand: order by p/w; the r-th adjusted value is the running maximum of min(1, p/w · Σ of the weights
// from r on).
describe('weightedHolmAdjusted', () => {
  test.each([
    {
      p: [0.01, 0.02, 0.04],
      w: [0.5, 0.25, 0.25],
      adjusted: [0.02, 0.04, 0.04],
      why: 'p/w = 0.02, 0.08, 0.16 times Σw = 1, 0.5, 0.25; the last carries 0.04',
    },
    {
      p: [0.004, 0.001, 0.2],
      w: [1, 0.2, 1],
      adjusted: [0.0088, 0.0088, 0.2],
      why: 'p/w = 0.004 × 2.2, then the light 0.001/0.2 = 0.005 × 1.2 = 0.006 carries 0.0088',
    },
    { p: [0.03, 0.03], w: [3, 1], adjusted: [0.04, 0.04], why: 'p/w = 0.01 × 4, then 0.03 × 1 carries 0.04' },
    {
      p: [0.005, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6, 0.6, 0.6],
      w: [1, 1, 1, 1, 1, 1, 1, 1, 0.2, 0.2, 0.2, 0.2],
      adjusted: [0.044, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      why: "the gate's family: 8 primaries and 4 guards at 0.2, a primary's first bar is α/8.8",
    },
    { p: [0.02, 0.5], w: [2, 2], adjusted: [0.04, 0.5], why: 'equal weights are Holm whatever their size' },
  ])('adjusts $p with weights $w to $adjusted ($why)', ({ p, w, adjusted }) => {
    const actual = weightedHolmAdjusted(p, w);
    expect(actual).toHaveLength(adjusted.length);
    for (const [i, value] of adjusted.entries()) expect(actual[i]).toBeCloseTo(value, 14);
  });

  test('rejects anything at α exactly when some pᵢ ≤ α·wᵢ/Σw (the first step of the weighted Bonferroni bound)', () => {
    const rng = createRng(20261206);
    for (let trial = 0; trial < 500; trial++) {
      const m = 1 + Math.floor(rng() * 12);
      const p = Array.from({ length: m }, () => rng() ** 3);
      const w = Array.from({ length: m }, () => 0.1 + rng());
      const total = w.reduce((sum, x) => sum + x, 0);
      const anyRejected = Math.min(...weightedHolmAdjusted(p, w)) <= 0.05;
      expect(anyRejected).toBe(p.some((x, i) => x <= (0.05 * (w[i] ?? 0)) / total));
    }
  });

  test.each([
    { w: [1], why: 'one weight for two p-values' },
    { w: [1, 0], why: 'a zero weight' },
    { w: [1, Number.NaN], why: 'a NaN weight' },
  ])('refuses $why', ({ w }) => {
    expect(() => weightedHolmAdjusted([0.01, 0.02], w)).toThrow(RangeError);
  });
});

describe('spentAlpha', () => {
  test('gives one look all of alpha', () => {
    expect(spentAlpha(0.05, 1, 1)).toBe(0.05);
  });

  test.each([
    [1, 1 / 27],
    [2, 7 / 27],
    [3, 19 / 27],
  ])('gives look %p of 3 the share %p of alpha: (k/3)³ − ((k − 1)/3)³', (look, share) => {
    expect(SPENDING_POWER).toBe(3);
    expect(spentAlpha(0.05, look, 3)).toBeCloseTo(0.05 * share, 15);
  });

  test.each([1, 2, 3, 4, 6, 10])(
    'spends exactly alpha over %p looks, later looks more than earlier ones',
    (looks) => {
      const shares = Array.from({ length: looks }, (_, i) => spentAlpha(0.05, i + 1, looks));
      expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(0.05, 15);
      for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1] ?? 0);
    },
  );

  test.each([
    [0, 3],
    [4, 3],
    [1.5, 3],
    [1, 0],
  ])('refuses look %p of %p with a RangeError that names them', (look, looks) => {
    expect(() => spentAlpha(0.05, look, looks)).toThrow(
      new RangeError(`Invalid look ${look} of ${looks}. Expected 1 ≤ look ≤ looks.`),
    );
  });
});
