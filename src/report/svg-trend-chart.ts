/**
 * A scenario's trend over the baseline history and this run: one dot per run joined by a line, a
 * dashed rule before each run that starts a new level, the baseline runs' spread shaded, and this run
 * as a diamond with its 90% interval as a whisker. Deterministic to the byte.
 */
import { formatMetric } from './format.js';
import { paddedRange } from './markdown-mermaid.js';
import { chartId } from './svg-bar-chart.js';
import { CHART_INK, CHART_WIDTH, chartFrame, element, textElement } from './svg-markup.js';
import type { TrendModel } from './trend-model.js';

const PLOT_LEFT = 70;
const PLOT_RIGHT = CHART_WIDTH - 48;
const TOP = 12;
const BOTTOM = 172;
const HEIGHT = 240;
/** Axis labels closer than this (px) are thinned out: every k-th is printed, this run always. */
const MIN_LABEL_SPACING = 58;
const Y_TICKS = 4;
const LINE_COLOUR = '#0b5394';

interface Frame {
  toX: (i: number) => number;
  toY: (v: number) => number;
  low: number;
  high: number;
}

function frameOf(trend: TrendModel): Frame {
  const values = trend.points.map((p) => p.value);
  if (trend.band) values.push(trend.band.low, trend.band.high);
  if (trend.interval) values.push(trend.interval.low, trend.interval.high);
  const { low, high } = paddedRange(values);
  const span = high - low || 1;
  const step = (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, trend.points.length - 1);
  return {
    toX: (i) => PLOT_LEFT + i * step,
    toY: (v) => BOTTOM - ((v - low) / span) * (BOTTOM - TOP),
    low,
    high,
  };
}

function axes(trend: TrendModel, frame: Frame): string {
  const parts: string[] = [];
  for (let k = 0; k <= Y_TICKS; k++) {
    const value = frame.low + ((frame.high - frame.low) * k) / Y_TICKS;
    const y = frame.toY(value);
    parts.push(element('line', { x1: PLOT_LEFT, x2: PLOT_RIGHT, y1: y, y2: y, stroke: '#dddddd' }));
    parts.push(
      textElement(
        'text',
        { x: PLOT_LEFT - 6, y: y + 4, 'text-anchor': 'end' },
        formatMetric(trend.metric, value),
      ),
    );
  }
  const n = trend.points.length;
  const every = Math.max(1, Math.ceil(MIN_LABEL_SPACING / ((PLOT_RIGHT - PLOT_LEFT) / Math.max(1, n - 1))));
  for (const [i, point] of trend.points.entries()) {
    const last = i === n - 1;
    // The label before "this run" is dropped when it would run into it.
    if (!last && (i % every !== 0 || n - 1 - i < every)) continue;
    parts.push(
      textElement('text', { x: frame.toX(i), y: BOTTOM + 18, 'text-anchor': 'middle' }, point.label),
    );
  }
  return parts.join('');
}

function bandShade(trend: TrendModel, frame: Frame): string {
  if (!trend.band) return '';
  const x1 = frame.toX(trend.band.fromPoint);
  const x2 = frame.toX(trend.points.length - 1);
  const [y1, y2] = [frame.toY(trend.band.high), frame.toY(trend.band.low)];
  return element('rect', {
    class: 'band',
    x: x1,
    y: y1,
    width: x2 - x1,
    height: y2 - y1,
    fill: '#000000',
    'fill-opacity': 0.1,
  });
}

function changeRules(trend: TrendModel, frame: Frame): string {
  return trend.points
    .flatMap((p, i) => {
      if (!p.changeStart) return [];
      const x = (frame.toX(i) + frame.toX(i - 1)) / 2;
      const rule = { x1: x, x2: x, y1: TOP, y2: BOTTOM, stroke: '#b00020', 'stroke-dasharray': '4 3' };
      return [
        element('line', rule) + textElement('text', { x: x + 4, y: TOP + 10, fill: '#b00020' }, 'new level'),
      ];
    })
    .join('');
}

function runs(trend: TrendModel, frame: Frame): string {
  const history = trend.hasCurrent ? trend.points.slice(0, -1) : trend.points;
  const path = history.map((p, i) => `${frame.toX(i).toFixed(2)},${frame.toY(p.value).toFixed(2)}`).join(' ');
  const line = element('polyline', { points: path, fill: 'none', stroke: LINE_COLOUR, 'stroke-width': 1.5 });
  const dots = history.map((p, i) =>
    element('circle', { cx: frame.toX(i), cy: frame.toY(p.value), r: 3.5, fill: LINE_COLOUR }),
  );
  return line + dots.join('');
}

function current(trend: TrendModel, frame: Frame): string {
  if (!trend.hasCurrent) return '';
  const i = trend.points.length - 1;
  const point = trend.points[i];
  if (point === undefined) return '';
  const [x, y] = [frame.toX(i), frame.toY(point.value)];
  const whisker = trend.interval
    ? element('line', {
        x1: x,
        x2: x,
        y1: frame.toY(trend.interval.high),
        y2: frame.toY(trend.interval.low),
        stroke: CHART_INK,
        'stroke-width': 2,
      })
    : '';
  const diamond = element('path', {
    d: `M${x} ${y - 6}L${x + 6} ${y}L${x} ${y + 6}L${x - 6} ${y}Z`,
    fill: CHART_INK,
  });
  return whisker + diamond;
}

function describe(trend: TrendModel): string {
  const f = (v: number) => formatMetric(trend.metric, v);
  const points = trend.points.map(
    (p) => `${p.changeStart ? 'new level from ' : ''}${p.title}: ${f(p.value)}`,
  );
  const band = trend.band ? `; baseline runs' spread ${f(trend.band.low)} to ${f(trend.band.high)}` : '';
  const interval = trend.interval
    ? `; this run's 90% interval ${f(trend.interval.low)} to ${f(trend.interval.high)}`
    : '';
  return `${points.join('; ')}${band}${interval}`;
}

/** The trend as one `<svg role="img">` with <title> and <desc> (every run's value, for screen readers). */
export function renderTrendChart(trend: TrendModel): string {
  const frame = frameOf(trend);
  const id = chartId('trend', trend.scenario, trend.metric);
  const legend = [
    ['dots: geometric mean per run', ...(trend.hasCurrent ? ['diamond: this run'] : [])],
    [
      ...(trend.interval ? ['whisker: 90% interval'] : []),
      ...(trend.band ? ['shaded: baseline runs ± 2 SD'] : []),
    ],
  ]
    .filter((line) => line.length > 0)
    .map((line, i) => textElement('text', { x: 8, y: BOTTOM + 40 + i * 16 }, line.join(' · ')));
  const body = [
    textElement('title', { id: `${id}-title` }, `${trend.scenario}: ${trend.metric} per run`),
    textElement('desc', { id: `${id}-desc` }, describe(trend)),
    axes(trend, frame),
    bandShade(trend, frame),
    changeRules(trend, frame),
    runs(trend, frame),
    current(trend, frame),
    ...legend,
  ].join('');
  return chartFrame('chart-trend', id, HEIGHT, body);
}
