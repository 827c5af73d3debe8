import { METRIC_NAMES, type MetricName, metricDirection } from '../metrics/names.js';
import type { Threshold } from '../metrics/schema.js';
import type { Results, ScenarioResult } from '../results/schema.js';
import { type Comparison, compareSamples, type Verdict } from '../stats/compare.js';
import { diffEnvironments, type EnvironmentDifference, type EnvironmentPolicy } from './environment.js';
import { type ThresholdSources, thresholdFor } from './thresholds.js';

/** One metric of one scenario, compared. */
export interface MetricComparison extends Comparison {
  metric: MetricName;
  /** The noise floor in percent, or `off`: compared and shown, but never counted or failing. */
  threshold: Threshold;
  /** False when the threshold is off: the verdict is shown for information and never counted. */
  gated: boolean;
  baselineSamples: number[];
  currentSamples: number[];
}

/** One scenario present in both results. */
export interface ScenarioComparison {
  name: string;
  test: ScenarioResult['settings']['test'];
  metrics: MetricComparison[];
  /** Things people should know: settings that differ, metrics only one side has. */
  notes: string[];
}

/** How many gated metrics got each verdict. */
export type VerdictCounts = Record<Verdict, number>;

/** Everything `compare` decided. `verdict` is `regression` when any metric regressed, or the environment differs under policy `fail`. */
export interface ResultsComparison {
  verdict: 'pass' | 'regression';
  counts: VerdictCounts;
  scenarios: ScenarioComparison[];
  /** Scenarios that could not be compared, with why (missing on one side, measured differently). */
  skipped: { name: string; reason: string }[];
  environment: EnvironmentDifference[];
  environmentPolicy: EnvironmentPolicy;
  /** True when the environment differs and the policy is `fail`. */
  environmentFails: boolean;
}

export interface CompareSettings {
  thresholds: ThresholdSources;
  environmentPolicy: EnvironmentPolicy;
  alpha?: number;
}

/** Settings that change what is measured: scenarios differing in these are not comparable. */
const MEASUREMENT_FIELDS = [
  'test',
  'concurrency',
  'cpus',
  'sendSizeBytes',
  'requestSizeBytes',
  'responseSizeBytes',
] as const;

function metricValues(result: ScenarioResult, metric: MetricName): number[] {
  return result.samples.map((s) => s.metrics[metric]).filter((v): v is number => v !== undefined);
}

function compareScenario(
  baseline: ScenarioResult,
  current: ScenarioResult,
  settings: CompareSettings,
): ScenarioComparison {
  const name = current.settings.name;
  const notes: string[] = [];
  if (baseline.settings.durationSeconds !== current.settings.durationSeconds) {
    notes.push(
      `duration differs: baseline ${baseline.settings.durationSeconds} s, current ${current.settings.durationSeconds} s`,
    );
  }
  const metrics: MetricComparison[] = [];
  for (const metric of METRIC_NAMES) {
    const baselineSamples = metricValues(baseline, metric);
    const currentSamples = metricValues(current, metric);
    if (baselineSamples.length === 0 && currentSamples.length === 0) continue;
    if (baselineSamples.length === 0 || currentSamples.length === 0) {
      notes.push(
        `${metric} only in the ${baselineSamples.length === 0 ? 'current results' : 'baseline'}: not compared`,
      );
      continue;
    }
    const threshold = thresholdFor(settings.thresholds, name, metric);
    const options = {
      direction: metricDirection(metric),
      thresholdPct: threshold === 'off' ? 0 : threshold,
      ...(settings.alpha ? { alpha: settings.alpha } : {}),
    };
    metrics.push({
      metric,
      threshold,
      gated: threshold !== 'off',
      baselineSamples,
      currentSamples,
      ...compareSamples(baselineSamples, currentSamples, options),
    });
  }
  return { name, test: current.settings.test, metrics, notes };
}

function whyNotComparable(baseline: ScenarioResult, current: ScenarioResult): string | undefined {
  const differing = MEASUREMENT_FIELDS.filter(
    (field) => baseline.settings[field] !== current.settings[field],
  );
  if (differing.length === 0) return undefined;
  const detail = differing
    .map((f) => `${f} ${String(baseline.settings[f])} → ${String(current.settings[f])}`)
    .join(', ');
  return `measured differently (${detail}); refresh the baseline`;
}

function countVerdicts(scenarios: readonly ScenarioComparison[]): VerdictCounts {
  const counts: VerdictCounts = { regression: 0, improvement: 0, unchanged: 0, inconclusive: 0 };
  for (const scenario of scenarios) {
    for (const metric of scenario.metrics) if (metric.gated) counts[metric.verdict] += 1;
  }
  return counts;
}

/**
 * Compares current results with a baseline: every scenario both have, every metric both have, with
 * the thresholds that apply; what does not overlap is listed, not guessed at.
 */
export function compareResults(
  baseline: Results,
  current: Results,
  settings: CompareSettings,
): ResultsComparison {
  const baselineByName = new Map(baseline.scenarios.map((s) => [s.settings.name, s]));
  const currentNames = new Set(current.scenarios.map((s) => s.settings.name));
  const scenarios: ScenarioComparison[] = [];
  const skipped: ResultsComparison['skipped'] = [];
  for (const scenario of current.scenarios) {
    const before = baselineByName.get(scenario.settings.name);
    const problem = before === undefined ? 'not in the baseline' : whyNotComparable(before, scenario);
    if (before === undefined || problem !== undefined)
      skipped.push({ name: scenario.settings.name, reason: problem ?? '' });
    else scenarios.push(compareScenario(before, scenario, settings));
  }
  for (const name of baselineByName.keys()) {
    if (!currentNames.has(name)) skipped.push({ name, reason: 'in the baseline only (not run now)' });
  }
  const environment = diffEnvironments(baseline, current);
  const environmentFails = settings.environmentPolicy === 'fail' && environment.length > 0;
  const counts = countVerdicts(scenarios);
  return {
    verdict: counts.regression > 0 || environmentFails ? 'regression' : 'pass',
    counts,
    scenarios,
    skipped,
    environment: settings.environmentPolicy === 'ignore' ? [] : environment,
    environmentPolicy: settings.environmentPolicy,
    environmentFails,
  };
}
