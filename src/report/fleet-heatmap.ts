/**
 * A fleet scenario as a client × server heatmap in inline SVG. Rows are clients, columns servers, in
 * the results file's node order. A cell's colour is its pair's value vs the fleet median on a fixed,
 * diverging, classed scale (ColorBrewer RdBu, nine classes: warm = slower, cool = faster, so the
 * colours mean the same in every report); its `<title>` has the value. Unmeasured pairs are hatched,
 * the diagonal (a node with itself) is solid grey, named nodes' rows (as client) and columns (as
 * server) are framed in purple, outlier pairs outlined in black. Cell size adapts to the fleet
 * (MIN_CELL_PX … MAX_CELL_PX); column labels turn vertical when they would not fit their cell, and long
 * node names are shortened (full name in the label's `<title>`). Pure and deterministic.
 */

import { highlights, type Layout, labels, layoutOf } from './fleet-heatmap-layout.js';
import {
  DARK_CLASSES,
  HEATMAP_COLOURS,
  hatchPattern,
  heatClass,
  heatLegend,
  LEGEND_HEIGHT,
  SELF_COLOUR,
  shortLabels,
} from './fleet-heatmap-style.js';
import { type FleetMatrix, type MatrixCell, matrixKey } from './fleet-matrix.js';
import { signedWhole } from './fleet-text.js';
import { formatMetric, formatPercentChange } from './format.js';
import { CHART_INK, element, textElement } from './svg-markup.js';

/** Above this many nodes no heatmap is drawn: cells would be smaller than a label's line. */
export const MAX_HEATMAP_NODES = 40;
/** Cells at least this big print their figure. */
const TEXT_CELL_PX = 30;

function cellTitle(matrix: FleetMatrix, cell: MatrixCell): string {
  const outlier = cell.outlier === undefined ? '' : `; an outlier pair (${cell.outlier})`;
  return `${cell.client} → ${cell.server}: ${matrix.metric} ${formatMetric(matrix.metric, cell.value)}, ${formatPercentChange(cell.pct)} vs fleet median ${formatMetric(matrix.metric, matrix.fleetMedian)}${outlier}`;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function measuredCell(matrix: FleetMatrix, layout: Layout, box: Box, cell: MatrixCell): string {
  const heat = heatClass(cell.worsePct);
  const frame = { ...box, stroke: '#ffffff', 'stroke-width': 1 };
  const title = textElement('title', {}, cellTitle(matrix, cell));
  const parts = [element('rect', { class: 'cell measured', ...frame, fill: HEATMAP_COLOURS[heat] }, title)];
  if (cell.outlier !== undefined) {
    const inset = { x: box.x + 1.5, y: box.y + 1.5, width: box.width - 3, height: box.height - 3 };
    parts.push(
      element('rect', {
        class: 'outlier-pair',
        ...inset,
        fill: 'none',
        stroke: '#000000',
        'stroke-width': 2,
      }),
    );
  }
  if (layout.cell >= TEXT_CELL_PX) {
    const fill = DARK_CLASSES.has(heat) ? '#ffffff' : CHART_INK;
    const at = {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2 + 4,
      'text-anchor': 'middle',
      'font-size': 10,
      fill,
    };
    parts.push(textElement('text', { ...at, 'aria-hidden': 'true' }, signedWhole(cell.pct)));
  }
  return parts.join('');
}

/** The cell of row `row` (client) and column `column` (server): the diagonal, unmeasured, or measured. */
function gridCell(matrix: FleetMatrix, layout: Layout, hatch: string, row: number, column: number): string {
  const client = matrix.nodes[row] as string;
  const server = matrix.nodes[column] as string;
  const { cell: size, left, top } = layout;
  const box = { x: left + column * size, y: top + row * size, width: size, height: size };
  const frame = { ...box, stroke: '#ffffff', 'stroke-width': 1 };
  if (client === server) {
    const title = textElement('title', {}, `${client} with itself: not measured`);
    return element('rect', { class: 'self', ...frame, fill: SELF_COLOUR }, title);
  }
  const cell = matrix.cells.get(matrixKey(client, server));
  if (cell !== undefined) return measuredCell(matrix, layout, box, cell);
  const title = textElement('title', {}, `${client} → ${server}: not measured`);
  return element('rect', { class: 'cell unmeasured', ...frame, fill: `url(#${hatch})` }, title);
}

/** The heatmap of one scenario's matrix; undefined above MAX_HEATMAP_NODES nodes. */
export function renderHeatmap(matrix: FleetMatrix, id: string, description: string): string | undefined {
  const n = matrix.nodes.length;
  if (n > MAX_HEATMAP_NODES) return undefined;
  const short = shortLabels(matrix.nodes);
  const layout = layoutOf(matrix.nodes, short);
  const hatch = `${id}-hatch`;
  const cells = matrix.nodes.flatMap((_, row) =>
    matrix.nodes.map((__, column) => gridCell(matrix, layout, hatch, row, column)),
  );
  const axes = [
    textElement('text', { x: layout.left - 6, y: 14, 'text-anchor': 'end', 'font-size': 11 }, 'server →'),
    textElement('text', { x: layout.left - 6, y: 28, 'text-anchor': 'end', 'font-size': 11 }, 'client ↓'),
  ];
  const body = [
    textElement(
      'title',
      { id: `${id}-title` },
      `${matrix.scenario}: ${matrix.metric} per pair, client × server`,
    ),
    textElement('desc', { id: `${id}-desc` }, description),
    element('defs', {}, hatchPattern(hatch)),
    ...axes,
    element('g', { class: 'cells' }, cells.join('')),
    highlights(matrix, layout),
    element('g', { 'font-size': layout.font }, labels(matrix, layout, short)),
    heatLegend(layout.height - LEGEND_HEIGHT + 18, hatch),
  ].join('');
  return element(
    'svg',
    {
      class: 'chart-heatmap',
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: layout.width,
      height: layout.height,
      'font-family': 'system-ui, sans-serif',
      'font-size': 12,
      fill: CHART_INK,
    },
    body,
  );
}
