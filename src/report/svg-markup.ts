/**
 * Just enough XML to write SVG and HTML by hand: escaping and one element builder.
 *
 * Why no charting library: the page must run no JavaScript and load nothing, so a library could only
 * be used to pre-render on our side (a DOM emulation plus a chart library, megabytes of dependencies
 * for a few rectangles); hand-written SVG is a few kilobytes per chart, deterministic to the byte
 * (snapshot tests), and the charts we need are bars, dots, whiskers and an axis.
 */

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A coordinate with at most two decimals: small output, and the same bytes on every platform. */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/**
 * `<name a="1">children</name>`, or self-closing without children. Numbers are written with
 * `coordinate`; undefined attributes are left out; children are inserted as given (already markup).
 */
export function element(name: string, attributes: Attributes, children?: string): string {
  const attributeText = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? coordinate(value) : escapeXml(value)}"`)
    .join('');
  return children === undefined
    ? `<${name}${attributeText}/>`
    : `<${name}${attributeText}>${children}</${name}>`;
}

/** An element whose content is text (escaped). */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return element(name, attributes, escapeXml(text));
}

/** Width of every chart, in CSS pixels; the page lays them out at this size. */
export const CHART_WIDTH = 660;
/** Text and axis colour of every chart. */
export const CHART_INK = '#1a1a1a';

/** The outer <svg> of a chart: labelled by its title and description, one font, one width. */
export function chartFrame(chartClass: string, id: string, height: number, body: string): string {
  return element(
    'svg',
    {
      class: chartClass,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      viewBox: `0 0 ${CHART_WIDTH} ${height}`,
      width: CHART_WIDTH,
      height,
      'font-family': 'system-ui, sans-serif',
      'font-size': 12,
      fill: CHART_INK,
    },
    body,
  );
}
