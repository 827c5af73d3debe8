import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  clopperPearson,
  type Design,
  runTrial,
  tallyVerdicts,
  type VerdictTally,
} from '../../scripts/verdict-sim.js';
import { DEFAULT_FAMILY_ALPHA } from '../../src/compare/compare-results.js';
import { lookSchedule } from '../../src/compare/looks.js';
import { metricValues } from '../../src/compare/series.js';
import { createRng } from '../../src/stats/random.js';
import { DEFAULT_SAMPLES, defaultSuite } from '../../src/suite/default-suite.js';
import { NOISE_MODELS, noisyRun } from '../helpers/noisy-results.js';

// The gate judged by the real compareResults on seeded synthetic runs (scripts/verdict-sim.ts); the
// figures for every noise model and design are `npm run bench:verdicts`'s. Fixed seed: the counts are
// the same on every run and machine.
const SEED = 20261126;
/** The gate as it runs by default: DEFAULT_SAMPLES pairs, up to twice as many for undecided scenarios. */
const sequential = { samples: DEFAULT_SAMPLES, maxSamples: 2 * DEFAULT_SAMPLES };
const sharedDriftFiveRuns: Design = {
  noise: 'shared-drift',
  baselineRuns: 5,
  withReference: true,
  ...sequential,
};
const sharedDriftTenRuns: Design = { ...sharedDriftFiveRuns, baselineRuns: 10 };
/** One scenario's (tcp_rr_32cpu's) paths drift apart twice as much as the others': pooling must survive it. */
const unevenDriftFiveRuns: Design = { ...sharedDriftFiveRuns, noise: 'uneven-drift' };
const driftOneRunNoReference: Design = {
  noise: 'drift',
  baselineRuns: 1,
  withReference: false,
  ...sequential,
};
/** Bound on one simulation child: a few seconds of work, on a loaded machine. */
const SIMULATION_TIMEOUT_MS = 120_000;

function everyScenario(dropPct: number): Record<string, number> {
  return Object.fromEntries(defaultSuite().scenarios.map((s) => [s.name, dropPct]));
}

/**
 * tallyVerdicts in a plain Node process. Under jest's sandbox every Math lookup is guarded (see
 * src/stats/random.ts) and the t distribution's loops run 15–50× slower: hundreds of trials would take
 * minutes here and take seconds there. The code run is the same module, so are the counts (tested below).
 */
function tallyInNode(design: Design, trials: number, podDropPct: Record<string, number> = {}): VerdictTally {
  const script = `const { tallyVerdicts } = await import('./scripts/verdict-sim.ts');
const [seed, design, trials, drops] = JSON.parse(process.argv[1]);
console.log(JSON.stringify(tallyVerdicts(seed, design, trials, drops)));`;
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      './scripts/ts-resolve.ts',
      '--input-type=module',
      '--eval',
      script,
      JSON.stringify([SEED, design, trials, podDropPct]),
    ],
    { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', timeout: SIMULATION_TIMEOUT_MS },
  );
  if (child.status !== 0) {
    throw new Error(
      `The simulation child exited ${child.status ?? child.signal}: ${child.stderr.trim()}. Check that node is 24 (type stripping).`,
    );
  }
  return JSON.parse(child.stdout) as VerdictTally;
}

describe('the gate on simulated runs', () => {
  // The gate promises a family-wise false-regression rate of at most DEFAULT_FAMILY_ALPHA (Holm over the
  // gated metrics), and the noise simulated is the model the gate assumes. So the exact (Clopper–Pearson)
  // 95 % upper bound of the observed rate must lie below alpha: 600 trials resolve that while the true
  // rate is under ~1.5 % (0/600 here). And the gate is quiet, not only safe: an unchanged run is shown
  // not worse by the change the gate is built to catch (15 % for the rate ratio) and passes (589/600;
  // "within ±5 %", the old pass side, left 100 % of these runs inconclusive).
  test('under drift shared with the reference and 5 baseline runs, fails fewer than alpha of unchanged runs and passes the rest', () => {
    const tally = tallyInNode(sharedDriftFiveRuns, 600);
    expect(tally.trials).toBe(600);
    expect(clopperPearson(tally.regression, tally.trials).high).toBeLessThan(DEFAULT_FAMILY_ALPHA);
    expect(tally.pass).toBeGreaterThanOrEqual(0.95 * 600);
  });

  // The between-run variance is pooled over scenarios, which assumes they drift alike. Where one drifts
  // more (uneven-drift) and its rate ratio truly fell by exactly the 5 % floor, "regression" is a false
  // one: the whole gate must still say it in fewer than alpha of runs (8/800 here at alpha 0.03; at 0.05
  // 9/400, the homogeneous shared-drift 5/400 and the gate before pooling 2/400, the noisier scenario's
  // share of alpha being 1/8.8 of it).
  test('under uneven drift, keeps false regressions below alpha when the noisier scenario sits exactly at its floor', () => {
    const tally = tallyInNode(unevenDriftFiveRuns, 800, { tcp_rr_32cpu: 5 });
    expect(clopperPearson(tally.regression, tally.trials).high).toBeLessThan(DEFAULT_FAMILY_ALPHA);
  });

  // bench:verdicts: against 10 baseline runs the smallest drop in one scenario alone caught in ≥ 95 % of
  // runs is 17–20 % (here 196/200 at 20 %, 184/200 at 17 %, 154/200 at 15 %, of which 10 pass: the
  // miss rate at the 15 % the rate ratio is built to catch), in all four 15 % (200/200). Against 5 runs
  // 25 % / 15 %; 30 % is caught every time (200/200).
  test.each([
    { design: sharedDriftTenRuns, dropPct: 20, where: 'tcp_stream_1 alone', drops: { tcp_stream_1: 20 } },
    { design: sharedDriftTenRuns, dropPct: 15, where: 'every scenario', drops: everyScenario(15) },
    { design: sharedDriftFiveRuns, dropPct: 30, where: 'every scenario', drops: everyScenario(30) },
    { design: sharedDriftFiveRuns, dropPct: 30, where: 'tcp_stream_1 alone', drops: { tcp_stream_1: 30 } },
  ])(
    'under drift shared with the reference and $design.baselineRuns baseline runs, catches a $dropPct % pod-path drop in $where in ≥ 95 % of runs',
    ({ design, drops }) => {
      const tally = tallyInNode(design, 200, drops);
      expect(tally.regression).toBeGreaterThanOrEqual(0.95 * 200);
    },
  );

  test('under drift with 1 baseline run and no reference, says why its verdict deserves less trust', () => {
    for (const seed of [1, 2, 3]) {
      expect(runTrial(seed, driftOneRunNoReference, {}).lowConfidence).toEqual([
        expect.stringContaining('run-to-run noise unknown: 1 baseline run'),
        expect.stringContaining(
          'no interleaved reference for tcp_stream_1, tcp_stream_32, tcp_rr_1cpu, tcp_rr_32cpu',
        ),
      ]);
    }
  });

  test('gives the same counts for the same seed, here and in a separate Node process', () => {
    const design: Design = { ...driftOneRunNoReference, baselineRuns: 2 };
    const here = tallyVerdicts(SEED, design, 12);
    expect(here.regression + here.inconclusive + here.pass).toBe(12);
    expect(tallyVerdicts(SEED, design, 12)).toEqual(here);
    expect(tallyInNode(design, 12)).toEqual(here);
  });
});

describe('the simulated gate', () => {
  test('looks when the gate plans to: 6 pairs, then 10 and 12 for undecided scenarios', () => {
    expect(lookSchedule(6, 12)).toEqual([6, 10, 12]);
    expect(lookSchedule(5, 10)).toEqual([5, 9, 10]);
    expect(lookSchedule(2, 3)).toEqual([2, 3]);
    expect(lookSchedule(8, 8)).toEqual([8]);
  });
});

describe('the simulated noise', () => {
  /** Standard deviation of the log scale for a lognormal factor with this coefficient of variation. */
  const sigma = (cv: number) => Math.sqrt(Math.log1p(cv * cv));
  const sd = (values: number[]) => {
    const centre = values.reduce((sum, v) => sum + v, 0) / values.length;
    return Math.sqrt(values.reduce((sum, v) => sum + (v - centre) ** 2, 0) / (values.length - 1));
  };

  // 400 runs estimate a standard deviation to about ±4 %: 12 % leaves room without hiding a wrong model.
  test.each([
    { metric: 'throughput_gbps' as const, within: sigma(0.04), runs: Math.hypot(sigma(0.1), sigma(0.015)) },
    { metric: 'rate_ratio' as const, within: Math.SQRT2 * sigma(0.04), runs: Math.SQRT2 * sigma(0.015) },
  ])(
    'under shared drift spreads $metric by the CVs the model names, per sample and per run',
    ({ metric, within, runs }) => {
      const rng = createRng(SEED);
      const spec = { noise: NOISE_MODELS['shared-drift'], samples: 5, withReference: true };
      const logRuns = Array.from({ length: 400 }, () => {
        const scenario = noisyRun(rng, spec, ['tcp_stream_1']).scenarios[0];
        return scenario === undefined ? [] : metricValues(scenario, metric).map(Math.log);
      });
      const means = logRuns.map((values) => values.reduce((sum, v) => sum + v, 0) / values.length);
      const withinSd = Math.sqrt(logRuns.reduce((sum, values) => sum + sd(values) ** 2, 0) / logRuns.length);
      // A run mean's spread: the run's own level plus its samples' noise over n = 5.
      const runMeanSd = Math.sqrt(runs ** 2 + within ** 2 / 5);
      expect(Math.abs(withinSd / within - 1)).toBeLessThan(0.12);
      expect(Math.abs(sd(means) / runMeanSd - 1)).toBeLessThan(0.12);
    },
  );
});

describe('clopperPearson', () => {
  // scipy.stats.beta.ppf(0.025, k, n − k + 1) and beta.ppf(0.975, k + 1, n − k).
  test.each([
    [0, 300, 0, 0.01222097469429355],
    [3, 300, 0.0020670072350923163, 0.028944511255692605],
    [150, 300, 0.44199772080801636, 0.5580022791919836],
    [300, 300, 0.9877790253057065, 1],
    [1, 10, 0.0025285785444617848, 0.4450161170281954],
  ])('gives %p of %p successes the exact 95 %% interval [%p, %p]', (k, n, low, high) => {
    const interval = clopperPearson(k, n);
    expect(interval.low).toBeCloseTo(low, 7);
    expect(interval.high).toBeCloseTo(high, 7);
  });
});
