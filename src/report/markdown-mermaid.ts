import type { MetricName } from '../metrics/names.js';
import { roundedValue } from './format.js';
import { fencedBlock } from './markdown-text.js';
import { niceScale } from './svg-scale.js';

/** One bar of a Mermaid chart. */
export interface MermaidBar {
  label: string;
  value: number;
}

/** Text inside a Mermaid double-quoted string: no quotes, no line breaks (Mermaid has no escapes there). */
function quoted(text: string): string {
  return `"${text.replaceAll('"', "'").replaceAll(/[\r\n]+/g, ' ')}"`;
}

/**
 * A Mermaid `xychart-beta` bar chart in a fenced block, which GitHub renders in job summaries and
 * comments. One bar per label (Mermaid draws several bar series on top of each other, not side by
 * side), values rounded as the tables show them, the y axis from zero like the HTML charts.
 */
export function mermaidBarChart(
  title: string,
  metric: MetricName,
  unit: string,
  bars: readonly MermaidBar[],
): string {
  const values = bars.map((bar) => roundedValue(metric, bar.value));
  const top = niceScale(Math.max(0, ...values)).max;
  const lines = [
    'xychart-beta',
    `    title ${quoted(title)}`,
    `    x-axis [${bars.map((bar) => quoted(bar.label)).join(', ')}]`,
    `    y-axis ${quoted(unit)} 0 --> ${top}`,
    `    bar [${values.join(', ')}]`,
  ];
  return fencedBlock(lines.join('\n'), 'mermaid');
}

/** One line of a Mermaid line chart: a value per x label. */
export type MermaidLine = readonly number[];

/** A y range around the values, 5 % of their span (or of their level) wider on each side, 3 digits. */
export function paddedRange(values: readonly number[]): { low: number; high: number } {
  const finite = values.filter(Number.isFinite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const pad = (max - min || Math.abs(max) || 1) * 0.05;
  const round = (value: number) => Number(value.toPrecision(3));
  return { low: round(Math.max(0, min - pad)), high: round(max + pad) };
}

/**
 * A Mermaid `xychart-beta` line chart in a fenced block: one label per point, several lines over
 * the same labels (Mermaid draws them in order, in its theme's colours), values rounded as the tables
 * show them.
 */
export function mermaidLineChart(
  title: string,
  metric: MetricName,
  unit: string,
  labels: readonly string[],
  lines: readonly MermaidLine[],
): string {
  const rounded = lines.map((line) => line.map((value) => roundedValue(metric, value)));
  const range = paddedRange(rounded.flat());
  const chart = [
    'xychart-beta',
    `    title ${quoted(title)}`,
    `    x-axis [${labels.map(quoted).join(', ')}]`,
    `    y-axis ${quoted(unit)} ${range.low} --> ${range.high}`,
    ...rounded.map((line) => `    line [${line.join(', ')}]`),
  ];
  return fencedBlock(chart.join('\n'), 'mermaid');
}
