/**
 * The trend page of `netperf-gate history --report-dir`: per scenario and primary metric the runs as
 * an SVG line with its change points, and a table of the change points. One self-contained file, no
 * script, deterministic to the byte. Pure.
 */
import { runAxisLabel, runLabel } from '../compare/baseline-since-shift.js';
import type { HistoryAnalysis, MetricTrend } from '../compare/history.js';
import type { Results } from '../results/schema.js';
import { formatPercentChange } from './format.js';
import type { NamedRuns } from './history-text.js';
import { htmlHead } from './html-report.js';
import { htmlTable } from './html-scenario.js';
import { element, escapeXml, textElement } from './svg-markup.js';
import { renderTrendChart } from './svg-trend-chart.js';
import type { TrendModel } from './trend-model.js';

function modelOf(trend: MetricTrend, history: NamedRuns): TrendModel {
  const starts = new Set(trend.shifts.map((s) => s.index));
  const points = trend.values.flatMap((value, i) => {
    if (value === null) return [];
    const run = history.runs[i] as Results;
    const title = runLabel(run, i, history.names[i]);
    return [{ label: runAxisLabel(run, i), title, value, changeStart: starts.has(i) }];
  });
  return { scenario: trend.scenario, metric: trend.metric, points, hasCurrent: false };
}

function changeTable(analysis: HistoryAnalysis, history: NamedRuns): string {
  const rows = analysis.trends.flatMap((t) =>
    t.shifts.map((s) => [
      textElement('code', {}, t.scenario),
      textElement('code', {}, t.metric),
      escapeXml(runLabel(history.runs[s.index] as Results, s.index, history.names[s.index])),
      escapeXml(formatPercentChange(s.changePct)),
      escapeXml(s.pValue.toFixed(3)),
    ]),
  );
  if (rows.length === 0) return textElement('p', {}, 'No change point in these runs.');
  return htmlTable(['scenario', 'metric', 'new level from', 'change', 'p'], rows);
}

/** The trend page: a chart per scenario and primary metric, then the table of change points. */
export function renderHistoryHtml(analysis: HistoryAnalysis, history: NamedRuns): string {
  const title = `netperf-gate history: ${analysis.runs} runs`;
  const head = htmlHead(title);
  const charts = analysis.trends
    .filter((t) => t.values.some((v) => v !== null))
    .map((t) => {
      const heading = element('h2', {}, `${textElement('code', {}, t.scenario)} ${escapeXml(t.metric)}`);
      return element(
        'section',
        { class: 'scenario' },
        heading + element('figure', {}, renderTrendChart(modelOf(t, history))),
      );
    });
  const method = `Change points: E-divisive means with a permutation test at ${(analysis.seriesLevel * 100).toPrecision(2)}% per series (a false one in at most ${analysis.level * 100}% of unchanged histories); a dashed rule marks where a new level starts.`;
  const body = [
    element('header', { class: 'banner' }, textElement('h1', {}, title) + textElement('p', {}, method)),
    ...charts,
    element(
      'section',
      { id: 'change-points' },
      textElement('h2', {}, 'Change points') + changeTable(analysis, history),
    ),
  ].join('\n');
  return `<!doctype html>\n<html lang="en">\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
