/**
 * Nodes named from their pairs, where the fit has no effect for them (a ring: one cell per node and
 * side). Pure.
 *
 * Each such node is tested on its own: centre and scale of the residuals come from the cells it is not
 * in (leave-node-out), so a slow node's own pairs cannot widen the scale that judges them — in a ring of
 * 6, its 2 slow pairs are a third of all cells and would inflate a MAD over every cell. The node is named
 * when two or more of its pairs, with different partners, are beyond the cut and the 10 % floor in the
 * same direction: as client or server when all those pairs have it on that side, else as `both`.
 * Below MIN_REFERENCE_CELLS other cells the scale of every cell is used instead.
 */
import { median } from '../stats/describe.js';
import type { EffectsFit, PairResidual } from './effects.js';
import {
  figure,
  isOutlier,
  type OutlierFigure,
  type OutlierOptions,
  residualInflation,
  robustZ,
  type Speed,
} from './robust.js';

/** A node named from its pairs (its figure is the median of theirs). */
export interface SharedPairsNode extends OutlierFigure {
  node: string;
  side: 'client' | 'server' | 'both';
  from: 'pairs';
}

/**
 * Fewest cells a leave-node-out scale rests on; with fewer (a ring of under 10 nodes) every cell is used,
 * as in pair outliers. Seeded simulation: a ring of 6 judged on the 4 other cells named a node by chance
 * in 1 of 20 fleets with no slow node, and a one-sided slow node's partner in 2 of 20.
 */
export const MIN_REFERENCE_CELLS = 8;

interface ScoredPair {
  pair: PairResidual;
  outlier: OutlierFigure;
}

function scoredPairsOf(fit: EffectsFit, node: string, options: Required<OutlierOptions>): ScoredPair[] {
  const touches = (r: PairResidual) => r.client === node || r.server === node;
  const others = fit.residuals.filter((r) => !touches(r)).map((r) => r.residualLog);
  const reference = others.length >= MIN_REFERENCE_CELLS ? others : fit.residuals.map((r) => r.residualLog);
  const inflation = residualInflation(fit);
  if (reference.length < 2 || !Number.isFinite(inflation)) return [];
  const { centre, scale } = robustZ(reference, options.zCut, inflation);
  const fleetMedian = Math.exp(median(fit.residuals.map((r) => r.valueLog)));
  return fit.residuals.filter(touches).flatMap((pair) => {
    const delta = pair.residualLog - centre;
    const z = delta / scale;
    return isOutlier(z, delta, options) ? [{ pair, outlier: figure(fit, delta, z, fleetMedian) }] : [];
  });
}

function named(node: string, scored: readonly ScoredPair[], speed: Speed): SharedPairsNode[] {
  const mine = scored.filter((s) => s.outlier.speed === speed);
  const partners = new Set(mine.map(({ pair }) => (pair.client === node ? pair.server : pair.client)));
  if (partners.size < 2) return [];
  const asClient = mine.every(({ pair }) => pair.client === node);
  const asServer = mine.every(({ pair }) => pair.server === node);
  const weakest = mine.reduce((a, b) => (Math.abs(a.outlier.robustZ) <= Math.abs(b.outlier.robustZ) ? a : b));
  const changePct = median(mine.map((s) => s.outlier.changePct));
  const value = weakest.outlier.fleetMedian * (1 + changePct / 100);
  const side = asClient ? 'client' : asServer ? 'server' : 'both';
  return [{ ...weakest.outlier, changePct, value, node, side, from: 'pairs' }];
}

/** Nodes without a fitted effect named from two or more outlier pairs (see the file comment). */
export function nodesFromPairs(fit: EffectsFit, options: Required<OutlierOptions>): SharedPairsNode[] {
  const fitted = new Set(fit.effects.map((e) => e.node));
  const nodes = [...new Set(fit.residuals.flatMap((r) => [r.client, r.server]))].filter(
    (n) => !fitted.has(n),
  );
  return nodes.flatMap((node) => {
    const scored = scoredPairsOf(fit, node, options);
    return [...named(node, scored, 'slow'), ...named(node, scored, 'fast')];
  });
}
