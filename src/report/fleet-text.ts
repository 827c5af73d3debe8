/**
 * The words and figures every fleet report shares (terminal, Markdown, HTML), so the three never
 * disagree: the ranking's columns, a node's verdict, the outlier and change sentences, the summary
 * line. Pure; reads only the results file and `analyseFleet`'s analysis.
 */
import { hasReference } from '../compare/series.js';
import type { FleetAnalysis, NodePosition, NodeRank } from '../fleet/analysis.js';
import type { NodeChange } from '../fleet/compare.js';
import type { EffectsFit, Side } from '../fleet/effects.js';
import type { NodeOutlier, PairOutlier } from '../fleet/outliers.js';
import { type MetricName, RATIO_METRICS } from '../metrics/names.js';
import type { FleetResults } from '../results/fleet-schema.js';
import { formatMetric, formatPercentChange } from './format.js';

/** One column of the ranking: a fit (scenario and primary metric), client and server side. */
export interface RankColumn {
  scenario: string;
  metric: MetricName;
  /** `ratio` for the pod/reference ratio, `rate` for the raw rate. */
  label: 'ratio' | 'rate';
  /** Every figure of the column is the median of the node's cells (no effect was estimable: a ring). */
  allFromCells: boolean;
  /** Some, not all, figures are from cells: those are marked with CELLS_MARK. */
  someFromCells: boolean;
}

/** Marks a figure that is the median of a node's cells, where its column also has fitted effects. */
export const CELLS_MARK = '*';

const isRatio = (metric: MetricName) => (RATIO_METRICS as readonly string[]).includes(metric);

/** The ranking's columns: one per fit, in the analysis's order (per scenario: ratio first, then rate). */
export function rankColumns(analysis: FleetAnalysis): RankColumn[] {
  const columns = analysis.fits.map((fit: EffectsFit): RankColumn => {
    const positions = analysis.ranking.flatMap((r) =>
      r.positions.filter((p) => p.scenario === fit.scenario && p.metric === fit.metric),
    );
    const fromCells = positions.filter((p) => p.from === 'cells').length;
    return {
      scenario: fit.scenario,
      metric: fit.metric,
      label: isRatio(fit.metric) ? 'ratio' : 'rate',
      allFromCells: positions.length > 0 && fromCells === positions.length,
      someFromCells: fromCells > 0 && fromCells < positions.length,
    };
  });
  const scenarios = [...new Set(columns.map((c) => c.scenario))];
  return scenarios.flatMap((s) =>
    columns
      .filter((c) => c.scenario === s)
      .sort((a, b) => Number(isRatio(b.metric)) - Number(isRatio(a.metric))),
  );
}

/** A whole signed percentage: "-58", "+3", "0". */
export function signedWhole(pct: number): string {
  const rounded = Math.round(pct);
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** A node's position on one side of a column; undefined where it has none (not estimable, no cells). */
export function positionOf(rank: NodeRank, column: RankColumn, side: Side): NodePosition | undefined {
  return rank.positions.find(
    (p) => p.scenario === column.scenario && p.metric === column.metric && p.side === side,
  );
}

/** A side's figure as the tables print it: whole %, marked when from cells in a mixed column; blank when none. */
export function sideFigure(rank: NodeRank, column: RankColumn, side: Side): string {
  const position = positionOf(rank, column, side);
  if (position === undefined) return '';
  const mark = column.someFromCells && position.from === 'cells' ? CELLS_MARK : '';
  return `${signedWhole(position.pct)}${mark}`;
}

/** "SLOW", "slower vs baseline", both, or "ok". */
export function nodeVerdict(rank: NodeRank): string {
  const words = [rank.named ? 'SLOW' : '', rank.slower ? 'slower vs baseline' : ''].filter((w) => w !== '');
  return words.length === 0 ? 'ok' : words.join(', ');
}

function sideWords(side: Side | 'both'): string {
  return side === 'both' ? 'on both sides' : `as ${side}`;
}

const z = (value: number) => `z ${value.toFixed(1)}`;

/** "node-4 as client: tcp_stream_1 rate_ratio 0.419, -57.9% vs fleet median 0.997 (z -56.4)". */
export function nodeOutlierSentence(outlier: NodeOutlier): string {
  const { metric } = outlier;
  const via = outlier.from === 'pairs' ? ', from its pairs' : '';
  return `${outlier.node} ${sideWords(outlier.side)}: ${outlier.scenario} ${metric} ${formatMetric(metric, outlier.value)}, ${formatPercentChange(outlier.changePct)} vs fleet median ${formatMetric(metric, outlier.fleetMedian)} (${z(outlier.robustZ)}${via})`;
}

/** "pair node-2 → node-5: … -35.0% vs what its nodes predict, fleet median …: a link or port?" */
export function pairOutlierSentence(outlier: PairOutlier): string {
  const { metric } = outlier;
  const question = outlier.speed === 'slow' ? ': a link or port?' : '';
  return `pair ${outlier.client} → ${outlier.server}: ${outlier.scenario} ${metric} ${formatMetric(metric, outlier.value)}, ${formatPercentChange(outlier.changePct)} vs what its nodes predict, fleet median ${formatMetric(metric, outlier.fleetMedian)} (${z(outlier.robustZ)})${question}`;
}

/** "node-3 as server: tcp_rr_1cpu transactions_per_sec -24.0% vs its fleet since the baseline (then …, now …)". */
export function changeSentence(change: NodeChange): string {
  return `${change.node} ${sideWords(change.side)}: ${change.scenario} ${change.metric} ${formatPercentChange(change.changePct)} relative to its fleet since the baseline (then ${formatPercentChange(change.beforePct)}, now ${formatPercentChange(change.afterPct)} vs the fleet median; ${z(change.z)})`;
}

/** Named slow nodes' outliers, fast nodes' outliers, and pair outliers, each in the analysis's order. */
export function outlierLists(analysis: FleetAnalysis): {
  slowNodes: NodeOutlier[];
  fastNodes: NodeOutlier[];
  pairs: PairOutlier[];
} {
  const nodes = analysis.outliers.flatMap((o) => o.nodes);
  return {
    slowNodes: nodes.filter((n) => n.gating),
    fastNodes: nodes.filter((n) => !n.gating),
    pairs: analysis.outliers.flatMap((o) => o.pairs),
  };
}

/** True when no pair has a value: nothing could be judged (every pair failed, or none was planned). */
export function nothingMeasured(analysis: FleetAnalysis): boolean {
  return analysis.fits.every((f) => f.residuals.length === 0);
}

/** The nodes a fleet gate would name: slow outliers, then nodes slower than the baseline. */
export function failingNodes(analysis: FleetAnalysis): string[] {
  return [...new Set([...analysis.named, ...(analysis.changes ?? []).map((c) => c.node)])];
}

/** "6 nodes, plan all (seed 7), 30 pairs in 10 rounds (≤ 4 at once); slow: node-4". */
export function fleetSummaryLine(results: FleetResults, analysis: FleetAnalysis): string {
  const { plan } = results;
  const slower = [...new Set((analysis.changes ?? []).map((c) => c.node))];
  const verdicts = [
    nothingMeasured(analysis)
      ? 'no pair measured: nothing judged'
      : analysis.named.length === 0
        ? 'no slow node'
        : `slow: ${analysis.named.join(', ')}`,
    ...(analysis.changes === undefined
      ? []
      : [slower.length === 0 ? 'none slower than baseline' : `slower than baseline: ${slower.join(', ')}`]),
  ];
  return `${results.nodes.length} nodes, plan ${plan.spec} (seed ${plan.seed}), ${results.pairs.length} pairs in ${plan.rounds} rounds (≤ ${plan.parallel} at once); ${verdicts.join('; ')}`;
}

/** How the ranking reads, for a line under each table. */
export const RANKING_NOTE =
  'Each figure: the node vs the typical node of the fleet in % (negative: slower), as client / server; ranked by the slowest figure.';

const CELLS_MEANING =
  "the median of the node's own pairs vs the fleet median: a side with fewer than 2 pairs (every node of a ring) has no fitted node effect.";

/** The lines under a ranking table: how to read it, and what (cells) and CELLS_MARK mean when present. */
export function rankingNotes(columns: readonly RankColumn[]): string[] {
  return [
    RANKING_NOTE,
    ...(columns.some((c) => c.allFromCells) ? [`(cells): ${CELLS_MEANING}`] : []),
    ...(columns.some((c) => c.someFromCells) ? [`${CELLS_MARK}: ${CELLS_MEANING}`] : []),
  ];
}

/** The run's settings as label/value rows (Markdown and HTML print them as a table). */
export function fleetSettings(results: FleetResults): [string, string][] {
  const scenarios = new Map<string, FleetResults['pairs'][number]['scenarios'][number]>();
  for (const pair of results.pairs)
    for (const s of pair.scenarios) if (!scenarios.has(s.settings.name)) scenarios.set(s.settings.name, s);
  const measured = [...scenarios.values()];
  const samples = measured.map(
    (s) => `${s.settings.name}: ${s.settings.samples} × ${s.settings.durationSeconds} s`,
  );
  const withReference = measured.filter(hasReference).map((s) => s.settings.name);
  const reference =
    withReference.length === 0
      ? 'not measured (no ratio metrics)'
      : withReference.length === measured.length
        ? 'measured, interleaved with every sample (ratio = pod / reference)'
        : `measured for ${withReference.join(', ')}`;
  return [
    ['target', results.target.kind],
    ['nodes', String(results.nodes.length)],
    ['plan', results.plan.spec],
    ['seed', String(results.plan.seed)],
    ['rounds', `${results.plan.rounds} (≤ ${results.plan.parallel} pairs at once)`],
    ['pairs measured', String(results.pairs.length)],
    ['samples per pair', samples.length === 0 ? 'none measured' : samples.join('; ')],
    ['reference path', reference],
    ['netperf', results.netperfVersion],
    ['started', results.startedAt],
    ['finished', results.finishedAt],
  ];
}

/** The verdict as the last line of the terminal table, worded like a single run's `Verdict:` line. */
export function fleetVerdictLine(analysis: FleetAnalysis): string {
  const failing = failingNodes(analysis);
  if (failing.length > 0) return `Verdict: SLOW NODES (${failing.join(', ')})`;
  return nothingMeasured(analysis) ? 'Verdict: NOTHING MEASURED' : 'Verdict: PASS (no node named slow)';
}
