import { HETEROGENEITY_P, poolBetweenRuns } from '../../src/stats/between-pool.js';
import { estimateFromSummary, OWN_WITHIN, pBeyond, summariseRuns } from '../../src/stats/run-level.js';
import { satterthwaite } from '../../src/stats/satterthwaite.js';

// Runs are written as e^(centre + offset) so the log-scale figures are the x's themselves. Every run's
// offsets are {−0.01, 0, 0.01}: within-run variance 2·0.01²/2 = 1e-4 in every scenario, ñ = 3.
const offsets = [-0.01, 0, 0.01];
const run = (centre: number) => offsets.map((x) => Math.exp(centre + x));
const WITHIN = 1e-4;
/** A scenario whose K baseline run means are −d, 0, d (s² = d²) and whose current run is at `current`. */
function scenario(d: number, current = 0) {
  return summariseRuns([run(-d), run(0), run(d)], run(current));
}

describe('satterthwaite', () => {
  test("gives Welch's degrees of freedom for s₁²/n₁ + s₂²/n₂ (s² = 4, 9; n = 10, 15)", () => {
    const { variance, df } = satterthwaite([
      { coefficient: 1 / 10, estimate: 4, df: 9 },
      { coefficient: 1 / 15, estimate: 9, df: 14 },
    ]);
    expect(variance).toBeCloseTo(1, 14);
    // (0.4 + 0.6)² / (0.4²/9 + 0.6²/14) by hand.
    expect(df).toBeCloseTo(1 / (0.16 / 9 + 0.36 / 14), 12);
  });

  test('adds up the coefficients of terms with the same key: they are one estimate, not two', () => {
    const { variance, df } = satterthwaite([
      { coefficient: 0.5, estimate: 2, df: 4, key: 'a' },
      { coefficient: 0.25, estimate: 2, df: 4, key: 'a' },
    ]);
    expect(variance).toBeCloseTo(1.5, 14);
    expect(df).toBeCloseTo(4, 12);
  });
});

describe('poolBetweenRuns', () => {
  test('pools two scenarios that spread alike: σ̂_b² = Σ cᵢ(sᵢ² − σ_w²/ñ), cᵢ = (Kᵢ − 1)/Σ(K − 1)', () => {
    const [a, b] = poolBetweenRuns([scenario(0.05), scenario(0.07)]);
    const pooled = (0.05 ** 2 + 0.07 ** 2) / 2 - WITHIN / 3;
    expect(a?.variance).toBeCloseTo(pooled, 12);
    expect(b?.variance).toBeCloseTo(pooled, 12);
    expect(a?.scenarios).toBe(2);
    // Each member's own within-run variance is named, so its estimate can add its own share to it.
    expect(a?.terms.filter((t) => t.key === OWN_WITHIN)).toHaveLength(1);
  });

  test('gives the estimate (1 + 1/K)σ̂_b² + σ_w²(1/n_c + 1/(Kñ)) with Welch–Satterthwaite df over both scenarios', () => {
    const a = scenario(0.05, 0.02);
    const [shared] = poolBetweenRuns([a, scenario(0.07)]);
    const estimate = estimateFromSummary(a, shared);
    const between = (0.05 ** 2 + 0.07 ** 2) / 2 - WITHIN / 3;
    const variance = (4 / 3) * between + WITHIN * (1 / 3 + 1 / 9);
    expect(estimate.standardError).toBeCloseTo(Math.sqrt(variance), 12);
    expect(estimate.logChange).toBeCloseTo(0.02, 12);
    // Terms: (4/3)·½·s² of each scenario on 2 df; the within-run variances on 8 df each, the own one
    // with 1/3 + 1/9 − (4/3)·½/3 and the other's with −(4/3)·½/3.
    const parts = [
      [(4 / 3) * 0.5 * 0.05 ** 2, 2],
      [(4 / 3) * 0.5 * 0.07 ** 2, 2],
      [(1 / 3 + 1 / 9 - (4 / 3) * (0.5 / 3)) * WITHIN, 8],
      [-(4 / 3) * (0.5 / 3) * WITHIN, 8],
    ] as const;
    const df = variance ** 2 / parts.reduce((sum, [part, d]) => sum + part ** 2 / d, 0);
    expect(estimate.df).toBeCloseTo(df, 9);
    // More than the K − 1 = 2 of one scenario alone (4 when both spread alike).
    expect(estimate.df).toBeGreaterThan(3.5);
    expect(estimate.pooledScenarios).toBe(2);
    // scipy: se 0.07023769168568493, df 3.6192329581964056, stats.t.sf(0.02 / se, df).
    expect(pBeyond(estimate, 1, 0)).toBeCloseTo(0.39568822634146067, 9);
    expect(estimate.betweenRunPct).toBeCloseTo((Math.exp(Math.sqrt(between)) - 1) * 100, 9);
  });

  test('leaves out a scenario whose runs spread far more than the others explain: it keeps its own', () => {
    expect(HETEROGENEITY_P).toBe(0.1);
    const [a, b, noisy] = poolBetweenRuns([scenario(0.05), scenario(0.07), scenario(0.5)]);
    expect(noisy).toBeUndefined();
    expect(a?.scenarios).toBe(2);
    expect(b?.variance).toBeCloseTo((0.05 ** 2 + 0.07 ** 2) / 2 - WITHIN / 3, 12);
  });

  test('pools a quieter scenario: a larger variance than its own is only conservative', () => {
    const pools = poolBetweenRuns([scenario(0.05), scenario(0.07), scenario(0.01)]);
    expect(pools.every((p) => p?.scenarios === 3)).toBe(true);
  });

  test('finds no between-run spread when the pooled run means differ no more than sample noise explains', () => {
    const [a] = poolBetweenRuns([scenario(0.003), scenario(0.002)]);
    expect(a?.variance).toBe(0);
    // Then the estimate is the within-run test: df = Σ(n − 1) of the scenario's own runs.
    expect(estimateFromSummary(scenario(0.003), a).df).toBe(8);
  });

  test.each([
    { what: 'one scenario', summaries: [scenario(0.05)] },
    {
      what: 'one scenario with 3 baseline runs, one with 2',
      summaries: [scenario(0.05), summariseRuns([run(0), run(0.1)], run(0))],
    },
    { what: 'two scenarios, one far noisier', summaries: [scenario(0.05), scenario(0.5)] },
  ])('pools nothing with $what: each keeps its own', ({ summaries }) => {
    expect(poolBetweenRuns(summaries)).toEqual(summaries.map(() => undefined));
  });
});
