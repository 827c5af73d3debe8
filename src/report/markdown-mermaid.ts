import type { MetricName } from '../metrics/names.js';
import { roundedValue } from './export-figures.js';
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
