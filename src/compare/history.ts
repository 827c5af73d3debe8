/**
 * A history of runs (results files in time order): per scenario the run-level trend of its primary
 * metrics and their level shifts. Pure.
 *
 * Each run is summarised as the run-level model summarises it (run-level.ts): the mean of its clamped
 * log values, per sample for raw metrics, per pod/reference pair for ratio metrics. The primary metrics
 * are the gate's (thresholds.ts `primaryMetrics`): the ratios where every run of the scenario has the
 * interleaved reference, else the rate and the CPU costs. Every series is searched for change points
 * (stats/change-points.ts) at `level / number of series` (Bonferroni), so a history as a whole gets a
 * false change point at most `level` of the time.
 */
import { METRIC_NAMES, type MetricName, type TestType } from '../metrics/names.js';
import type { Results, ScenarioResult } from '../results/schema.js';
import { type ChangePoint, findChangePoints } from '../stats/change-points.js';
import { mean } from '../stats/describe.js';
import { clampedLogs } from '../stats/run-level.js';
import { hasReference, metricValues } from './series.js';
import { primaryMetrics } from './thresholds.js';

/** False change points per history (all its series together) when none is given: half the 5 % asked for, as margin (the Bonferroni bound is nearly reached: 4.7–5.3 % at 0.05 in bench:changepoints). */
export const DEFAULT_CHANGE_LEVEL = 0.025;

/** A level shift of one metric: where the new level starts and by how much it moved. */
export interface MetricShift extends ChangePoint {
  /** Geometric mean of the segment from this point on against the segment before, in percent. */
  changePct: number;
}

/** One primary metric of one scenario over the history. */
export interface MetricTrend {
  scenario: string;
  test: TestType;
  metric: MetricName;
  /** Per run of the history: the run's geometric mean, or null when the run lacks the metric. */
  values: (number | null)[];
  /** Level shifts; `index` is the run's index in the history. */
  shifts: MetricShift[];
}

/** What {@link analyseHistory} found. */
export interface HistoryAnalysis {
  runs: number;
  trends: MetricTrend[];
  /** False change points per history asked for. */
  level: number;
  /** The per-series level used (the history's level over the number of series). */
  seriesLevel: number;
}

/** The run's log-scale centre of a metric: mean of its clamped logs; undefined without positive values. */
export function runLogCentre(scenario: ScenarioResult, metric: MetricName): number | undefined {
  const values = metricValues(scenario, metric).filter((v) => v > 0 && Number.isFinite(v));
  return values.length === 0 ? undefined : mean(clampedLogs(values));
}

function scenarioNames(runs: readonly Results[]): string[] {
  const names = new Set<string>();
  for (const run of runs) for (const s of run.scenarios) names.add(s.settings.name);
  return [...names].sort();
}

/** A series' level shifts, with run indices of the history and the size of each shift. */
function shiftsOf(centres: (number | undefined)[], level: number): MetricShift[] {
  const present = centres.flatMap((c, run) => (c === undefined ? [] : [{ c, run }]));
  const values = present.map((p) => p.c);
  const points = findChangePoints(values, { level });
  const bounds = [0, ...points.map((p) => p.index), values.length];
  return points.map((point, k) => {
    const before = mean(values.slice(bounds[k], point.index));
    const after = mean(values.slice(point.index, bounds[k + 2]));
    return {
      index: present[point.index]?.run ?? 0,
      pValue: point.pValue,
      changePct: (Math.exp(after - before) - 1) * 100,
    };
  });
}

interface Series {
  scenario: string;
  test: TestType;
  metric: MetricName;
  centres: (number | undefined)[];
}

function seriesOf(runs: readonly Results[]): Series[] {
  const series: Series[] = [];
  for (const name of scenarioNames(runs)) {
    const results = runs.map((run) => run.scenarios.find((s) => s.settings.name === name));
    const present = results.filter((r): r is ScenarioResult => r !== undefined);
    const test = present[0]?.settings.test;
    if (test === undefined) continue;
    const primary = primaryMetrics(test, present.every(hasReference));
    for (const metric of METRIC_NAMES.filter((m) => primary.includes(m))) {
      const centres = results.map((r) => (r === undefined ? undefined : runLogCentre(r, metric)));
      if (centres.some((c) => c !== undefined)) series.push({ scenario: name, test, metric, centres });
    }
  }
  return series;
}

/**
 * Trends and level shifts of every scenario's primary metrics over `runs` (oldest first). `level` is
 * the false change point rate of the whole history (default {@link DEFAULT_CHANGE_LEVEL}).
 */
export function analyseHistory(runs: readonly Results[], level = DEFAULT_CHANGE_LEVEL): HistoryAnalysis {
  const series = seriesOf(runs);
  const seriesLevel = level / Math.max(1, series.length);
  const trends = series.map((s) => ({
    scenario: s.scenario,
    test: s.test,
    metric: s.metric,
    values: s.centres.map((c) => (c === undefined ? null : Math.exp(c))),
    shifts: shiftsOf(s.centres, seriesLevel),
  }));
  return { runs: runs.length, trends, level, seriesLevel };
}
