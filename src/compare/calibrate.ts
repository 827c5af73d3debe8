/**
 * calibrate: run-level noise from K runs of the same setup, the thresholds it suggests, and the
 * smallest change the gate would catch with 95 % power against those K runs as its baseline. Pure.
 */
import { METRIC_NAMES, type MetricName, type TestType } from '../metrics/names.js';
import type { ScenarioResult } from '../results/schema.js';
import { mean, median } from '../stats/describe.js';
import { createRng, type Rng } from '../stats/random.js';
import { estimateChange, pBeyond, runMoments, sumSquares } from '../stats/run-level.js';
import { DEFAULT_FAMILY_ALPHA } from './compare-results.js';
import { GUARD_WEIGHT } from './gated-family.js';
import { logMargins } from './metric-verdict.js';
import { metricValues } from './series.js';
import { DEFAULT_THRESHOLDS_PCT, primaryMetrics } from './thresholds.js';

/** No threshold below this: a 1% floor keeps rounding and clock jitter from ever counting. */
export const MIN_RECOMMENDED_PCT = 1;
/** The threshold suggested: changes smaller than this many between-run standard deviations are not worth a failed check. */
export const SPREAD_MULTIPLIER = 2;
/** Power the detectable change is stated at. */
export const TARGET_POWER = 0.95;
/** Simulated gate runs per candidate change, and the seed: the same runs give the same figures. */
export const POWER_TRIALS = 400;
export const POWER_SEED = 20261129;
/** Candidate changes, in percent, tried from small to large. */
const CANDIDATE_DROPS_PCT = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90];

/** Run-level noise of one metric of one scenario over K runs. */
export interface MetricNoise {
  metric: MetricName;
  /** Primary metrics decide the gate; others are shown. */
  primary: boolean;
  /** Geometric centre of each run. */
  runCentres: number[];
  /** Between-run standard deviation (random-effects model), in percent. */
  betweenRunPct: number;
  /** Within-run (sample to sample) standard deviation, in percent. */
  withinRunPct: number;
  /** Suggested threshold in percent, rounded up to 0.5. */
  recommendedPct: number;
  /** Smallest change (worse side) caught with 95 % power against these K runs as baseline; null: none up to 90 %. */
  detectablePct: number | null;
}

export interface ScenarioNoise {
  name: string;
  test: TestType;
  samplesPerRun: number;
  runs: number;
  metrics: MetricNoise[];
}

function roundUpToHalf(pct: number): number {
  return Math.ceil(pct * 2) / 2;
}

/** Method-of-moments fit of the random-effects model: log-scale between- and within-run SDs. */
export function fitRunNoise(runs: readonly (readonly number[])[]): {
  between: number;
  within: number;
  centres: number[];
} {
  const { means, withinVar: within } = runMoments(runs);
  const meansVar = sumSquares(means, mean(means)) / Math.max(1, means.length - 1);
  const harmonicN = runs.length / runs.reduce((s, run) => s + 1 / run.length, 0);
  const between = Math.max(0, meansVar - within / harmonicN);
  return { between: Math.sqrt(between), within: Math.sqrt(within), centres: means.map(Math.exp) };
}

function normal(rng: Rng): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

interface PowerModel {
  between: number;
  within: number;
  runs: number;
  samples: number;
  thresholdPct: number;
  /** Level a single metric is held to: its weighted-Holm first-step share of the family's alpha. */
  level: number;
}

function simulatedRun(model: PowerModel, shift: number, rng: Rng): number[] {
  const level = model.between * normal(rng) + shift;
  return Array.from({ length: model.samples }, () => Math.exp(level + model.within * normal(rng)));
}

/** Share of simulated gates (K baseline runs, one current run `dropPct` worse) that call a regression. */
function power(model: PowerModel, dropPct: number, rng: Rng): number {
  const margins = logMargins('higher-is-better', model.thresholdPct);
  let caught = 0;
  for (let trial = 0; trial < POWER_TRIALS; trial++) {
    const baselines = Array.from({ length: model.runs }, () => simulatedRun(model, 0, rng));
    const current = simulatedRun(model, Math.log(1 - dropPct / 100), rng);
    if (pBeyond(estimateChange(baselines, current), -1, margins.worse) <= model.level) caught += 1;
  }
  return caught / POWER_TRIALS;
}

/** The smallest candidate change caught with {@link TARGET_POWER}; seeded, so reproducible. */
export function detectableChange(model: PowerModel): number | null {
  const rng = createRng(POWER_SEED);
  return (
    CANDIDATE_DROPS_PCT.find(
      (drop) => drop > model.thresholdPct && power(model, drop, rng) >= TARGET_POWER,
    ) ?? null
  );
}

function metricNoise(
  metric: MetricName,
  runs: readonly number[][],
  primary: boolean,
  level: number,
): MetricNoise {
  const fit = fitRunNoise(runs);
  const betweenRunPct = (Math.exp(fit.between) - 1) * 100;
  const withinRunPct = (Math.exp(fit.within) - 1) * 100;
  const recommendedPct = roundUpToHalf(Math.max(MIN_RECOMMENDED_PCT, SPREAD_MULTIPLIER * betweenRunPct));
  const samples = Math.round(median(runs.map((r) => r.length)));
  const model = {
    between: fit.between,
    within: fit.within,
    runs: runs.length,
    samples,
    thresholdPct: recommendedPct,
    level,
  };
  return {
    metric,
    primary,
    runCentres: fit.centres,
    betweenRunPct,
    withinRunPct,
    recommendedPct,
    detectablePct: primary ? detectableChange(model) : null,
  };
}

/**
 * Fits the run-level noise of every metric from K runs of the same suite on the same setup, suggests
 * thresholds (twice the between-run spread, at least 1 %), and for the primary metrics simulates the
 * gate against those K runs to find the smallest drop it catches with 95 % power.
 */
export function calibrate(runs: readonly ScenarioResult[][]): ScenarioNoise[] {
  const first = runs[0] ?? [];
  // A primary metric's first-step share under the gate's weighted Holm: weight 1 of Σ weights, where each
  // scenario with a reference also gates its raw rate as a guard (K ≥ 3, as calibrate's runs are).
  const gatedWeight = first.reduce(
    (sum, s) =>
      sum +
      primaryMetrics(s.settings.test, s.reference !== undefined).length +
      (s.reference === undefined ? 0 : GUARD_WEIGHT),
    0,
  );
  const level = DEFAULT_FAMILY_ALPHA / Math.max(1, gatedWeight);
  return first.map((scenario) => {
    const name = scenario.settings.name;
    const same = runs.map((run) => run.find((s) => s.settings.name === name)).filter((s) => s !== undefined);
    const primaries = primaryMetrics(scenario.settings.test, scenario.reference !== undefined);
    const metrics: MetricNoise[] = [];
    for (const metric of METRIC_NAMES) {
      const perRun = same.map((s) => metricValues(s, metric));
      if (perRun.some((values) => values.length < 2 || values.some((v) => !(v > 0)))) continue;
      metrics.push(metricNoise(metric, perRun, primaries.includes(metric), level));
    }
    return {
      name,
      test: scenario.settings.test,
      samplesPerRun: scenario.samples.length,
      runs: same.length,
      metrics,
    };
  });
}

/** The thresholds file calibrate writes: per scenario and metric, with the evidence as comments. */
export function renderThresholdsYaml(noise: readonly ScenarioNoise[], runs: number): string {
  const lines = [
    `# Written by netperf-gate calibrate from ${runs} runs of the same setup.`,
    `# threshold = max(${MIN_RECOMMENDED_PCT}%, ${SPREAD_MULTIPLIER} × between-run spread), rounded up to 0.5%.`,
    `# "detects": the smallest drop the gate catches with ${TARGET_POWER * 100}% power against these ${runs} runs as baseline (simulated from the fitted noise).`,
    'schemaVersion: 1',
    'scenarios:',
  ];
  for (const scenario of noise) {
    lines.push(`  ${scenario.name}:`);
    for (const m of scenario.metrics.filter((metric) => metric.primary)) {
      const builtIn = DEFAULT_THRESHOLDS_PCT[m.metric];
      const detects = m.detectablePct === null ? 'nothing up to 90%' : `≥ ${m.detectablePct}%`;
      lines.push(
        `    ${m.metric}: ${m.recommendedPct}  # ${m.betweenRunPct.toFixed(1)}% between runs, ` +
          `${m.withinRunPct.toFixed(1)}% within; detects ${detects}; built-in ${builtIn === 'off' ? 'off' : `${builtIn}%`}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
