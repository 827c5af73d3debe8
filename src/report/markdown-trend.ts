/** A scenario's trend in the job summary: a Mermaid line chart and the sentence that reads it. Pure. */
import { metricUnit } from '../metrics/names.js';
import { formatMetric, formatPercentChange } from './format.js';
import { mermaidLineChart } from './markdown-mermaid.js';
import { code, escapeMarkdown } from './markdown-text.js';
import type { TrendModel } from './trend-model.js';

/** What the trend shows in words: level shifts, this run's interval against the baseline runs' spread. */
export function trendSentences(trend: TrendModel): string[] {
  const f = (value: number) => formatMetric(trend.metric, value);
  const starts = trend.points.flatMap((p, i) => (p.changeStart ? [{ p, i }] : []));
  const lines = starts.map(({ p, i }) => {
    const before = trend.points[i - 1];
    const change = before
      ? ` (${formatPercentChange((p.value / before.value - 1) * 100)} against the run before)`
      : '';
    return `New level from ${p.title}${change}.`;
  });
  if (trend.shift) {
    lines.push(
      `The baseline is the runs since ${trend.shift.where}: ${formatPercentChange(trend.shift.changePct)} ${trend.shift.metric}.`,
    );
  }
  const current = trend.points.at(-1);
  const interval = trend.interval
    ? `, 90% interval ${f(trend.interval.low)} … ${f(trend.interval.high)}`
    : '';
  const band = trend.band
    ? `; baseline runs ${f(trend.band.low)} … ${f(trend.band.high)} (geometric mean ± 2 SD of their run means)`
    : '';
  if (current) lines.push(`This run: ${f(current.value)}${interval}${band}.`);
  return lines;
}

/**
 * The trend as a Mermaid line chart (the runs; with a spread, its upper and lower edges as two flat
 * lines) and its sentences. Commits (or run numbers) on the x axis.
 */
export function trendMarkdown(trend: TrendModel): string {
  const labels = trend.points.map((p) => (p.changeStart ? `▶ ${p.label}` : p.label));
  const values = trend.points.map((p) => p.value);
  const lines = [values];
  if (trend.band)
    lines.push(
      values.map(() => trend.band?.high ?? 0),
      values.map(() => trend.band?.low ?? 0),
    );
  const title = `${trend.scenario}: ${trend.metric} per run, last ${trend.points.length - 1} and this one`;
  const chart = mermaidLineChart(title, trend.metric, metricUnit(trend.metric), labels, lines);
  const legend = trend.band
    ? 'Lines: the runs (geometric mean per run), then the upper and lower edge of the baseline runs’ spread; ▶ marks the first run of a new level.'
    : 'The runs (geometric mean per run); ▶ marks the first run of a new level.';
  return [
    `#### Trend of ${code(trend.metric)}`,
    chart,
    [legend, ...trendSentences(trend)].map(escapeMarkdown).join('  \n'),
  ].join('\n\n');
}
