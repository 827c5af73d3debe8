/**
 * A fleet run's analysis from its results file alone (and an earlier fleet's, when given): the effects
 * fits, the outliers of each fit, the nodes ranked, and the nodes that got slower than in the baseline.
 * Pure; the reports, the terminal table and the action's outputs all read this one object, so they
 * never disagree.
 *
 * Ranking: per node, its position relative to the fleet on each fit and side, in % (−30: 30 % slower
 * than the typical node). Where the side has a fitted effect, that effect relative to the side's median
 * effect; where it has none (a ring: one cell per node and side), the median of its cells relative to
 * the fleet median. A node's `worstPct` is its slowest such figure (for rates and ratios, the most
 * negative), and nodes are ranked by it, slowest first, ties by name.
 */
import { type MetricName, metricDirection } from '../metrics/names.js';
import type { FleetResults } from '../results/fleet-schema.js';
import { median } from '../stats/describe.js';
import { compareFleetFits, type NodeChange } from './compare.js';
import { type EffectsFit, type FleetPairResult, fitFleet, type Side } from './effects.js';
import { type FleetOutliers, findOutliers, type OutlierOptions, slowNodes } from './outliers.js';

/** One figure of a node's row: where it stands on one fit and side. */
export interface NodePosition {
  scenario: string;
  metric: MetricName;
  side: Side;
  /** Relative to the fleet's typical node, in % (sign as the metric: −30 is 30 % lower). */
  pct: number;
  /** Cells it rests on. */
  cells: number;
  /** `effect`: a fitted effect; `cells`: the median of its cells (no effect was estimable). */
  from: 'effect' | 'cells';
}

export interface NodeRank {
  node: string;
  positions: NodePosition[];
  /** The slowest of its positions, as "worse in %" (≤ 0 for worse); 0 when it has none. */
  worstPct: number;
  /** Named as a slow outlier by any fit. */
  named: boolean;
  /** Named as slower than in the baseline. */
  slower: boolean;
}

export interface FleetAnalysis {
  fits: EffectsFit[];
  /** One per fit, same order. */
  outliers: FleetOutliers[];
  /** Slowest first. */
  ranking: NodeRank[];
  /** Nodes named slow (gating outliers), first-seen order. */
  named: string[];
  /** Present when a baseline fleet was given: nodes that got slower than then. */
  changes?: NodeChange[];
}

/** The pairs of a results file as the effects fit takes them: one entry per pair and scenario. */
export function fleetPairResults(results: FleetResults): FleetPairResult[] {
  return results.pairs.flatMap((pair) =>
    pair.scenarios.map((result) => ({ client: pair.client, server: pair.server, result })),
  );
}

/** `pct` turned so that negative is always worse. */
function worseningPct(metric: MetricName, pct: number): number {
  return metricDirection(metric) === 'higher-is-better' ? pct : -pct;
}

function positionsOf(fit: EffectsFit, node: string): NodePosition[] {
  return (['client', 'server'] as const).flatMap((side): NodePosition[] => {
    const sideEffects = fit.effects.filter((e) => e.side === side);
    const own = sideEffects.find((e) => e.node === node);
    if (own !== undefined) {
      const centre = median(sideEffects.map((e) => e.effectLog));
      const pct = (Math.exp(own.effectLog - centre) - 1) * 100;
      return [{ scenario: fit.scenario, metric: fit.metric, side, pct, cells: own.cells, from: 'effect' }];
    }
    const cells = fit.residuals.filter((r) => (side === 'client' ? r.client : r.server) === node);
    if (cells.length === 0 || fit.residuals.length === 0) return [];
    const fleet = median(fit.residuals.map((r) => r.valueLog));
    const pct = (Math.exp(median(cells.map((c) => c.valueLog)) - fleet) - 1) * 100;
    return [{ scenario: fit.scenario, metric: fit.metric, side, pct, cells: cells.length, from: 'cells' }];
  });
}

/** Analyses a fleet run, against an earlier one when given. */
export function analyseFleet(
  current: FleetResults,
  baseline?: FleetResults,
  options: OutlierOptions = {},
): FleetAnalysis {
  const fits = fitFleet(fleetPairResults(current));
  const outliers = fits.map((fit) => findOutliers(fit, options));
  const named = slowNodes(outliers);
  const changes =
    baseline === undefined
      ? undefined
      : compareFleetFits(fitFleet(fleetPairResults(baseline)), fits, {
          ...(options.zCut !== undefined ? { zCut: options.zCut } : {}),
          ...(options.minChange !== undefined ? { minChange: options.minChange } : {}),
        });
  const slower = new Set((changes ?? []).map((c) => c.node));
  const ranking = current.nodes
    .map(({ name }): NodeRank => {
      const positions = fits.flatMap((fit) => positionsOf(fit, name));
      const worst = positions.map((p) => worseningPct(p.metric, p.pct));
      return {
        node: name,
        positions,
        worstPct: worst.length > 0 ? Math.min(...worst) : 0,
        named: named.includes(name),
        slower: slower.has(name),
      };
    })
    .sort((a, b) => a.worstPct - b.worstPct || a.node.localeCompare(b.node));
  return { fits, outliers, ranking, named, ...(changes !== undefined ? { changes } : {}) };
}
