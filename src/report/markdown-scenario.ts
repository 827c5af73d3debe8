import type { MetricComparison, ScenarioComparison } from '../compare/compare-results.js';
import { METRIC_NAMES, metricUnit } from '../metrics/names.js';
import type { ScenarioResult } from '../results/schema.js';
import { formatMetric } from './format.js';
import { mermaidBarChart } from './markdown-mermaid.js';
import { code, escapeMarkdown, markdownTable } from './markdown-text.js';
import { trendMarkdown } from './markdown-trend.js';
import {
  comparisonRow,
  describeSettings,
  headlineMetric,
  type ScenarioView,
  unitOf,
  verdictWord,
} from './report-input.js';
import type { TrendModel } from './trend-model.js';

/** Regressions and improvements in bold: the words a reader scans for. */
export function verdictCell(metric: MetricComparison): string {
  const word = verdictWord(metric);
  return metric.gated && (metric.verdict === 'regression' || metric.verdict === 'improvement')
    ? `**${word}**`
    : word;
}

function comparisonTable(scenario: ScenarioComparison, result: ScenarioResult): string {
  const rows = scenario.metrics.map((m) =>
    comparisonRow(m, `${code(m.metric)} (${escapeMarkdown(unitOf(m.metric, result))})`, verdictCell(m)),
  );
  return markdownTable(
    ['metric (unit)', 'baseline', 'current', 'change', '90% interval', 'p', 'threshold', 'verdict'],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    rows,
  );
}

function headlineChart(scenario: ScenarioComparison): string | undefined {
  const metric = headlineMetric(scenario.test);
  const compared = scenario.metrics.find((m) => m.metric === metric);
  if (compared === undefined) return undefined;
  return mermaidBarChart(`${scenario.name}: ${metric}, median`, metric, metricUnit(metric), [
    { label: 'baseline', value: compared.baselineMedian },
    { label: 'current', value: compared.currentMedian },
  ]);
}

/** Why each gated metric that is not unchanged got its verdict, then the scenario's notes. */
function reasons(scenario: ScenarioComparison): string[] {
  const why = scenario.metrics
    .filter((m) => m.gated && m.verdict !== 'unchanged')
    .map((m) => `- ${code(m.metric)}: ${verdictCell(m)} — ${escapeMarkdown(m.reason)}`);
  const notes = scenario.notes.map((note) => `- note: ${escapeMarkdown(note)}`);
  return [...why, ...notes];
}

/** A compared scenario: how it ran, the table of every metric, the headline chart, its trend, the reasons. */
export function comparedScenarioMarkdown(
  scenario: ScenarioComparison,
  result: ScenarioResult,
  trend?: TrendModel,
): string {
  const baselineSamples = scenario.metrics[0]?.baselineSamples.length;
  const parts = [
    `### ${code(scenario.name)}`,
    describeSettings(result, baselineSamples),
    comparisonTable(scenario, result),
  ];
  const chart = headlineChart(scenario);
  if (chart !== undefined) parts.push(chart);
  if (trend !== undefined) parts.push(trendMarkdown(trend));
  const why = reasons(scenario);
  if (why.length > 0) parts.push(why.join('\n'));
  return parts.join('\n\n');
}

function summaryTable(result: ScenarioResult): string {
  const rows = METRIC_NAMES.flatMap((metric) => {
    const a = result.aggregates[metric];
    if (a === undefined) return [];
    const f = (value: number) => formatMetric(metric, value);
    const cv = a.cvPct === null ? '—' : `${a.cvPct.toFixed(1)}%`;
    return [
      [
        `${code(metric)} (${escapeMarkdown(unitOf(metric, result))})`,
        f(a.median),
        f(a.min),
        f(a.max),
        cv,
        String(a.n),
      ],
    ];
  });
  return markdownTable(
    ['metric (unit)', 'median', 'min', 'max', 'CV', 'samples'],
    ['left', 'right', 'right', 'right', 'right', 'right'],
    rows,
  );
}

/** A scenario measured now but not compared: its own figures, and why it was not compared. */
export function currentScenarioMarkdown(view: ScenarioView): string {
  const parts = [
    `### ${code(view.result.settings.name)}`,
    describeSettings(view.result),
    summaryTable(view.result),
  ];
  if (view.skippedReason !== undefined) parts.push(`Not compared: ${escapeMarkdown(view.skippedReason)}.`);
  return parts.join('\n\n');
}
