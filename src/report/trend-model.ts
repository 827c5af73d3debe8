/**
 * The trend both reports draw per compared scenario: the baseline history's runs and this one, on the
 * scenario's overview metric (its rate ratio with a reference, else its rate), with the level shifts
 * marked, the spread of the baseline runs and this run's interval. Pure.
 */
import { type BaselineShift, runAxisLabel, runLabel } from '../compare/baseline-since-shift.js';
import type { ScenarioComparison } from '../compare/compare-results.js';
import { analyseHistory, runLogCentre } from '../compare/history.js';
import { headlineMetric, type MetricName } from '../metrics/names.js';
import type { Results, ScenarioResult } from '../results/schema.js';
import { mean, sampleStdDev } from '../stats/describe.js';

/** The history behind a comparison, as the report shows it. */
export interface ReportHistory {
  /** Every baseline run read, oldest first (the runs before a level shift included). */
  runs: readonly Results[];
  /** Labels of the runs without provenance (file names), same order. */
  names?: readonly string[];
  /** The level shift the baseline starts after, when there was one. */
  shift?: BaselineShift;
}

/** One point of a trend. */
export interface TrendPoint {
  /** Axis label: commit (7 characters), "#k", or "this run". */
  label: string;
  /** For people: "run 4711, commit abc1234", a file name, or "this run". */
  title: string;
  value: number;
  /** A new level starts here. */
  changeStart: boolean;
}

/** A scenario's trend. */
export interface TrendModel {
  scenario: string;
  metric: MetricName;
  /** History runs that have the metric, then this run last when `hasCurrent`. */
  points: TrendPoint[];
  /** The last point is this run (drawn as a diamond with its interval). */
  hasCurrent: boolean;
  /** The baseline runs' spread: geometric mean ± 2 SD of their log values, from the first baseline point. */
  band?: { low: number; high: number; fromPoint: number };
  /** This run's 90% interval, as the comparison decided it. */
  interval?: { low: number; high: number };
  /** The baseline's shift when it is this scenario's, for the caption. */
  shift?: BaselineShift;
}

/** Fewest history runs for a trend. */
export const MIN_TREND_RUNS = 2;

function spreadOf(logs: readonly number[]): { centre: number; low: number; high: number } | undefined {
  if (logs.length < 2) return undefined;
  const centre = mean(logs);
  const sd = sampleStdDev(logs);
  return { centre, low: Math.exp(centre - 2 * sd), high: Math.exp(centre + 2 * sd) };
}

function trendOf(
  history: ReportHistory,
  comparison: ScenarioComparison,
  current: ScenarioResult,
  shiftStarts: ReadonlySet<string>,
): TrendModel | undefined {
  const metric = comparison.withReference ? 'rate_ratio' : headlineMetric(comparison.test);
  const firstBaseline = history.shift?.runIndex ?? 0;
  const points: TrendPoint[] = [];
  const baselineLogs: number[] = [];
  let fromPoint = -1;
  for (const [i, run] of history.runs.entries()) {
    const scenario = run.scenarios.find((s) => s.settings.name === comparison.name);
    const centre = scenario === undefined ? undefined : runLogCentre(scenario, metric);
    if (centre === undefined) continue;
    if (i >= firstBaseline) {
      if (fromPoint < 0) fromPoint = points.length;
      baselineLogs.push(centre);
    }
    points.push({
      label: runAxisLabel(run, i),
      title: runLabel(run, i, history.names?.[i]),
      value: Math.exp(centre),
      changeStart: shiftStarts.has(`${comparison.name}/${metric}/${i}`),
    });
  }
  const now = runLogCentre(current, metric);
  if (points.length < MIN_TREND_RUNS || now === undefined) return undefined;
  points.push({ label: 'this run', title: 'this run', value: Math.exp(now), changeStart: false });
  const spread = spreadOf(baselineLogs);
  const compared = comparison.metrics.find((m) => m.metric === metric);
  const model: TrendModel = { scenario: comparison.name, metric, points, hasCurrent: true };
  if (spread) model.band = { low: spread.low, high: spread.high, fromPoint };
  if (compared && Number.isFinite(compared.ciLowPct) && Number.isFinite(compared.ciHighPct)) {
    const base = Math.exp(mean(baselineLogs));
    model.interval = {
      low: base * (1 + compared.ciLowPct / 100),
      high: base * (1 + compared.ciHighPct / 100),
    };
  }
  if (history.shift?.scenario === comparison.name) model.shift = history.shift;
  return model;
}

/**
 * Per compared scenario, its trend over the history and this run; none when the history has fewer
 * than {@link MIN_TREND_RUNS} runs with the metric. Level shifts are those analyseHistory finds.
 */
export function trendModels(
  history: ReportHistory | undefined,
  comparisons: readonly ScenarioComparison[],
  current: Results,
): Map<string, TrendModel> {
  const models = new Map<string, TrendModel>();
  if (history === undefined || history.runs.length < MIN_TREND_RUNS) return models;
  const analysis = analyseHistory(history.runs);
  const starts = new Set(
    analysis.trends.flatMap((t) => t.shifts.map((s) => `${t.scenario}/${t.metric}/${s.index}`)),
  );
  for (const comparison of comparisons) {
    const result = current.scenarios.find((s) => s.settings.name === comparison.name);
    if (result === undefined) continue;
    const model = trendOf(history, comparison, result, starts);
    if (model) models.set(comparison.name, model);
  }
  return models;
}
