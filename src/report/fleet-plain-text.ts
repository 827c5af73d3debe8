/**
 * The fleet's minimal plain-text table (node, worst %, named): what `fleet` prints and what its report
 * files hold until the full fleet renderers (report/fleet-*.ts) are wired in their place. Pure.
 */
import type { FleetAnalysis } from '../fleet/analysis.js';
import type { FleetResults } from '../results/fleet-schema.js';

function pct(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(1)} %`;
}

/** One row per node, slowest first: its worst position vs the fleet, named slow, slower than the baseline. */
export function renderFleetPlainText(results: FleetResults, analysis: FleetAnalysis): string {
  const withBaseline = analysis.changes !== undefined;
  const header = ['node', 'worst', 'named', ...(withBaseline ? ['vs baseline'] : [])];
  const rows = analysis.ranking.map((rank) => [
    rank.node,
    pct(rank.worstPct),
    rank.named ? 'slow' : '',
    ...(withBaseline ? [rank.slower ? 'slower' : ''] : []),
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const { plan } = results;
  const title =
    `Fleet of ${results.nodes.length} nodes (${results.target.kind}): plan ${plan.spec}, ` +
    `${results.pairs.length} pairs in ${plan.rounds} rounds, seed ${plan.seed}`;
  const slow = [...new Set([...analysis.named, ...(analysis.changes ?? []).map((c) => c.node)])];
  const verdict =
    slow.length === 0 ? 'Verdict: PASS (no node named slow)' : `Verdict: SLOW NODES (${slow.join(', ')})`;
  return `${[title, '', line(header), ...rows.map(line), '', verdict].join('\n')}\n`;
}

/** The plain-text table as Markdown (a code block), for --markdown without the full renderer. */
export function renderFleetPlainMarkdown(results: FleetResults, analysis: FleetAnalysis): string {
  return `# netperf-gate fleet\n\n\`\`\`text\n${renderFleetPlainText(results, analysis)}\`\`\`\n`;
}

/** The plain-text table as a minimal HTML page, for --html without the full renderer. */
export function renderFleetPlainHtml(results: FleetResults, analysis: FleetAnalysis): string {
  const text = renderFleetPlainText(results, analysis)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>netperf-gate fleet</title></head>\n<body><pre>${text}</pre></body></html>\n`;
}
