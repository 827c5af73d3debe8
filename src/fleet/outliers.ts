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
import { type MetricName, metricDirection } from '../metrics/names.js';
import { MAD_NORMAL_CONSISTENCY, median } from '../stats/describe.js';
import type { EffectsFit, Side } from './effects.js';

/** Modified z-score cut of Iglewicz & Hoaglin. */
export const OUTLIER_Z_CUT = 3.5;
/** Floor of the robust scale (log units ≈ relative spread): 1 %. */
export const MIN_RELATIVE_SPREAD = 0.01;
/** Smallest difference from the fleet median named as an outlier: 10 %. */
export const MIN_OUTLIER_CHANGE = 0.1;

export type Speed = 'slow' | 'fast';

interface OutlierFigure {
  scenario: string;
  metric: MetricName;
  speed: Speed;
  /** True for slow outliers: what a fleet gate fails on. */
  gating: boolean;
  robustZ: number;
  /** Relative difference from the fleet median, in % (−31 means 31 % below). */
  changePct: number;
  /** The outlier's typical value and the fleet median's, in metric units. */
  value: number;
  fleetMedian: number;
}

export interface NodeOutlier extends OutlierFigure {
  node: string;
  side: Side | 'both';
  from: 'effects' | 'pairs';
}

export interface PairOutlier extends OutlierFigure {
  client: string;
  server: string;
}

export interface FleetOutliers {
  nodes: NodeOutlier[];
  pairs: PairOutlier[];
}

export interface OutlierOptions {
  zCut?: number;
  minChange?: number;
}

function centreAndScale(values: readonly number[]): { centre: number; scale: number } {
  const centre = median(values);
  const mad = median(values.map((v) => Math.abs(v - centre)));
  return { centre, scale: Math.max(MAD_NORMAL_CONSISTENCY * mad, MIN_RELATIVE_SPREAD) };
}

/**
 * Robust z scores of `values` around their median, with the scale floored (see the file comment).
 * When some values are beyond `zCut`, centre and scale are estimated again from the others (one
 * reweighting step): with few values (a ring of 6 has 6 residuals, two of them from one slow node)
 * the outliers themselves inflate the MAD and would hide each other. `inflation` multiplies the scale
 * (residualInflation below).
 */
export function robustZ(
  values: readonly number[],
  zCut = OUTLIER_Z_CUT,
  inflation = 1,
): { centre: number; scale: number; z: number[] } {
  if (values.length === 0) return { centre: 0, scale: MIN_RELATIVE_SPREAD, z: [] };
  let { centre, scale } = centreAndScale(values);
  const inliers = values.filter((v) => Math.abs(v - centre) <= zCut * scale * inflation);
  if (inliers.length >= 2 && inliers.length < values.length) ({ centre, scale } = centreAndScale(inliers));
  scale *= inflation;
  return { centre, scale, z: values.map((v) => (v - centre) / scale) };
}

function speedOf(metric: MetricName, deltaLog: number): Speed {
  const higherIsBetter = metricDirection(metric) === 'higher-is-better';
  return deltaLog < 0 === higherIsBetter ? 'slow' : 'fast';
}

function isOutlier(z: number, deltaLog: number, options: Required<OutlierOptions>): boolean {
  return Math.abs(z) > options.zCut && Math.abs(Math.expm1(deltaLog)) >= options.minChange;
}

function figure(fit: EffectsFit, deltaLog: number, z: number, fleetMedian: number): OutlierFigure {
  const speed = speedOf(fit.metric, deltaLog);
  return {
    scenario: fit.scenario,
    metric: fit.metric,
    speed,
    gating: speed === 'slow',
    robustZ: z,
    changePct: 100 * Math.expm1(deltaLog),
    value: fleetMedian * Math.exp(deltaLog),
    fleetMedian,
  };
}

function effectOutliers(fit: EffectsFit, options: Required<OutlierOptions>): NodeOutlier[] {
  return (['client', 'server'] as const).flatMap((side) => {
    const effects = fit.effects.filter((e) => e.side === side);
    const { centre, z } = robustZ(
      effects.map((e) => e.effectLog),
      options.zCut,
    );
    const fleetMedian = Math.exp(fit.overallLog + centre);
    return effects.flatMap((e, i) => {
      const delta = e.effectLog - centre;
      const score = z[i] as number;
      if (!isOutlier(score, delta, options)) return [];
      return [{ ...figure(fit, delta, score, fleetMedian), node: e.node, side, from: 'effects' as const }];
    });
  });
}

/**
 * Residuals of a fit are tighter than the noise of its cells: each fitted effect absorbs part of the
 * noise, and median polish leaves one residual of an odd-sized row at exactly 0. With n cells and p
 * fitted parameters (overall + centred effects) the scale is inflated by √(n / (n − p)), as a residual
 * variance is divided by its degrees of freedom; with no degree of freedom left no pair is named.
 */
export function residualInflation(fit: EffectsFit): number {
  const count = (side: Side) => fit.effects.filter((e) => e.side === side).length;
  const parameters = 1 + Math.max(0, count('client') - 1) + Math.max(0, count('server') - 1);
  const freedom = fit.residuals.length - parameters;
  return freedom > 0 ? Math.sqrt(fit.residuals.length / freedom) : Number.POSITIVE_INFINITY;
}

function pairOutliers(fit: EffectsFit, options: Required<OutlierOptions>): PairOutlier[] {
  const inflation = residualInflation(fit);
  if (!Number.isFinite(inflation)) return [];
  const { centre, z } = robustZ(
    fit.residuals.map((r) => r.residualLog),
    options.zCut,
    inflation,
  );
  const fleetMedian = fit.residuals.length > 0 ? Math.exp(median(fit.residuals.map((r) => r.valueLog))) : 0;
  return fit.residuals.flatMap((r, i) => {
    const delta = r.residualLog - centre;
    const score = z[i] as number;
    if (!isOutlier(score, delta, options)) return [];
    return [{ ...figure(fit, delta, score, fleetMedian), client: r.client, server: r.server }];
  });
}

/**
 * Nodes with no estimable effect shared by two or more same-speed outlier pairs with different partners.
 * A node whose effects were fitted is judged by them alone: its slow pairs are then noise or links.
 */
function nodesFromPairs(pairs: readonly PairOutlier[], fitted: ReadonlySet<string>): NodeOutlier[] {
  const nodes = [...new Set(pairs.flatMap((p) => [p.client, p.server]))].filter((n) => !fitted.has(n));
  return nodes.flatMap((node) =>
    (['slow', 'fast'] as const).flatMap((speed) => {
      const mine = pairs.filter((p) => p.speed === speed && (p.client === node || p.server === node));
      const partners = new Set(mine.map((p) => (p.client === node ? p.server : p.client)));
      if (partners.size < 2) return [];
      const asClient = mine.every((p) => p.client === node);
      const asServer = mine.every((p) => p.server === node);
      const weakest = mine.reduce((a, b) => (Math.abs(a.robustZ) <= Math.abs(b.robustZ) ? a : b));
      const changePct = median(mine.map((p) => p.changePct));
      const side: NodeOutlier['side'] = asClient ? 'client' : asServer ? 'server' : 'both';
      const value = weakest.fleetMedian * (1 + changePct / 100);
      return [{ ...weakest, changePct, value, node, side, from: 'pairs' as const }];
    }),
  );
}

/** Outlier nodes (by effect, then by shared outlier pairs) and outlier pairs of one fit. */
export function findOutliers(fit: EffectsFit, options: OutlierOptions = {}): FleetOutliers {
  const settings = {
    zCut: options.zCut ?? OUTLIER_Z_CUT,
    minChange: options.minChange ?? MIN_OUTLIER_CHANGE,
  };
  const byEffect = effectOutliers(fit, settings);
  const pairs = pairOutliers(fit, settings);
  const fitted = new Set(fit.effects.map((e) => e.node));
  return { nodes: [...byEffect, ...nodesFromPairs(pairs, fitted)], pairs };
}

/** The nodes a fleet gate names as slow over all fits (each node once, in first-seen order). */
export function slowNodes(outliers: readonly FleetOutliers[]): string[] {
  return [...new Set(outliers.flatMap((o) => o.nodes.filter((n) => n.gating).map((n) => n.node)))];
}
