/**
 * The gate at a glance: one row per metric, the change of its median in percent as a point, its 90%
 * interval as a whisker and its threshold as a shaded band around zero. A whisker wholly outside the
 * band is what a regression or an improvement needs, so the decision can be read off the picture;
 * bars from zero (svg-bar-chart.ts) show the size, this shows the change.
 */
import { formatPercentChange } from './format.js';
import { CHART_INK, chartFrame, element, textElement } from './svg-markup.js';
import { niceScale } from './svg-scale.js';

/** One metric's change. */
export interface ChangeRow {
  label: string;
  changePct: number;
  lowPct: number;
  highPct: number;
  /** Undefined when the metric is not gated (threshold off): no band. */
  thresholdPct: number | undefined;
  verdict: 'regression' | 'improvement' | 'unchanged' | 'inconclusive';
  /** The verdict as the tables print it, e.g. "REGRESSION" or "unchanged (not gated)". */
  verdictText: string;
}

/** One scenario's change chart. */
export interface ChangeChart {
  id: string;
  title: string;
  rows: ChangeRow[];
}

const LABEL_RIGHT = 150;
const PLOT_LEFT = 160;
const PLOT_RIGHT = 480;
const TOP = 8;
const ROW = 22;
const INK = CHART_INK;

/** Marker per verdict: shape and fill differ, so colour is never the only cue (the word is printed too). */
function marker(row: ChangeRow, x: number, y: number): string {
  switch (row.verdict) {
    case 'regression':
      return element('path', {
        d: `M${x} ${y - 6}L${x + 6} ${y}L${x} ${y + 6}L${x - 6} ${y}Z`,
        fill: '#b00020',
      });
    case 'improvement':
      return element('circle', { cx: x, cy: y, r: 5, fill: '#0b5394' });
    case 'unchanged':
      return element('circle', {
        cx: x,
        cy: y,
        r: 4,
        fill: '#ffffff',
        stroke: '#666666',
        'stroke-width': 1.5,
      });
    case 'inconclusive':
      return element('circle', { cx: x, cy: y, r: 4.5, fill: '#ffffff', stroke: INK, 'stroke-width': 2 });
  }
}

function domain(rows: readonly ChangeRow[]): number {
  const extents = rows.flatMap((r) => [r.changePct, r.lowPct, r.highPct, r.thresholdPct ?? 0]);
  return niceScale(Math.max(...extents.filter(Number.isFinite).map(Math.abs), 1), 3).max;
}

function row(item: ChangeRow, index: number, toX: (pct: number) => number): string {
  const y = TOP + index * ROW + ROW / 2;
  const parts = [textElement('text', { x: LABEL_RIGHT, y: y + 4, 'text-anchor': 'end' }, item.label)];
  if (item.thresholdPct !== undefined) {
    const [x1, x2] = [toX(-item.thresholdPct), toX(item.thresholdPct)];
    parts.push(
      element('rect', {
        class: 'band',
        x: x1,
        y: y - ROW / 2 + 2,
        width: x2 - x1,
        height: ROW - 4,
        fill: '#000000',
        'fill-opacity': 0.1,
      }),
    );
  }
  if (Number.isFinite(item.lowPct) && Number.isFinite(item.highPct)) {
    const [x1, x2] = [toX(item.lowPct), toX(item.highPct)];
    parts.push(element('line', { class: 'whisker', x1, x2, y1: y, y2: y, stroke: INK, 'stroke-width': 2 }));
  }
  if (Number.isFinite(item.changePct)) parts.push(marker(item, toX(item.changePct), y));
  parts.push(
    textElement(
      'text',
      {
        x: PLOT_RIGHT + 10,
        y: y + 4,
        'font-weight': item.verdictText === item.verdictText.toUpperCase() ? 'bold' : undefined,
      },
      item.verdictText,
    ),
  );
  return element('g', { class: `change change-${item.verdict}` }, parts.join(''));
}

/**
 * An axis label as short as the tick is round: "-150%", "+2.5%", "0". Ticks are 1, 2, 2.5 or 5 × 10^k,
 * so no decimal is lost; "-150.0%" beside "-100.0%" ran into each other on the 320 px axis.
 */
export function tickLabel(tick: number): string {
  if (tick === 0) return '0';
  return `${tick > 0 ? '+' : ''}${tick}%`;
}

function axis(ticks: readonly number[], toX: (pct: number) => number, bottom: number): string {
  const lines = ticks.map((tick) => {
    const x = toX(tick);
    const grid = element('line', {
      x1: x,
      x2: x,
      y1: TOP,
      y2: bottom,
      stroke: tick === 0 ? INK : '#d0d0d0',
      'stroke-width': 1,
    });
    return grid + textElement('text', { x, y: bottom + 14, 'text-anchor': 'middle' }, tickLabel(tick));
  });
  const caption = 'change of the median vs baseline · whisker: 90% interval · shaded: ±threshold';
  return (
    lines.join('') +
    textElement('text', { x: (PLOT_LEFT + PLOT_RIGHT) / 2, y: bottom + 30, 'text-anchor': 'middle' }, caption)
  );
}

function describe(chart: ChangeChart): string {
  return chart.rows
    .map((r) => {
      const band = r.thresholdPct === undefined ? 'not gated' : `threshold ±${r.thresholdPct}%`;
      const change = Number.isFinite(r.changePct) ? formatPercentChange(r.changePct) : 'no figure';
      return `${r.label}: ${change}, ${band}, ${r.verdictText}`;
    })
    .join('; ');
}

/** The chart as one `<svg role="img">` with <title> and <desc>; empty string when there are no rows. */
export function renderChangeChart(chart: ChangeChart): string {
  if (chart.rows.length === 0) return '';
  const limit = domain(chart.rows);
  const toX = (pct: number) =>
    PLOT_LEFT + ((Math.max(-limit, Math.min(limit, pct)) + limit) / (2 * limit)) * (PLOT_RIGHT - PLOT_LEFT);
  const positive = niceScale(limit, 3).ticks;
  const ticks = [
    ...positive
      .slice(1)
      .map((t) => -t)
      .reverse(),
    ...positive,
  ];
  const bottom = TOP + chart.rows.length * ROW + 4;
  const height = bottom + 40;
  const body = [
    textElement('title', { id: `${chart.id}-title` }, chart.title),
    textElement('desc', { id: `${chart.id}-desc` }, describe(chart)),
    axis(ticks, toX, bottom),
    ...chart.rows.map((item, i) => row(item, i, toX)),
  ].join('');
  return chartFrame('chart-change', chart.id, height, body);
}
