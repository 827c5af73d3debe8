/**
 * Robust scale and outlier figures shared by outliers.ts, shared-pairs.ts and compare.ts. Pure. The
 * constants' reasons are in outliers.ts's file comment.
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

export interface OutlierFigure {
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

export interface OutlierOptions {
  zCut?: number;
  minChange?: number;
}

/** Median and 1.4826 × MAD, floored at MIN_RELATIVE_SPREAD. */
export function centreAndScale(values: readonly number[]): { centre: number; scale: number } {
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

export function speedOf(metric: MetricName, deltaLog: number): Speed {
  const higherIsBetter = metricDirection(metric) === 'higher-is-better';
  return deltaLog < 0 === higherIsBetter ? 'slow' : 'fast';
}

export function isOutlier(z: number, deltaLog: number, options: Required<OutlierOptions>): boolean {
  return Math.abs(z) > options.zCut && Math.abs(Math.expm1(deltaLog)) >= options.minChange;
}

export function figure(fit: EffectsFit, deltaLog: number, z: number, fleetMedian: number): OutlierFigure {
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

/** √(π/2): σ of a normal from its mean absolute deviation, and the standard error of a median per σ/√m. */
export const SQRT_HALF_PI = Math.sqrt(Math.PI / 2);

/** Residuals within this of 0 (log units) are cells the polish passed through exactly. */
const EXACT_FIT = 1e-9;

/**
 * The noise of one pair's cell (log units) as a fit's residuals show it: 1.4826 × MAD (one
 * reweighting, as robustZ) of the residuals that are not exactly 0, inflated by residualInflation; +∞
 * with no residual freedom. Why without the zeros: median polish passes exactly through the cells that
 * set a median, and on a small table most cells do (a 4-node `all` fit on a noisy machine left 8 of 12
 * residuals at 0 while the others scattered by 50 % and more), which drives the MAD to its floor and
 * turns chance agreement into z-scores of 60. A zero residual tells nothing about the noise.
 */
export function pairNoise(fit: EffectsFit): number {
  const inflation = residualInflation(fit);
  if (!Number.isFinite(inflation)) return Number.POSITIVE_INFINITY;
  const informative = fit.residuals.map((r) => r.residualLog).filter((r) => Math.abs(r) > EXACT_FIT);
  return robustZ(informative, OUTLIER_Z_CUT, inflation).scale;
}

/** Standard error of a median-polished effect resting on `cells` cells of noise `noise` (log units). */
export function effectError(noise: number, cells: number): number {
  return (SQRT_HALF_PI * noise) / Math.sqrt(Math.max(1, cells));
}
