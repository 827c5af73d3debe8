/**
 * Outlier nodes and pairs of a fleet fit. Pure.
 *
 * A node's effect on a side is an outlier when its robust z — (effect − median effect) divided by
 * 1.4826 × MAD of that side's effects — is beyond OUTLIER_Z_CUT = 3.5, the modified z-score cut of
 * Iglewicz & Hoaglin (1993), and the node differs from the fleet median by at least
 * MIN_OUTLIER_CHANGE (10 %: smaller differences are within the run-to-run drift of netperf, however
 * tight one run's fleet is). A pair is an outlier the same way by its residual (a bad link, cable or
 * switch port: slow beyond what its client and server nodes explain).
 *
 * MAD = 0 (all effects equal, as in a capped or simulated fleet) would make any difference infinite:
 * the scale is floored at MIN_RELATIVE_SPREAD (1 % in log units), below which a spread is resolution,
 * not noise.
 *
 * Where a node has no estimable effect (a ring: one cell per node and side), a slow node shows as two or
 * more slow pairs sharing it; such a node is named from its pairs (`from: 'pairs'`), as client or server
 * when all its slow pairs have it on that side, else as `both`.
 *
 * Both directions are reported (`speed`: slow or fast); `gating` is true for slow ones only (lower
 * rate, higher CPU cost), which are what a fleet gate fails on. Every outlier carries its figure
 * (`changePct` vs the fleet median) and the fleet median in metric units.
 */
import { median } from '../stats/describe.js';
import type { EffectsFit, Side } from './effects.js';
import {
  effectError,
  figure,
  isOutlier,
  MIN_OUTLIER_CHANGE,
  OUTLIER_Z_CUT,
  type OutlierFigure,
  type OutlierOptions,
  pairNoise,
  residualInflation,
  robustZ,
} from './robust.js';
import { nodesFromPairs } from './shared-pairs.js';

export {
  MIN_OUTLIER_CHANGE,
  MIN_RELATIVE_SPREAD,
  OUTLIER_Z_CUT,
  type OutlierOptions,
  residualInflation,
  robustZ,
  type Speed,
} from './robust.js';

export interface NodeOutlier extends OutlierFigure {
  node: string;
  side: Side | 'both';
  from: 'effects' | 'pairs';
}

/**
 * A pair slow or fast beyond what its client and server effects predict: `changePct` is against that
 * prediction (the residual), `value` is the pair's measured value and `fleetMedian` the median
 * of all pairs' values.
 */
export interface PairOutlier extends OutlierFigure {
  client: string;
  server: string;
}

export interface FleetOutliers {
  nodes: NodeOutlier[];
  pairs: PairOutlier[];
}

function effectOutliers(fit: EffectsFit, options: Required<OutlierOptions>): NodeOutlier[] {
  const noise = pairNoise(fit);
  return (['client', 'server'] as const).flatMap((side) => {
    const effects = fit.effects.filter((e) => e.side === side);
    const { centre, scale } = robustZ(
      effects.map((e) => e.effectLog),
      options.zCut,
    );
    const fleetMedian = Math.exp(fit.overallLog + centre);
    return effects.flatMap((e) => {
      const delta = e.effectLog - centre;
      // The spread of the other nodes' effects, but never less than this effect's own noise: with few
      // nodes their effects can agree by chance far more closely than any one of them is known.
      const score = delta / Math.max(scale, effectError(noise, e.cells));
      if (!isOutlier(score, delta, options)) return [];
      return [{ ...figure(fit, delta, score, fleetMedian), node: e.node, side, from: 'effects' as const }];
    });
  });
}

function pairOutliers(fit: EffectsFit, options: Required<OutlierOptions>): PairOutlier[] {
  const noise = pairNoise(fit);
  if (!Number.isFinite(noise)) return [];
  const { centre } = robustZ(
    fit.residuals.map((r) => r.residualLog),
    options.zCut,
    residualInflation(fit),
  );
  const fleetMedian = fit.residuals.length > 0 ? Math.exp(median(fit.residuals.map((r) => r.valueLog))) : 0;
  return fit.residuals.flatMap((r) => {
    const delta = r.residualLog - centre;
    const score = delta / noise;
    if (!isOutlier(score, delta, options)) return [];
    return [
      {
        ...figure(fit, delta, score, fleetMedian),
        value: Math.exp(r.valueLog),
        client: r.client,
        server: r.server,
      },
    ];
  });
}

/** Outlier nodes (by effect, then by shared outlier pairs) and outlier pairs of one fit. */
export function findOutliers(fit: EffectsFit, options: OutlierOptions = {}): FleetOutliers {
  const settings = {
    zCut: options.zCut ?? OUTLIER_Z_CUT,
    minChange: options.minChange ?? MIN_OUTLIER_CHANGE,
  };
  const byEffect = effectOutliers(fit, settings);
  const pairs = pairOutliers(fit, settings);
  return { nodes: [...byEffect, ...nodesFromPairs(fit, settings)], pairs };
}

/** The nodes a fleet gate names as slow over all fits (each node once, in first-seen order). */
export function slowNodes(outliers: readonly FleetOutliers[]): string[] {
  return [...new Set(outliers.flatMap((o) => o.nodes.filter((n) => n.gating).map((n) => n.node)))];
}
