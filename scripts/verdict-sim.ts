/**
 * Gate quality by simulation: synthetic results under a noise model (test/helpers/noisy-results.ts) are
 * judged by the real `compareResults`, many times. Pure and seeded: the same seed gives the same counts
 * on every machine. Shared by `npm run bench:verdicts` and test/compare/gate-simulation.test.ts.
 */
import { type CompareSettings, compareResults, type GateVerdict } from '../src/compare/compare-results.js';
import type { Results } from '../src/results/schema.js';
import { createRng, createUint32Generator } from '../src/stats/random.js';
import { regularizedBeta } from '../src/stats/student-t.js';
import { NOISE_MODELS, type NoiseModel, noisyRun } from '../test/helpers/noisy-results.js';

/** One way of running the gate: noise, how many baseline runs, reference or not, samples per run. */
export interface Design {
  noise: NoiseModel;
  baselineRuns: number;
  withReference: boolean;
  /** Samples (pairs, with a reference) per scenario and run. */
  samples: number;
  /** Looks at these sample counts of the current run (the last is `samples`); none: one look. */
  looksAt?: readonly number[];
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
  const looks = design.looksAt === undefined ? '' : ` looks ${design.looksAt.join('/')}`;
  return `${design.noise} K=${design.baselineRuns} ${design.withReference ? 'ref' : 'raw'} n=${design.samples}${looks}`;
}

/** Per-trial seeds of a design: trial i sees the same noise whatever the drop (common random numbers). */
export function trialSeeds(seed: number, design: Design, trials: number): number[] {
  const next = createUint32Generator(hashLabel(seed, designLabel(design)));
  return Array.from({ length: trials }, () => next());
}

/** The current run cut to its first `samples` samples (and pairs), keeping only the named scenarios. */
function firstSamples(results: Results, samples: number, names: ReadonlySet<string>): Results {
  const scenarios = results.scenarios
    .filter((s) => names.has(s.settings.name))
    .map((s) => ({
      ...s,
      settings: { ...s.settings, samples },
      samples: s.samples.slice(0, samples),
      ...(s.reference === undefined
        ? {}
        : { reference: { ...s.reference, samples: s.reference.samples.slice(0, samples) } }),
    }));
  return { ...results, scenarios };
}

/**
 * A sequential gate: look at the current run after each of `looksAt` samples, each look at its share of
 * alpha (spentAlpha); stop at the first regression, and stop measuring a scenario once none of its
 * primary metrics is inconclusive. Improvements found stay settled.
 */
function sequentialOutcome(
  baselines: Results[],
  current: Results,
  design: Design,
  settings: SimSettings,
): TrialOutcome {
  const looksAt = design.looksAt ?? [design.samples];
  const active = new Set(current.scenarios.map((s) => s.settings.name));
  const settled = new Map<string, 'improvement'>();
  let outcome: TrialOutcome = { verdict: 'pass', lowConfidence: [] };
  for (const [i, samples] of looksAt.entries()) {
    if (active.size === 0) break;
    const look = { index: i + 1, count: looksAt.length, settled };
    const comparison = compareResults(baselines, firstSamples(current, samples, active), {
      ...settings,
      environmentPolicy: 'warn',
      look,
    });
    outcome = { verdict: comparison.verdict, lowConfidence: comparison.lowConfidence };
    if (comparison.verdict === 'regression') return outcome;
    for (const scenario of comparison.scenarios) {
      for (const m of scenario.metrics) {
        if (m.verdict === 'improvement') settled.set(`${scenario.name}/${m.metric}`, 'improvement');
      }
      const decided = scenario.metrics.every((m) => m.role !== 'primary' || m.verdict !== 'inconclusive');
      if (decided) active.delete(scenario.name);
    }
  }
  // Scenarios stopped early were decided (pass); the last look's verdict covers the rest.
  return outcome;
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
    samples: design.samples,
    withReference: design.withReference,
  };
  const baselines = Array.from({ length: design.baselineRuns }, () => noisyRun(rng, spec));
  const current = noisyRun(rng, { ...spec, podDropPct });
  if (design.looksAt !== undefined) return sequentialOutcome(baselines, current, design, settings);
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
