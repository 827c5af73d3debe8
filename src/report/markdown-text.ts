/** Building blocks of GitHub-flavoured markdown: escaping, tables, fenced blocks. */

/** Escapes text taken from results (names, notes, environment) so it renders literally, also in a table cell. */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll(/[\\`*_[\]|#]/g, (c) => `\\${c}`)
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll(/\r?\n/g, ' ');
}

/** Inline code; a value with backticks gets a longer fence (CommonMark code spans). */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replaceAll('|', '\\|')}${pad}${fence}`;
}

export type Alignment = 'left' | 'right';

/** A GFM table; cells must already be escaped markdown. */
export function markdownTable(
  headers: readonly string[],
  alignments: readonly Alignment[],
  rows: readonly (readonly string[])[],
): string {
  const rule = alignments.map((a) => (a === 'right' ? '---:' : ':---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}

/** A fenced code block that no line of `content` can close early. */
export function fencedBlock(content: string, info: string): string {
  const longestRun = Math.max(2, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${info}\n${content}\n${fence}`;
}
