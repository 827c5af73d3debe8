/** One scenario of the HTML report: charts, the table of every metric, the reasons. */
import type { MetricComparison } from '../compare/compare-results.js';
import { METRIC_NAMES } from '../metrics/names.js';
import type { ScenarioResult } from '../results/schema.js';
import { formatMetric } from './format.js';
import { changeChart, cpuChart, headlineChart, latencyChart } from './html-charts.js';
import { trendSentences } from './markdown-trend.js';
import { comparisonCells, describeSettings, type ScenarioView, unitOf, verdictWord } from './report-input.js';
import { type BarChart, renderBarChart } from './svg-bar-chart.js';
import { renderChangeChart } from './svg-change-chart.js';
import { element, escapeXml, textElement } from './svg-markup.js';
import { renderTrendChart } from './svg-trend-chart.js';

/** A table from rows of already-escaped cell markup; the first column is a row header. */
export function htmlTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { className?: string; rowClass?: (row: number) => string | undefined } = {},
): string {
  const head = element('tr', {}, headers.map((h) => element('th', { scope: 'col' }, escapeXml(h))).join(''));
  const cell = (markup: string, i: number) =>
    i === 0 ? element('th', { scope: 'row' }, markup) : element('td', {}, markup);
  const body = rows.map((cells, row) =>
    element('tr', { class: options.rowClass?.(row) }, cells.map(cell).join('')),
  );
  return element(
    'table',
    { class: options.className },
    element('thead', {}, head) + element('tbody', {}, body.join('')),
  );
}

/** A verdict as a word with a class for emphasis; the word alone carries the meaning. */
export function verdictMarkup(metric: MetricComparison): string {
  const quiet = !metric.gated || metric.verdict === 'unchanged';
  return textElement(
    'span',
    { class: quiet ? 'verdict' : `verdict verdict-${metric.verdict}` },
    verdictWord(metric),
  );
}

function metricLabel(metric: MetricComparison['metric'], result: ScenarioResult): string {
  return `${textElement('code', {}, metric)} (${escapeXml(unitOf(metric, result))})`;
}

function comparisonTable(view: ScenarioView, metrics: readonly MetricComparison[]): string {
  const rows = metrics.map((m) => {
    const cells = comparisonCells(m);
    const figures = [cells.baseline, cells.current, cells.change, cells.interval, cells.p, cells.threshold];
    return [metricLabel(m.metric, view.result), ...figures.map(escapeXml), verdictMarkup(m)];
  });
  return htmlTable(
    ['metric (unit)', 'baseline', 'current', 'change', '90% interval', 'p', 'threshold', 'verdict'],
    rows,
    {
      className: 'figures',
    },
  );
}

function currentTable(result: ScenarioResult): string {
  const rows = METRIC_NAMES.flatMap((metric) => {
    const a = result.aggregates[metric];
    if (a === undefined) return [];
    const f = (value: number) => escapeXml(formatMetric(metric, value));
    const cv = a.cvPct === null ? '—' : `${a.cvPct.toFixed(1)}%`;
    return [[metricLabel(metric, result), f(a.median), f(a.min), f(a.max), cv, String(a.n)]];
  });
  return htmlTable(['metric (unit)', 'median', 'min', 'max', 'CV', 'samples'], rows, {
    className: 'figures',
  });
}

function figure(chart: BarChart | undefined, caption: string): string {
  if (chart === undefined) return '';
  return element('figure', {}, renderBarChart(chart) + textElement('figcaption', {}, caption));
}

/** "client 0.742 → 0.738, server 1.05 → 1.05 % CPU per 10 Gbit/s": the cost beside the CPU chart. */
function costCaption(view: ScenarioView): string {
  const sides = (['client', 'server'] as const).flatMap((side) => {
    const metric = `${side}_cpu_cost` as const;
    const compared = view.comparison?.metrics.find((m) => m.metric === metric);
    if (compared) {
      const cells = comparisonCells(compared);
      return [`${side} ${cells.baseline} → ${cells.current}`];
    }
    const aggregate = view.result.aggregates[metric];
    return aggregate ? [`${side} ${formatMetric(metric, aggregate.median)}`] : [];
  });
  return sides.length === 0 ? '' : ` Cost: ${sides.join(', ')} ${view.result.costUnit}.`;
}

/** The trend over the baseline history, when there is one (two runs or more). */
function trendFigure(view: ScenarioView): string {
  if (view.trend === undefined) return '';
  return element(
    'figure',
    {},
    renderTrendChart(view.trend) + textElement('figcaption', {}, trendSentences(view.trend).join(' ')),
  );
}

function charts(view: ScenarioView): string {
  const cpu = cpuChart(view);
  const cpuCaption = cpu
    ? `CPU of the client and server nodes, node-wide as netperf -c/-C read /proc/stat (like Cilium's "CPU overhead for client and server").${costCaption(view)}`
    : '';
  const change = changeChart(view);
  const changeFigure = change
    ? element(
        'figure',
        {},
        renderChangeChart(change) +
          textElement(
            'figcaption',
            {},
            'A whisker wholly outside its shaded band (with p ≤ 0.05) is a regression or an improvement.',
          ),
      )
    : '';
  const parts = [
    changeFigure,
    figure(headlineChart(view), 'Median per run as a bar, every sample as a dot.'),
    trendFigure(view),
    figure(cpu, cpuCaption),
    figure(
      latencyChart(view),
      'Round-trip latency percentiles, transaction-weighted over the concurrent processes.',
    ),
  ].join('');
  const noCpu = cpu
    ? ''
    : textElement('p', { class: 'muted' }, 'No CPU figures in these results (netperf ran without -c/-C).');
  return element('div', { class: 'charts' }, parts) + noCpu;
}

function reasons(view: ScenarioView): string {
  const items: string[] = [];
  for (const m of view.comparison?.metrics ?? []) {
    if (!m.gated || m.verdict === 'unchanged') continue;
    items.push(
      element('li', {}, `${textElement('code', {}, m.metric)}: ${verdictMarkup(m)} — ${escapeXml(m.reason)}`),
    );
  }
  for (const note of view.comparison?.notes ?? []) items.push(textElement('li', {}, `note: ${note}`));
  if (view.skippedReason !== undefined)
    items.push(textElement('li', {}, `not compared: ${view.skippedReason}`));
  return items.length === 0 ? '' : element('ul', { class: 'reasons' }, items.join(''));
}

/** The section of one scenario, with an id to link to (`#scenario-NAME`). */
export function scenarioSection(view: ScenarioView): string {
  const name = view.result.settings.name;
  const baselineSamples = view.comparison?.metrics[0]?.baselineSamples.length;
  const table = view.comparison ? comparisonTable(view, view.comparison.metrics) : currentTable(view.result);
  return element(
    'section',
    { id: `scenario-${name}`, class: 'scenario' },
    [
      element('h2', {}, textElement('code', {}, name)),
      textElement('p', { class: 'settings' }, describeSettings(view.result, baselineSamples)),
      charts(view),
      table,
      reasons(view),
    ].join(''),
  );
}
