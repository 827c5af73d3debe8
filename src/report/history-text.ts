/**
 * A history's trends and level shifts as `netperf-gate history` prints and writes them. Pure.
 */
import { type BaselineShift, runLabel, runProvenance } from '../compare/baseline-since-shift.js';
import type { HistoryAnalysis, MetricTrend } from '../compare/history.js';
import type { Results } from '../results/schema.js';
import { formatMetric, formatPercentChange, renderTextTable } from './format.js';

/** Version of the `history --json` document. */
export const HISTORY_JSON_VERSION = 1;

/** "-12.0% transactions_per_sec of tcp_rr_1cpu from run 4711, commit abc1234" */
export function describeShift(shift: BaselineShift): string {
  return `${formatPercentChange(shift.changePct)} ${shift.metric} of ${shift.scenario} from ${shift.where}`;
}

/**
 * The reports' line under the verdict when the baseline starts after a level shift: "Level shift:
 * -12.0% rate_ratio of tcp_rr_1cpu from run 4711, commit abc1234; the baseline is the 5 runs since it."
 */
export function levelShiftLine(shift: BaselineShift, baselineRuns: number | undefined): string {
  const runs =
    baselineRuns === undefined ? 'the runs' : `the ${baselineRuns} run${baselineRuns === 1 ? '' : 's'}`;
  return `Level shift: ${describeShift(shift)}; the baseline is ${runs} since it.`;
}

/** The runs of a history with the names (file names) that label them. */
export interface NamedRuns {
  runs: readonly Results[];
  names: readonly string[];
}

function scenarioTrends(analysis: HistoryAnalysis): Map<string, MetricTrend[]> {
  const byScenario = new Map<string, MetricTrend[]>();
  for (const trend of analysis.trends) {
    byScenario.set(trend.scenario, [...(byScenario.get(trend.scenario) ?? []), trend]);
  }
  return byScenario;
}

function shiftLine(trend: MetricTrend, history: NamedRuns): string[] {
  return trend.shifts.map((s) => {
    const where = runLabel(history.runs[s.index] as Results, s.index, history.names[s.index]);
    return `  change point: ${trend.metric} ${formatPercentChange(s.changePct)} from ${where} (p ${s.pValue.toFixed(3)})`;
  });
}

function scenarioText(name: string, trends: readonly MetricTrend[], history: NamedRuns): string {
  const first = trends[0] as MetricTrend;
  const starts = new Set(trends.flatMap((t) => t.shifts.map((s) => s.index)));
  const rows = history.runs.map((run, i) => [
    `${starts.has(i) ? '▶ ' : '  '}${runLabel(run, i, history.names[i])}`,
    ...trends.map((t) => {
      const value = t.values[i];
      return value === null || value === undefined ? '—' : formatMetric(t.metric, value);
    }),
  ]);
  const table = renderTextTable(['run', ...trends.map((t) => t.metric)], rows);
  const shifts = trends.flatMap((t) => shiftLine(t, history));
  const summary = shifts.length === 0 ? ['  no change point'] : shifts;
  return [`${name} (${first.test}), geometric mean per run:`, table, ...summary].join('\n');
}

/**
 * The terminal text: per scenario a table of its primary metrics run by run (▶ marks the first run of
 * a new level), then its change points; the method's level last.
 */
export function renderHistoryText(analysis: HistoryAnalysis, history: NamedRuns): string {
  const parts = [...scenarioTrends(analysis)].map(([name, trends]) => scenarioText(name, trends, history));
  const method = `Change points: E-divisive means with a permutation test at ${(analysis.seriesLevel * 100).toPrecision(2)}% per series (a false one in at most ${analysis.level * 100}% of unchanged histories).`;
  if (parts.length === 0) parts.push('No scenario with values in these runs.');
  return `${[`${analysis.runs} runs, oldest first.`, ...parts, method].join('\n\n')}\n`;
}

/** The machine-readable history: runs with their provenance, per scenario and metric the values and change points. */
export function historyJson(analysis: HistoryAnalysis, history: NamedRuns): unknown {
  const fileOf = (i: number) => history.names[i] ?? null;
  return {
    schemaVersion: HISTORY_JSON_VERSION,
    runs: history.runs.map((run, i) => ({
      index: i,
      file: fileOf(i),
      label: runLabel(run, i, history.names[i]),
      startedAt: run.startedAt,
      provenance: runProvenance(run),
    })),
    seriesLevel: analysis.seriesLevel,
    trends: analysis.trends.map((t) => ({
      scenario: t.scenario,
      test: t.test,
      metric: t.metric,
      values: t.values,
      changePoints: t.shifts.map((s) => ({
        runIndex: s.index,
        file: fileOf(s.index),
        run: runLabel(history.runs[s.index] as Results, s.index, history.names[s.index]),
        changePct: s.changePct,
        pValue: s.pValue,
      })),
    })),
  };
}
