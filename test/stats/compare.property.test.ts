/**
 * Property tests of the gate's decision rule: seeded loops over generated sample sets, so every run
 * checks the same few hundred cases and a failure names the case that broke.
 */
import { type CompareOptions, compareSamples, type Direction } from '../../src/stats/compare.js';
import { createRng, type Rng } from '../../src/stats/random.js';

function standardNormal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** `size` runs around `centre` with coefficient of variation `cv` (normal noise, never below 0). */
function runs(rng: Rng, size: number, centre: number, cv: number): number[] {
  return Array.from({ length: size }, () => Math.max(0, centre * (1 + cv * standardNormal(rng))));
}

function pick<T>(rng: Rng, choices: readonly T[]): T {
  return choices[Math.floor(rng() * choices.length)] as T;
}

function shuffled(rng: Rng, values: readonly number[]): number[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as number, copy[i] as number];
  }
  return copy;
}

const DIRECTIONS: readonly Direction[] = ['higher-is-better', 'lower-is-better'];
/** Factor that moves a median by `pct` percent to the worse side of `direction`. */
const worseBy = (direction: Direction, pct: number) =>
  1 + (direction === 'higher-is-better' ? -pct : pct) / 100;

describe('compareSamples properties', () => {
  test('identical sample sets never give a regression or an improvement (400 generated cases)', () => {
    const rng = createRng(1001);
    for (let i = 0; i < 400; i++) {
      const cv = pick(rng, [0.001, 0.01, 0.02, 0.05, 0.1, 0.3]);
      let baseline = runs(rng, 1 + Math.floor(rng() * 12), 50 + rng() * 1000, cv);
      // Half of the cases rounded to 2 decimals, as netperf prints them: ties, normal approximation.
      if (rng() < 0.5) baseline = baseline.map((value) => Math.round(value * 100) / 100);
      const options: CompareOptions = {
        direction: pick(rng, DIRECTIONS),
        thresholdPct: pick(rng, [0, 1, 2, 5, 10, 20]),
        alpha: pick(rng, [0.01, 0.05, 0.1, 0.2, 0.4]),
        minSamples: 1 + Math.floor(rng() * 4),
        seed: i,
      };
      const result = compareSamples(baseline, shuffled(rng, baseline), options);
      expect({ case: i, verdict: result.verdict }).not.toEqual({ case: i, verdict: 'regression' });
      expect({ case: i, verdict: result.verdict }).not.toEqual({ case: i, verdict: 'improvement' });
      expect(result.pValue).toBeGreaterThanOrEqual(0.5);
    }
  });

  test.each(DIRECTIONS)(
    '%s: a worsening of twice the threshold, 5 runs each, CV 2 %, is always a regression',
    (direction) => {
      // Threshold 10 %, noise 2 %: the noise floor is well above the noise, as calibrate recommends it.
      const rng = createRng(direction === 'higher-is-better' ? 2002 : 2003);
      for (let i = 0; i < 150; i++) {
        const centre = 1 + rng() * 10_000;
        const baseline = runs(rng, 5, centre, 0.02);
        const current = runs(rng, 5, centre * worseBy(direction, 20), 0.02);
        const result = compareSamples(baseline, current, { direction, thresholdPct: 10, seed: i });
        expect({ case: i, verdict: result.verdict }).toEqual({ case: i, verdict: 'regression' });
      }
    },
  );

  test.each(DIRECTIONS)(
    '%s: an improvement of twice the threshold, 5 runs each, CV 2 %, is always an improvement',
    (direction) => {
      const rng = createRng(direction === 'higher-is-better' ? 3002 : 3003);
      for (let i = 0; i < 150; i++) {
        const baseline = runs(rng, 5, 100, 0.02);
        const current = runs(rng, 5, 100 * worseBy(direction, -20), 0.02);
        const result = compareSamples(baseline, current, { direction, thresholdPct: 10, seed: i });
        expect({ case: i, verdict: result.verdict }).toEqual({ case: i, verdict: 'improvement' });
      }
    },
  );

  test('with the threshold only 2.5 × the noise (5 % vs CV 2 %), 5 runs catch a 10 % drop in ≥ 90 % of cases', () => {
    // No rule can reach 100 % here: the median drop of 5 vs 5 runs itself varies by about ±1.6 % (1 sd),
    // so the evidence that it exceeds 5 % is sometimes too weak. Never the wrong way round, though.
    const rng = createRng(4004);
    const verdicts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const baseline = runs(rng, 5, 100, 0.02);
      const current = runs(rng, 5, 90, 0.02);
      verdicts.push(
        compareSamples(baseline, current, { direction: 'higher-is-better', thresholdPct: 5, seed: i })
          .verdict,
      );
    }
    expect(verdicts.filter((verdict) => verdict === 'regression').length).toBeGreaterThanOrEqual(180);
    expect(verdicts.filter((verdict) => verdict === 'improvement' || verdict === 'unchanged')).toEqual([]);
  });

  test('a change of a third of the threshold with plenty of quiet runs is always unchanged', () => {
    const rng = createRng(5005);
    for (let i = 0; i < 150; i++) {
      const direction = pick(rng, DIRECTIONS);
      const baseline = runs(rng, 8, 100, 0.005);
      const current = runs(rng, 8, 100 * worseBy(direction, pick(rng, [-3.3, 3.3])), 0.005);
      const result = compareSamples(baseline, current, { direction, thresholdPct: 10, seed: i });
      expect({ case: i, verdict: result.verdict }).toEqual({ case: i, verdict: 'unchanged' });
    }
  });

  test('1 or 2 runs on a side never give a regression or an improvement at alpha 0.05, however large the change', () => {
    const rng = createRng(6006);
    for (let i = 0; i < 150; i++) {
      const direction = pick(rng, DIRECTIONS);
      const baseline = runs(rng, 1 + Math.floor(rng() * 2), 100, 0.01);
      const current = runs(
        rng,
        1 + Math.floor(rng() * 2),
        100 * worseBy(direction, pick(rng, [-80, 80])),
        0.01,
      );
      const result = compareSamples(baseline, current, {
        direction,
        thresholdPct: 5,
        minSamples: 1,
        seed: i,
      });
      expect({ case: i, verdict: result.verdict }).toEqual({ case: i, verdict: 'inconclusive' });
    }
  });

  test('a change to the better side is never a regression, and to the worse side never an improvement', () => {
    const rng = createRng(7007);
    for (let i = 0; i < 200; i++) {
      const direction = pick(rng, DIRECTIONS);
      const cv = pick(rng, [0.005, 0.02, 0.1]);
      const size = 3 + Math.floor(rng() * 8);
      const better = runs(rng, size, 100 * worseBy(direction, -rng() * 40), cv);
      const worse = runs(rng, size, 100 * worseBy(direction, rng() * 40), cv);
      const baseline = runs(rng, size, 100, cv);
      const options = { direction, thresholdPct: pick(rng, [0, 2, 5]), seed: i };
      expect({ case: i, verdict: compareSamples(baseline, better, options).verdict }).not.toEqual({
        case: i,
        verdict: 'regression',
      });
      expect({ case: i, verdict: compareSamples(baseline, worse, options).verdict }).not.toEqual({
        case: i,
        verdict: 'improvement',
      });
    }
  });

  test('is deterministic: the same inputs, in any order, give identical result objects', () => {
    const rng = createRng(8008);
    for (let i = 0; i < 50; i++) {
      const baseline = runs(rng, 3 + Math.floor(rng() * 10), 100, pick(rng, [0.01, 0.05, 0.2]));
      const current = runs(
        rng,
        3 + Math.floor(rng() * 10),
        100 * (0.8 + rng() * 0.4),
        pick(rng, [0.01, 0.05, 0.2]),
      );
      const options: CompareOptions = { direction: pick(rng, DIRECTIONS), thresholdPct: 5 };
      const first = compareSamples(baseline, current, options);
      expect(compareSamples(baseline, current, options)).toEqual(first);
      expect(compareSamples(shuffled(rng, baseline), shuffled(rng, current), options)).toEqual(first);
    }
  });
});
