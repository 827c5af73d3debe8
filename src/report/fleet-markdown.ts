/**
 * The fleet's GitHub job summary: the headline (which nodes are slow), the ranking, the named
 * outliers, outlier pairs and baseline changes, per scenario a client × server table of the pairs
 * (small fleets only; the HTML report has the heatmap) and the settings. Pure.
 */
import type { FleetAnalysis, NodeRank } from '../fleet/analysis.js';
import type { FleetResults } from '../results/fleet-schema.js';
import { type FleetMatrix, fleetMatrix, matrixFit, matrixKey, matrixScenarios } from './fleet-matrix.js';
import {
  changeSentence,
  failingNodes,
  fleetSettings,
  fleetSummaryLine,
  nodeOutlierSentence,
  nodeVerdict,
  nothingMeasured,
  outlierLists,
  pairOutlierSentence,
  type RankColumn,
  rankColumns,
  rankingNotes,
  sideFigure,
  signedWhole,
} from './fleet-text.js';
import { formatMetric } from './format.js';
import { type Alignment, code, escapeMarkdown, markdownTable } from './markdown-text.js';

/** Above this many nodes the pair table is left to the HTML report (a wider table does not read). */
export const MAX_MARKDOWN_MATRIX_NODES = 12;

/** "## netperf-gate fleet: ✅ no slow node", "… ❌ slow: node-4", or "… ⚠️ no pair measured". */
export function fleetHeadline(analysis: FleetAnalysis): string {
  const failing = failingNodes(analysis);
  if (failing.length === 0 && nothingMeasured(analysis)) return '## netperf-gate fleet: ⚠️ no pair measured';
  if (failing.length === 0) return '## netperf-gate fleet: ✅ no slow node';
  const named = analysis.named.length > 0 ? `slow: ${analysis.named.join(', ')}` : '';
  const slower = failing.filter((n) => !analysis.named.includes(n));
  const more = slower.length > 0 ? `slower than the baseline fleet: ${slower.join(', ')}` : '';
  return `## netperf-gate fleet: ❌ ${escapeMarkdown([named, more].filter((t) => t !== '').join('; '))}`;
}

function rankCell(rank: NodeRank, column: RankColumn): string {
  const client = sideFigure(rank, column, 'client');
  const server = sideFigure(rank, column, 'server');
  if (client === '' && server === '') return '';
  return escapeMarkdown(`${client || ' '} / ${server || ' '}`);
}

function rankingTable(analysis: FleetAnalysis): string {
  const columns = rankColumns(analysis);
  const headers = [
    'node',
    'worst %',
    ...columns.map((c) => `${code(c.scenario)} ${c.label}${c.allFromCells ? ' (cells)' : ''}`),
    'verdict',
  ];
  const alignments: Alignment[] = ['left', 'right', ...columns.map((): Alignment => 'right'), 'left'];
  const rows = analysis.ranking.map((rank) => {
    const verdict = nodeVerdict(rank);
    return [
      rank.named || rank.slower ? `**${escapeMarkdown(rank.node)}**` : escapeMarkdown(rank.node),
      signedWhole(rank.worstPct),
      ...columns.map((c) => rankCell(rank, c)),
      verdict === 'ok' ? 'ok' : `**${verdict}**`,
    ];
  });
  const notes = rankingNotes(columns);
  return [markdownTable(headers, alignments, rows), notes.map(escapeMarkdown).join('  \n')].join('\n\n');
}

function list(title: string, sentences: readonly string[]): string[] {
  if (sentences.length === 0) return [];
  return [`### ${title}`, sentences.map((s) => `- ${escapeMarkdown(s)}`).join('\n')];
}

function matrixTable(matrix: FleetMatrix): string {
  const label = (node: string, named: boolean) =>
    named ? `**${escapeMarkdown(node)}**` : escapeMarkdown(node);
  const headers = ['client ↓ server →', ...matrix.nodes.map((n) => label(n, matrix.namedColumns.has(n)))];
  const alignments: Alignment[] = ['left', ...matrix.nodes.map((): Alignment => 'right')];
  const rows = matrix.nodes.map((client) => [
    label(client, matrix.namedRows.has(client)),
    ...matrix.nodes.map((server) => {
      if (client === server) return '—';
      const cell = matrix.cells.get(matrixKey(client, server));
      if (cell === undefined) return '';
      const share = String(Math.round(100 + cell.pct));
      return cell.outlier === undefined ? share : `**${share}**`;
    }),
  ]);
  return markdownTable(headers, alignments, rows);
}

function matrices(results: FleetResults, analysis: FleetAnalysis): string[] {
  const count = results.nodes.length;
  if (count > MAX_MARKDOWN_MATRIX_NODES) {
    return [
      '### Pairs',
      `${count} nodes: too many for a table here (at most ${MAX_MARKDOWN_MATRIX_NODES}); the HTML report (report.html) has the client × server heatmap of every scenario.`,
    ];
  }
  return matrixScenarios(analysis).flatMap((scenario) => {
    const fit = matrixFit(analysis, scenario);
    if (fit === undefined || fit.residuals.length === 0) return [];
    const matrix = fleetMatrix(results, analysis, fit);
    return [
      `### Pairs of ${code(scenario)}: ${code(fit.metric)} as % of the fleet median`,
      matrixTable(matrix),
      `100 = the fleet median of the pairs (${escapeMarkdown(formatMetric(matrix.metric, matrix.fleetMedian))}); **bold**: an outlier pair or a named node; — the node itself; blank: not measured.`,
    ];
  });
}

/** The job summary of a fleet run. */
export function renderFleetMarkdown(results: FleetResults, analysis: FleetAnalysis): string {
  const lists = outlierLists(analysis);
  const changes = analysis.changes;
  const settings = fleetSettings(results).map(([label, value]) => [label, escapeMarkdown(value)]);
  const parts = [
    fleetHeadline(analysis),
    escapeMarkdown(fleetSummaryLine(results, analysis)),
    '### Ranking, slowest first',
    rankingTable(analysis),
    ...list('Slow nodes', lists.slowNodes.map(nodeOutlierSentence)),
    ...list('Fast nodes (not failing)', lists.fastNodes.map(nodeOutlierSentence)),
    ...list('Outlier pairs', lists.pairs.map(pairOutlierSentence)),
    ...(changes === undefined
      ? []
      : changes.length === 0
        ? ['### Against the baseline fleet', 'No node got slower.']
        : list('Slower than the baseline fleet', changes.map(changeSentence))),
    ...matrices(results, analysis),
    '### Settings',
    markdownTable(['setting', 'value'], ['left', 'left'], settings),
  ];
  return `${parts.join('\n\n')}\n`;
}
