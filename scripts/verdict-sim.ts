/**
 * Gate quality by simulation: synthetic results under a noise model (test/helpers/noisy-results.ts) are
 * judged by the real `compareResults`, many times. Pure and seeded: the same seed gives the same counts
 * on every machine. Shared by `npm run bench:verdicts` and test/compare/gate-simulation.test.ts.
 */
import { type CompareSettings, compareResults, type GateVerdict } from '../src/compare/compare-results.js';
import { lookSchedule, settleVerdicts, undecidedScenarios } from '../src/compare/looks.js';
import type { Results } from '../src/results/schema.js';
import type { Verdict } from '../src/stats/compare.js';
import { createRng, createUint32Generator } from '../src/stats/random.js';
import { regularizedBeta } from '../src/stats/student-t.js';
import { NOISE_MODELS, type NoiseModel, noisyRun } from '../test/helpers/noisy-results.js';

/** One way of running the gate: noise, how many baseline runs, reference or not, samples per run. */
export interface Design {
  noise: NoiseModel;
  baselineRuns: number;
  withReference: boolean;
  /** Samples (pairs, with a reference) per scenario of the current run at the first look. */
  samples: number;
  /**
   * Sequential, as `gate` runs: undecided scenarios get more pairs, up to this many, with a look after
   * each block (baseline runs have this many pairs). Undefined: one look at `samples` (as `compare`).
   */
  maxSamples?: number;
}

/** Gate settings the simulation varies; defaults are the gate's. */
export type SimSettings = Pick<CompareSettings, 'alpha' | 'thresholds'>;

/** What one trial gave. */
export interface TrialOutcome {
  verdict: GateVerdict;
  lowConfidence: string[];
}

/** How many trials gave each gate verdict. */
export interface VerdictTally {
  trials: number;
  regression: number;
  inconclusive: number;
  pass: number;
}

/** A 32-bit FNV-1a hash: seeds a cell from its label, so a cell's figures do not depend on the others run. */
function hashLabel(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of label) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash;
}

/** The label that seeds a design's trials (the drop is left out: every drop sees the same noise). */
export function designLabel(design: Design): string {
  const upTo = design.maxSamples === undefined ? '' : ` up to ${design.maxSamples}`;
  return `${design.noise} K=${design.baselineRuns} ${design.withReference ? 'ref' : 'raw'} n=${design.samples}${upTo}`;
}

/** Per-trial seeds of a design: trial i sees the same noise whatever the drop (common random numbers). */
export function trialSeeds(seed: number, design: Design, trials: number): number[] {
  const next = createUint32Generator(hashLabel(seed, designLabel(design)));
  return Array.from({ length: trials }, () => next());
}

/** The current run as measured so far: each scenario cut to its first `taken` samples (and pairs). */
function measuredSoFar(results: Results, taken: ReadonlyMap<string, number>): Results {
  const scenarios = results.scenarios.map((s) => {
    const samples = taken.get(s.settings.name) ?? s.samples.length;
    const reference = s.reference && { ...s.reference, samples: s.reference.samples.slice(0, samples) };
    return {
      ...s,
      settings: { ...s.settings, samples },
      samples: s.samples.slice(0, samples),
      ...(reference === undefined ? {} : { reference }),
    };
  });
  return { ...results, scenarios };
}

/**
 * The sequential gate of src/run/gate-command.ts (measureSequentially) on a current run measured to
 * `maxSamples` pairs: each look at its share of alpha; scenarios with an undecided primary metric get the
 * next block. It stops early on a regression, which stands at the last look anyway.
 */
function sequentialOutcome(
  baselines: Results[],
  current: Results,
  design: Design,
  settings: SimSettings,
): TrialOutcome {
  const schedule = lookSchedule(design.samples, design.maxSamples ?? design.samples);
  const taken = new Map(current.scenarios.map((s) => [s.settings.name, design.samples]));
  const settled = new Map<string, Verdict>();
  for (let index = 1; ; index++) {
    const look = { index, count: schedule.length, settled };
    const comparison = compareResults(baselines, measuredSoFar(current, taken), {
      ...settings,
      environmentPolicy: 'warn',
      look,
    });
    const outcome = { verdict: comparison.verdict, lowConfidence: comparison.lowConfidence };
    const next = schedule[index];
    if (comparison.verdict === 'regression' || next === undefined) return outcome;
    settleVerdicts(comparison, settled);
    const more = undecidedScenarios(comparison);
    // Nothing left undecided: the gate judges once more at this look, with the same data and verdict.
    if (more.size === 0) return outcome;
    for (const name of more) taken.set(name, next);
  }
}

/**
 * One gate trial: `design.baselineRuns` baseline runs and a current run whose pod path lost
 * `podDropPct[scenario]` percent of its rate, judged by compareResults.
 */
export function runTrial(
  trialSeed: number,
  design: Design,
  podDropPct: Readonly<Record<string, number>>,
  settings: SimSettings = { thresholds: {} },
): TrialOutcome {
  const rng = createRng(trialSeed);
  const spec = {
    noise: NOISE_MODELS[design.noise],
    samples: design.maxSamples ?? design.samples,
    withReference: design.withReference,
  };
  const baselines = Array.from({ length: design.baselineRuns }, () => noisyRun(rng, spec));
  const current = noisyRun(rng, { ...spec, podDropPct });
  if (design.maxSamples !== undefined) return sequentialOutcome(baselines, current, design, settings);
  const comparison = compareResults(baselines, current, { ...settings, environmentPolicy: 'warn' });
  return { verdict: comparison.verdict, lowConfidence: comparison.lowConfidence };
}

/** Gate verdicts over `trials` trials with the given pod-path drops (none: no change). */
export function tallyVerdicts(
  seed: number,
  design: Design,
  trials: number,
  podDropPct: Readonly<Record<string, number>> = {},
  settings?: SimSettings,
): VerdictTally {
  const tally: VerdictTally = { trials, regression: 0, inconclusive: 0, pass: 0 };
  for (const trialSeed of trialSeeds(seed, design, trials))
    tally[runTrial(trialSeed, design, podDropPct, settings).verdict] += 1;
  return tally;
}

/** The smallest drop caught, and how often. */
export interface PowerFinding {
  /** Smallest of the drops tried caught in ≥ `power` of the trials; undefined: none was. */
  dropPct: number | undefined;
  caught: number;
  trials: number;
}

/**
 * Tries the drops in ascending order and returns the first caught (verdict regression) in at least
 * `power` of `trials` trials. A drop stops being tried as soon as its misses make the share
 * unreachable, and passes as soon as enough are caught: most of the cost is the drop that passes.
 */
export function smallestDropCaught(
  seed: number,
  design: Design,
  options: {
    dropsPct: readonly number[];
    scenarios: readonly string[];
    trials: number;
    power: number;
    settings?: SimSettings;
  },
): PowerFinding {
  const seeds = trialSeeds(seed, design, options.trials);
  const needed = Math.ceil(options.power * options.trials);
  for (const dropPct of options.dropsPct) {
    const drops = Object.fromEntries(options.scenarios.map((name) => [name, dropPct]));
    let caught = 0;
    let missed = 0;
    for (const trialSeed of seeds) {
      if (runTrial(trialSeed, design, drops, options.settings).verdict === 'regression') caught += 1;
      else missed += 1;
      if (caught >= needed || missed > options.trials - needed) break;
    }
    if (caught >= needed) return { dropPct, caught, trials: caught + missed };
  }
  return { dropPct: undefined, caught: 0, trials: 0 };
}

/** The p-quantile of the Beta(a, b) distribution, by bisection on the regularized incomplete beta. */
function betaQuantile(p: number, a: number, b: number): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (regularizedBeta(middle, a, b) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** Exact (Clopper–Pearson) two-sided interval of a binomial proportion: k successes in n trials. */
export function clopperPearson(k: number, n: number, level = 0.95): { low: number; high: number } {
  const tail = (1 - level) / 2;
  return {
    low: k === 0 ? 0 : betaQuantile(tail, k, n - k + 1),
    high: k === n ? 1 : betaQuantile(1 - tail, k + 1, n - k),
  };
}
