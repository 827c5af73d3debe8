/**
 * Fleet against an earlier fleet run: which nodes got slower. Pure.
 *
 * Per scenario, metric, node and side present in both runs, the change is the node's effect now minus
 * its effect then, each relative to its own run's median effect (so a fleet-wide shift, a new kernel on
 * every node, moves no node). A node got worse when the change is in the slow direction, at least
 * `minChange` (default 10 %), and beyond noise: more than `zCut` (3.5) standard errors, where the
 * standard error of a median-polished effect on m cells is √(π/2) · σ / √m and σ is the run's pair
 * residual scale (robust, floored, inflated for degrees of freedom as in outliers.ts). Where a run has
 * no residual freedom (every cell fitted exactly) its noise is unknown and nothing is judged.
 *
 * Interface for the CLI and action (next step): `compareFleetFits(baselineFits, currentFits)` gives the
 * nodes to name; each carries both runs' figures vs their fleet medians and the change.
 */

import { type MetricName, metricDirection } from '../metrics/names.js';
import { median } from '../stats/describe.js';
import type { EffectsFit, NodeEffect, Side } from './effects.js';
import { MIN_OUTLIER_CHANGE, OUTLIER_Z_CUT, type Speed } from './outliers.js';
import { pairNoise } from './robust.js';

/** A node whose effect moved between two fleet runs. */
export interface NodeChange {
  scenario: string;
  metric: MetricName;
  node: string;
  side: Side;
  /** The node vs its fleet's median, in %, in the earlier and in this run. */
  beforePct: number;
  afterPct: number;
  /** How much the node moved relative to its fleet, in % (−20: 20 % slower than before). */
  changePct: number;
  /** The change in standard errors. */
  z: number;
  speed: Speed;
}

export interface CompareFleetOptions {
  minChange?: number;
  zCut?: number;
}

const SE_OF_MEDIAN = Math.sqrt(Math.PI / 2);

/** Pair noise of a fit (log units, see pairNoise); +∞ when it has no residual freedom. */
export function residualScale(fit: EffectsFit): number {
  return pairNoise(fit);
}

function centred(fit: EffectsFit, side: Side): Map<string, NodeEffect & { relativeLog: number }> {
  const effects = fit.effects.filter((e) => e.side === side);
  const centre = effects.length > 0 ? median(effects.map((e) => e.effectLog)) : 0;
  return new Map(effects.map((e) => [e.node, { ...e, relativeLog: e.effectLog - centre }]));
}

function changesOfFit(before: EffectsFit, after: EffectsFit, minChange: number, zCut: number): NodeChange[] {
  const sigmaBefore = residualScale(before);
  const sigmaAfter = residualScale(after);
  if (!Number.isFinite(sigmaBefore) || !Number.isFinite(sigmaAfter)) return [];
  const higherIsBetter = metricDirection(after.metric) === 'higher-is-better';
  return (['client', 'server'] as const).flatMap((side) => {
    const then = centred(before, side);
    return [...centred(after, side).values()].flatMap((now) => {
      const old = then.get(now.node);
      if (old === undefined) return [];
      const deltaLog = now.relativeLog - old.relativeLog;
      const noise = SE_OF_MEDIAN * Math.sqrt(sigmaBefore ** 2 / old.cells + sigmaAfter ** 2 / now.cells);
      const speed: Speed = deltaLog < 0 === higherIsBetter ? 'slow' : 'fast';
      const z = deltaLog / noise;
      if (speed !== 'slow' || Math.abs(Math.expm1(deltaLog)) < minChange || Math.abs(z) <= zCut) return [];
      return [
        {
          scenario: after.scenario,
          metric: after.metric,
          node: now.node,
          side,
          beforePct: 100 * Math.expm1(old.relativeLog),
          afterPct: 100 * Math.expm1(now.relativeLog),
          changePct: 100 * Math.expm1(deltaLog),
          z,
          speed,
        },
      ];
    });
  });
}

/**
 * Nodes that got slower than in the earlier run, per fit matched by scenario and metric (fits in only
 * one of the runs are skipped). Only slower nodes are returned: they are what a fleet gate names.
 */
export function compareFleetFits(
  baseline: readonly EffectsFit[],
  current: readonly EffectsFit[],
  options: CompareFleetOptions = {},
): NodeChange[] {
  const minChange = options.minChange ?? MIN_OUTLIER_CHANGE;
  const zCut = options.zCut ?? OUTLIER_Z_CUT;
  return current.flatMap((after) => {
    const before = baseline.find((b) => b.scenario === after.scenario && b.metric === after.metric);
    return before === undefined ? [] : changesOfFit(before, after, minChange, zCut);
  });
}
