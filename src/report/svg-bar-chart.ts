/**
 * Horizontal grouped bar chart as inline SVG: one bar per series (median), every sample as a dot,
 * an optional whisker (an interval) per bar and an optional shaded band (the threshold around the
 * baseline). Horizontal, like Cilium's benchmark charts: long labels stay readable.
 */
import { CHART_INK, chartFrame, element, textElement } from './svg-markup.js';
import { niceScale } from './svg-scale.js';

/** One bar: a series' median with the samples behind it. */
export interface ChartBar {
  /** Series name, shown as the row label: `baseline`, `current` (later `node-to-node`). */
  series: string;
  value: number;
  samples: readonly number[];
  /** Drawn as a whisker; left out when a bound is not finite. */
  interval?: { low: number; high: number };
}

/** Bars under one label (e.g. "client", "server"); an empty label draws no heading row. */
export interface ChartGroup {
  label: string;
  bars: ChartBar[];
}

/** Everything one chart shows. */
export interface BarChart {
  /** Unique in the page: prefixes the ids of <title> and <desc>. */
  id: string;
  /** Accessible name (<title>), e.g. "tcp_stream_1: throughput, baseline vs current". */
  title: string;
  /** Unit after every value label and under the axis, e.g. "Gbit/s". */
  unit: string;
  /** The project's rounding for this metric (formatMetric). */
  format: (value: number) => string;
  groups: ChartGroup[];
  /** Shaded range across the plot, e.g. the baseline median ± the threshold. */
  band?: { low: number; high: number; centre: number; label: string };
}

/** Okabe–Ito colours: told apart with any colour vision and in greyscale (dark blue vs light orange). */
export const SERIES_COLOURS: Readonly<Record<string, string>> = {
  baseline: '#0072B2',
  current: '#E69F00',
  'node-to-node': '#009E73',
};
const OTHER_SERIES_COLOUR = '#777777';
const INK = CHART_INK;

const PLOT_LEFT = 110;
const PLOT_RIGHT = 530;
const TOP = 8;
const ROW = 26;
const BAR = 16;
const GROUP_HEADING = 18;
const AXIS_HEIGHT = 36;
const LEGEND_ROW = 18;
/** Vertical offsets of successive sample dots, so equal values stay visible. */
const DOT_OFFSETS = [0, -4, 4, -2, 2, -6, 6] as const;

interface Row {
  y: number;
  bar: ChartBar;
}

interface Layout {
  rows: Row[];
  headings: { y: number; label: string }[];
  plotBottom: number;
}

function layout(groups: readonly ChartGroup[]): Layout {
  const rows: Row[] = [];
  const headings: Layout['headings'] = [];
  let y = TOP;
  for (const group of groups) {
    if (group.label !== '') {
      headings.push({ y: y + GROUP_HEADING - 5, label: group.label });
      y += GROUP_HEADING;
    }
    for (const bar of group.bars) {
      rows.push({ y, bar });
      y += ROW;
    }
  }
  return { rows, headings, plotBottom: y + 4 };
}

function largestValue(chart: BarChart): number {
  const values = chart.groups.flatMap((g) =>
    g.bars.flatMap((b) => [b.value, ...b.samples, ...(b.interval ? [b.interval.high] : [])]),
  );
  if (chart.band) values.push(chart.band.high);
  return Math.max(0, ...values.filter(Number.isFinite));
}

function axis(toX: (v: number) => number, ticks: readonly number[], chart: BarChart, bottom: number): string {
  const lines = ticks.map((tick) => {
    const x = toX(tick);
    const grid = element('line', { x1: x, x2: x, y1: TOP, y2: bottom, stroke: '#d0d0d0', 'stroke-width': 1 });
    const label = textElement('text', { x, y: bottom + 14, 'text-anchor': 'middle' }, chart.format(tick));
    return grid + label;
  });
  const middle = (PLOT_LEFT + PLOT_RIGHT) / 2;
  const unit = textElement('text', { x: middle, y: bottom + 30, 'text-anchor': 'middle' }, chart.unit);
  const base = element('line', { x1: PLOT_LEFT, x2: PLOT_LEFT, y1: TOP, y2: bottom, stroke: INK });
  return lines.join('') + base + unit;
}

function whisker(toX: (v: number) => number, centreY: number, interval: ChartBar['interval']): string {
  if (!interval || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return '';
  const [x1, x2] = [toX(interval.low), toX(interval.high)];
  const style = { stroke: INK, 'stroke-width': 2 };
  return element(
    'g',
    { class: 'whisker' },
    [
      element('line', { x1, x2, y1: centreY, y2: centreY, ...style }),
      element('line', { x1, x2: x1, y1: centreY - 5, y2: centreY + 5, ...style }),
      element('line', { x1: x2, x2, y1: centreY - 5, y2: centreY + 5, ...style }),
    ].join(''),
  );
}

function barRow(toX: (v: number) => number, row: Row, chart: BarChart): string {
  const { bar, y } = row;
  const centreY = y + ROW / 2;
  const fill = SERIES_COLOURS[bar.series] ?? OTHER_SERIES_COLOUR;
  const width = Math.max(0, toX(bar.value) - PLOT_LEFT);
  const label = textElement('text', { x: PLOT_LEFT - 8, y: centreY + 4, 'text-anchor': 'end' }, bar.series);
  const rect = element('rect', {
    class: 'bar',
    x: PLOT_LEFT,
    y: centreY - BAR / 2,
    width,
    height: BAR,
    fill,
  });
  const dots = bar.samples.map((sample, i) =>
    element('circle', {
      class: 'sample',
      cx: toX(sample),
      cy: centreY + (DOT_OFFSETS[i % DOT_OFFSETS.length] ?? 0),
      r: 3,
      fill: '#ffffff',
      stroke: INK,
      'stroke-width': 1.2,
    }),
  );
  const value = `${chart.format(bar.value)} ${chart.unit}`;
  const valueText = textElement('text', { x: PLOT_RIGHT + 8, y: centreY + 4 }, value);
  return label + rect + whisker(toX, centreY, bar.interval) + dots.join('') + valueText;
}

/** The band's shading goes under the bars, its dashed edges over them (`part` picks which). */
function band(toX: (v: number) => number, chart: BarChart, bottom: number, part: 'shade' | 'edges'): string {
  if (!chart.band) return '';
  const [x1, x2] = [toX(Math.max(0, chart.band.low)), toX(chart.band.high)];
  if (part === 'shade') {
    const shade = {
      x: x1,
      y: TOP,
      width: x2 - x1,
      height: bottom - TOP,
      fill: '#000000',
      'fill-opacity': 0.1,
    };
    return element('rect', { class: 'band', ...shade });
  }
  const edge = { y1: TOP, y2: bottom, stroke: '#444444', 'stroke-dasharray': '4 3', 'stroke-width': 1 };
  return element('line', { x1, x2: x1, ...edge }) + element('line', { x1: x2, x2, ...edge });
}

function legend(chart: BarChart, top: number): string {
  const series = [...new Set(chart.groups.flatMap((g) => g.bars.map((b) => b.series)))];
  const items = series.map((name, i) => {
    const x = PLOT_LEFT + i * 110;
    const swatch = element('rect', {
      x,
      y: top,
      width: 12,
      height: 12,
      fill: SERIES_COLOURS[name] ?? OTHER_SERIES_COLOUR,
    });
    return swatch + textElement('text', { x: x + 16, y: top + 10 }, name);
  });
  const notes = ['dots: samples'];
  if (chart.groups.some((g) => g.bars.some((b) => b.interval))) notes.push('whisker: 90% interval');
  if (chart.band) notes.push(`shaded: ${chart.band.label}`);
  const noteText = textElement('text', { x: PLOT_LEFT, y: top + LEGEND_ROW + 10 }, notes.join(' · '));
  return items.join('') + noteText;
}

/** Plain-text summary of every bar, for <desc>: the chart's data for screen readers. */
function describe(chart: BarChart): string {
  return chart.groups
    .flatMap((g) =>
      g.bars.map((b) => {
        const who = g.label === '' ? b.series : `${g.label} ${b.series}`;
        const interval = b.interval
          ? `, 90% interval ${chart.format(b.interval.low)} to ${chart.format(b.interval.high)}`
          : '';
        return `${who}: median ${chart.format(b.value)} ${chart.unit} over ${b.samples.length} samples${interval}`;
      }),
    )
    .join('; ');
}

/** The chart as one `<svg role="img">` element with <title> and <desc>, sized by its content. */
export function renderBarChart(chart: BarChart): string {
  const { rows, headings, plotBottom } = layout(chart.groups);
  const scale = niceScale(largestValue(chart));
  const toX = (value: number) => PLOT_LEFT + (Math.max(0, value) / scale.max) * (PLOT_RIGHT - PLOT_LEFT);
  const legendTop = plotBottom + AXIS_HEIGHT + 4;
  const height = legendTop + 2 * LEGEND_ROW + 4;
  const body = [
    textElement('title', { id: `${chart.id}-title` }, chart.title),
    textElement('desc', { id: `${chart.id}-desc` }, describe(chart)),
    axis(toX, scale.ticks, chart, plotBottom),
    band(toX, chart, plotBottom, 'shade'),
    ...headings.map((h) => textElement('text', { x: 8, y: h.y, 'font-weight': 'bold' }, h.label)),
    ...rows.map((row) => barRow(toX, row, chart)),
    band(toX, chart, plotBottom, 'edges'),
    legend(chart, legendTop),
  ].join('');
  return chartFrame('chart-bars', chart.id, height, body);
}

/** An element id from parts such as a scenario name: anything but letters, digits, _ and - becomes _. */
export function chartId(...parts: string[]): string {
  return parts.join('-').replaceAll(/[^A-Za-z0-9_-]/g, '_');
}
