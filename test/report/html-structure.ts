/** A structure check of our generated HTML, shared by the report tests. */

/** Elements HTML allows without a closing tag. */
const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);

/**
 * Checks tags nest and close properly (SVG elements may self-close); returns the problems found.
 * A small stand-in for a validator: the report is generated, so its markup is regular.
 */
export function structureProblems(html: string): string[] {
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const stack: string[] = [];
  const problems: string[] = [];
  for (const [, closing, name = '', , selfClosing] of withoutStyle.matchAll(
    /<(\/?)([a-zA-Z][\w-]*)([^<>]*?)(\/?)>/g,
  )) {
    const tag = name.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== tag) problems.push(`</${tag}> closes <${open}>`);
    } else if (!selfClosing && !VOID.has(tag)) {
      stack.push(tag);
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
}
