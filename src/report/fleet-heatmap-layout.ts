/**
 * Where the fleet heatmap's parts go: the cell size for the fleet's size, the margins its labels need,
 * the row and column labels (vertical when wider than a cell), and the frames of named nodes. Pure.
 */
import { LEGEND_HEIGHT, LEGEND_WIDTH, NAMED_COLOUR } from './fleet-heatmap-style.js';
import type { FleetMatrix } from './fleet-matrix.js';
import { coordinate, element, textElement } from './svg-markup.js';

export const MIN_CELL_PX = 12;
export const MAX_CELL_PX = 40;
/** The grid aims at this width; cells shrink to fit it, down to MIN_CELL_PX. */
const GRID_TARGET_PX = 480;
const CHAR_WIDTH = 0.62;

export interface Layout {
  cell: number;
  font: number;
  left: number;
  top: number;
  vertical: boolean;
  width: number;
  height: number;
}

/** The layout for these nodes and their (shortened) labels. */
export function layoutOf(nodes: readonly string[], labels: readonly string[]): Layout {
  const cell = Math.max(MIN_CELL_PX, Math.min(MAX_CELL_PX, Math.floor(GRID_TARGET_PX / nodes.length)));
  const font = Math.max(9, Math.min(12, cell - 3));
  const labelPx = Math.ceil(Math.max(...labels.map((l) => l.length)) * font * CHAR_WIDTH) + 10;
  const vertical = labelPx - 10 > cell;
  const left = Math.max(labelPx, 64);
  const top = (vertical ? labelPx : font + 10) + 22;
  const width = Math.max(left + nodes.length * cell + 12, LEGEND_WIDTH);
  return { cell, font, left, top, vertical, width, height: top + nodes.length * cell + LEGEND_HEIGHT };
}

/** Row labels (clients) left of the grid, column labels (servers) above it; named nodes in bold. */
export function labels(matrix: FleetMatrix, layout: Layout, short: readonly string[]): string {
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

/** A frame around each named node's row (slow as client) and column (slow as server). */
export function highlights(matrix: FleetMatrix, layout: Layout): string {
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
