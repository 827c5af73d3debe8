/**
 * How the fleet heatmap looks: the fixed diverging colour classes, the hatch of unmeasured pairs, the
 * legend, and node names shortened to labels. Pure.
 */
import { signedWhole } from './fleet-text.js';
import { element, textElement } from './svg-markup.js';

/** Labels longer than this are shortened. */
export const MAX_LABEL_CHARS = 14;

/** Upper bounds (worse-is-negative %) of the classes; the last class is everything above. */
export const CLASS_LIMITS = [-25, -15, -8, -3, 3, 8, 15, 25] as const;
/** RdBu, slow (red) to fast (blue). */
export const HEATMAP_COLOURS = [
  '#b2182b',
  '#d6604d',
  '#f4a582',
  '#fddbc7',
  '#f7f7f7',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
] as const;
/** Classes dark enough for white text. */
export const DARK_CLASSES = new Set([0, 1, 7, 8]);
export const SELF_COLOUR = '#bdbdbd';
export const NAMED_COLOUR = '#6a1b9a';

/** The class of a worse-is-negative %: 0 (far slower) … 8 (far faster); the middle class holds ±3 %. */
export function heatClass(worsePct: number): number {
  const i = CLASS_LIMITS.findIndex((limit, k) => (k < 4 ? worsePct < limit : worsePct <= limit));
  return i < 0 ? CLASS_LIMITS.length : i;
}

/** The longest prefix all names share, cut after its last `-`, `.` or `_` (so no name loses a partial word). */
function sharedPrefix(names: readonly string[]): string {
  const first = names[0] ?? '';
  let length = 0;
  while (length < first.length && names.every((n) => n[length] === first[length])) length += 1;
  const cut = Math.max(...['-', '.', '_'].map((sep) => first.lastIndexOf(sep, length - 1)));
  return cut < 0 ? '' : first.slice(0, cut + 1);
}

/**
 * Node names as labels, each at most `maxChars`: a shared domain suffix dropped; where still too long,
 * a shared prefix ("gke-prod-pool-8c1e-") dropped for "…"; then only the end kept ("…pool-8c1e-x9kq").
 */
export function shortLabels(nodes: readonly string[], maxChars = MAX_LABEL_CHARS): string[] {
  if (nodes.every((n) => n.length <= maxChars)) return [...nodes];
  const first = nodes[0] ?? '';
  const dot = first.indexOf('.');
  const suffix = dot > 0 && nodes.every((n) => n.endsWith(first.slice(dot))) ? first.slice(dot) : '';
  const names = nodes.map((n) => (suffix === '' ? n : n.slice(0, -suffix.length)));
  const prefix = nodes.length > 1 && names.some((n) => n.length > maxChars) ? sharedPrefix(names) : '';
  return names.map((name) => {
    const rest = prefix === '' || name.length <= maxChars ? name : `…${name.slice(prefix.length)}`;
    return rest.length <= maxChars ? rest : `…${rest.slice(rest.length - maxChars + 1)}`;
  });
}

/** Height of the legend band under the grid, and the width it needs. */
export const LEGEND_HEIGHT = 64;
const LEGEND_SWATCH = 34;
export const LEGEND_WIDTH = (HEATMAP_COLOURS.length + 3) * LEGEND_SWATCH + 16;

/** Grey stripes: a pair that was not measured (a ring or random plan leaves most pairs out). */
export function hatchPattern(id: string): string {
  return element(
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    element('rect', { width: 6, height: 6, fill: '#ffffff' }) +
      element('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#b8b8b8', 'stroke-width': 2 }),
  );
}

/** The legend: the classes' swatches with their limits, the hatch and the diagonal; its top at `y`. */
export function heatLegend(y: number, hatch: string): string {
  const x0 = 8;
  const swatches = HEATMAP_COLOURS.map((fill, i) =>
    element('rect', {
      x: x0 + i * LEGEND_SWATCH,
      y,
      width: LEGEND_SWATCH,
      height: 14,
      fill,
      stroke: '#999999',
      'stroke-width': 0.5,
    }),
  );
  const ticks = CLASS_LIMITS.map((limit, i) =>
    textElement(
      'text',
      { x: x0 + (i + 1) * LEGEND_SWATCH, y: y + 27, 'text-anchor': 'middle', 'font-size': 10 },
      signedWhole(limit),
    ),
  );
  const end = x0 + HEATMAP_COLOURS.length * LEGEND_SWATCH;
  const extra = [
    element('rect', {
      x: end + 16,
      y,
      width: 14,
      height: 14,
      fill: `url(#${hatch})`,
      stroke: '#999999',
      'stroke-width': 0.5,
    }),
    textElement('text', { x: end + 34, y: y + 11, 'font-size': 10 }, 'not measured'),
    element('rect', { x: end + 16, y: y + 20, width: 14, height: 14, fill: SELF_COLOUR }),
    textElement('text', { x: end + 34, y: y + 31, 'font-size': 10 }, 'the node itself'),
  ];
  const caption = textElement(
    'text',
    { x: x0, y: y - 6, 'font-size': 10 },
    '% vs the fleet median: ← slower (warm) · faster (cool) →',
  );
  return [caption, ...swatches, ...ticks, ...extra].join('');
}
