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

import {
  DARK_CLASSES,
  HEATMAP_COLOURS,
  hatchPattern,
  heatClass,
  heatLegend,
  LEGEND_HEIGHT,
  LEGEND_WIDTH,
  NAMED_COLOUR,
  SELF_COLOUR,
  shortLabels,
} from './fleet-heatmap-style.js';
import { type FleetMatrix, type MatrixCell, matrixKey } from './fleet-matrix.js';
import { signedWhole } from './fleet-text.js';
import { formatMetric, formatPercentChange } from './format.js';
import { CHART_INK, coordinate, element, textElement } from './svg-markup.js';

/** Above this many nodes no heatmap is drawn: cells would be smaller than a label's line. */
export const MAX_HEATMAP_NODES = 40;
export const MIN_CELL_PX = 12;
export const MAX_CELL_PX = 40;
/** The grid aims at this width; cells shrink to fit it, down to MIN_CELL_PX. */
const GRID_TARGET_PX = 480;
/** Cells at least this big print their figure. */
const TEXT_CELL_PX = 30;
const CHAR_WIDTH = 0.62;

interface Layout {
  cell: number;
  font: number;
  left: number;
  top: number;
  vertical: boolean;
  width: number;
  height: number;
}

function layoutOf(nodes: readonly string[], labels: readonly string[]): Layout {
  const cell = Math.max(MIN_CELL_PX, Math.min(MAX_CELL_PX, Math.floor(GRID_TARGET_PX / nodes.length)));
  const font = Math.max(9, Math.min(12, cell - 3));
  const labelPx = Math.ceil(Math.max(...labels.map((l) => l.length)) * font * CHAR_WIDTH) + 10;
  const vertical = labelPx - 10 > cell;
  const left = Math.max(labelPx, 64);
  const top = (vertical ? labelPx : font + 10) + 22;
  const width = Math.max(left + nodes.length * cell + 12, LEGEND_WIDTH);
  return { cell, font, left, top, vertical, width, height: top + nodes.length * cell + LEGEND_HEIGHT };
}

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

function labels(matrix: FleetMatrix, layout: Layout, short: readonly string[]): string {
  const { cell, left, top, font } = layout;
  return matrix.nodes
    .flatMap((node, i) => {
      const label = short[i] as string;
      const title = textElement('title', {}, node);
      const style = (named: boolean) => (named ? { 'font-weight': 'bold', fill: NAMED_COLOUR } : {});
      const centre = i * cell + cell / 2;
      const row = {
        class: 'row-label',
        x: left - 6,
        y: top + centre + font / 3,
        'text-anchor': 'end',
        ...style(matrix.namedRows.has(node)),
      };
      const column = layout.vertical
        ? {
            class: 'column-label',
            x: 0,
            y: 0,
            transform: `translate(${coordinate(left + centre + font / 3)} ${coordinate(top - 6)}) rotate(-90)`,
            ...style(matrix.namedColumns.has(node)),
          }
        : {
            class: 'column-label',
            x: left + centre,
            y: top - 6,
            'text-anchor': 'middle',
            ...style(matrix.namedColumns.has(node)),
          };
      return [
        element('text', row, title + escapeLabel(label)),
        element('text', column, title + escapeLabel(label)),
      ];
    })
    .join('');
}

const escapeLabel = (label: string) => textElement('tspan', {}, label);

function highlights(matrix: FleetMatrix, layout: Layout): string {
  const { cell, left, top } = layout;
  const span = matrix.nodes.length * cell;
  const frame = { fill: 'none', stroke: NAMED_COLOUR, 'stroke-width': 3 };
  return matrix.nodes
    .flatMap((node, i) => [
      ...(matrix.namedRows.has(node)
        ? [
            element('rect', {
              class: 'named-row',
              x: left,
              y: top + i * cell,
              width: span,
              height: cell,
              ...frame,
            }),
          ]
        : []),
      ...(matrix.namedColumns.has(node)
        ? [
            element('rect', {
              class: 'named-column',
              x: left + i * cell,
              y: top,
              width: cell,
              height: span,
              ...frame,
            }),
          ]
        : []),
    ])
    .join('');
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
