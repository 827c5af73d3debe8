/**
 * The fleet's result for a terminal: the nodes ranked slowest first with their client/server positions
 * per fit, then the named outliers, outlier pairs and baseline changes as sentences, and a summary
 * line. Plain text, aligned columns, no colour. Pure.
 */
import type { FleetAnalysis, NodeRank } from '../fleet/analysis.js';
import type { FleetResults } from '../results/fleet-schema.js';
import {
  changeSentence,
  fleetSummaryLine,
  fleetVerdictLine,
  nodeOutlierSentence,
  nodeVerdict,
  outlierLists,
  pairOutlierSentence,
  type RankColumn,
  rankColumns,
  rankingNotes,
  sideFigure,
  signedWhole,
} from './fleet-text.js';

const GAP = '  ';

/** "client/server" of one column; blank when the node has neither. */
function cell(rank: NodeRank, column: RankColumn): string {
  const client = sideFigure(rank, column, 'client');
  const server = sideFigure(rank, column, 'server');
  return client === '' && server === '' ? '' : `${client}/${server}`;
}

function columnLabel(column: RankColumn): string {
  return column.allFromCells ? `${column.label} (cells)` : column.label;
}

/** Widens each scenario's last column so the scenario's name fits over its columns. */
function widenForScenarios(columns: readonly RankColumn[], widths: number[]): void {
  for (const scenario of new Set(columns.map((c) => c.scenario))) {
    const members = columns.flatMap((c, i) => (c.scenario === scenario ? [i + 2] : []));
    const span = members.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + GAP.length * (members.length - 1);
    const last = members[members.length - 1] as number;
    if (span < scenario.length) widths[last] = (widths[last] ?? 0) + scenario.length - span;
  }
}

/** The ranking table: a scenario line over its columns, then the column labels, a rule and the rows. */
function rankingTable(analysis: FleetAnalysis): string[] {
  const columns = rankColumns(analysis);
  const header = ['node', 'worst', ...columns.map(columnLabel), 'verdict'];
  const rows = analysis.ranking.map((rank) => [
    rank.node,
    signedWhole(rank.worstPct),
    ...columns.map((c) => cell(rank, c)),
    nodeVerdict(rank),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  widenForScenarios(columns, widths);
  const last = header.length - 1;
  const line = (cells: readonly string[]) =>
    cells
      .map((text, i) => (i === 0 || i === last ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0)))
      .join(GAP)
      .trimEnd();
  // The scenario names start over each scenario's first column.
  let scenarioLine = '';
  let offset = (widths[0] ?? 0) + GAP.length + (widths[1] ?? 0) + GAP.length;
  for (const [i, column] of columns.entries()) {
    if (i === 0 || columns[i - 1]?.scenario !== column.scenario) {
      scenarioLine = `${scenarioLine.padEnd(offset)}${column.scenario} `;
    }
    offset += (widths[i + 2] ?? 0) + GAP.length;
  }
  const rule = widths.map((w) => '-'.repeat(w)).join(GAP);
  const scenarios = scenarioLine.trim() === '' ? [] : [scenarioLine.trimEnd()];
  return [...scenarios, line(header), rule, ...rows.map(line)];
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ['', `${title}:`, ...lines.map((l) => `  ${l}`)];
}

/** The fleet's terminal report; ends with the summary and verdict lines and a newline. */
export function renderFleetTerminal(results: FleetResults, analysis: FleetAnalysis): string {
  const lists = outlierLists(analysis);
  const changes = analysis.changes;
  const lines = [
    'Fleet ranking, slowest first',
    ...rankingTable(analysis),
    ...rankingNotes(rankColumns(analysis)),
    ...section('Slow nodes', lists.slowNodes.map(nodeOutlierSentence)),
    ...section('Fast nodes (not failing)', lists.fastNodes.map(nodeOutlierSentence)),
    ...section('Outlier pairs', lists.pairs.map(pairOutlierSentence)),
    ...(changes === undefined
      ? []
      : changes.length === 0
        ? ['', 'Against the baseline fleet: no node got slower.']
        : section('Slower than the baseline fleet', changes.map(changeSentence))),
    '',
    fleetSummaryLine(results, analysis),
    fleetVerdictLine(analysis),
  ];
  return `${lines.join('\n')}\n`;
}
