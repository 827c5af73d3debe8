/**
 * One metric's evidence and verdict under the run-level model (stats/run-level.ts). Pure. The
 * family-wise part (Holm across the gated metrics, error spent across looks) is compare-results.ts's;
 * this module answers "how strong is the evidence" and, given what Holm allowed, "what is the verdict".
 */
import { type Direction, type MetricName, metricDirection } from '../metrics/names.js';
import { type Verdict, worseSign } from '../stats/decision.js';
import { median } from '../stats/describe.js';
import {
  changeInterval,
  estimateChange,
  estimateFromSummary,
  estimateProblem,
  pBeyond,
  type RunLevelEstimate,
  type RunSummary,
  type SharedBetween,
} from '../stats/run-level.js';

/** Level of the shown interval of the change. */
export const INTERVAL_LEVEL = 0.9;

/**
 * The change a metric's verdict is built to catch, as a multiple of its floor: the rate ratio's 5 % floor
 * gives 15 %. Between the floor and this lies the zone where either verdict is right: a 10 % drop may be
 * shown a regression (beyond 5 %) or `unchanged` (less than 15 %). Showing a metric within ±floor instead
 * (two one-sided tests) left 98–100 % of unchanged simulated runs `inconclusive` under run-level drift,
 * because no run resolves ±5 % against a 2 % between-run spread (npm run bench:verdicts, 2026-12-06).
 */
export const DETECT_FACTOR = 3;

/**
 * The gate's miss rate at the change it is built to catch: "not worse by that much" is shown at this
 * level (spent across looks like the family's alpha), so a metric truly that much worse is called
 * `unchanged` in at most this share of runs.
 */
export const MISS_RATE = 0.05;

/** The evidence about one metric. */
export interface MetricEvidence {
  estimate?: RunLevelEstimate;
  /** Why there is no estimate (too few samples, zero values). */
  problem?: string;
  /** p-value of "worse by more than the threshold". */
  pWorse: number;
  /** p-value of "better by more than the threshold". */
  pBetter: number;
  /** p-value of "worse by the detectable change (threshold × DETECT_FACTOR) or more". */
  pNotWorse: number;
  changePct: number;
  ciLowPct: number;
  ciHighPct: number;
  baselineMedian: number;
  currentMedian: number;
}

/** The threshold as log-scale margins on the worse and the better side. */
export function logMargins(direction: Direction, thresholdPct: number): { worse: number; better: number } {
  const up = Math.log(1 + thresholdPct / 100);
  const down = thresholdPct >= 100 ? Number.POSITIVE_INFINITY : -Math.log(1 - thresholdPct / 100);
  return worseSign(direction) > 0 ? { worse: up, better: down } : { worse: down, better: up };
}

/** The runs already summarised, and the between-run variance pooled over scenarios (undefined: the metric's own). */
export interface PooledRuns {
  summary: RunSummary;
  between: SharedBetween | undefined;
}

/**
 * Gathers the evidence for one metric: baseline runs' values, the current run's, the threshold, and the
 * between-run variance pooled over scenarios (stats/between-pool.ts) when there is one.
 */
export function metricEvidence(
  metric: MetricName,
  baselineRuns: readonly (readonly number[])[],
  current: readonly number[],
  thresholdPct: number,
  prepared?: PooledRuns,
): MetricEvidence {
  const pooled = baselineRuns.flat();
  const medians = {
    baselineMedian: pooled.length > 0 ? median(pooled) : Number.NaN,
    currentMedian: current.length > 0 ? median(current) : Number.NaN,
  };
  const problem = estimateProblem(baselineRuns, current);
  if (problem !== undefined) {
    const nothing = Number.NaN;
    const changePct = (medians.currentMedian / medians.baselineMedian - 1) * 100;
    return {
      problem,
      pWorse: nothing,
      pBetter: nothing,
      pNotWorse: nothing,
      changePct,
      ciLowPct: nothing,
      ciHighPct: nothing,
      ...medians,
    };
  }
  const estimate =
    prepared === undefined
      ? estimateChange(baselineRuns, current)
      : estimateFromSummary(prepared.summary, prepared.between);
  const sign = worseSign(metricDirection(metric));
  const margins = logMargins(metricDirection(metric), thresholdPct);
  const detect = logMargins(metricDirection(metric), thresholdPct * DETECT_FACTOR);
  const interval = changeInterval(estimate, INTERVAL_LEVEL);
  return {
    estimate,
    pWorse: pBeyond(estimate, sign, margins.worse),
    pBetter: pBeyond(estimate, sign === 1 ? -1 : 1, margins.better),
    // Not worse by the detectable change D: sign·δ < D, i.e. −sign·δ > −D.
    pNotWorse: pBeyond(estimate, sign === 1 ? -1 : 1, -detect.worse),
    changePct: (Math.exp(estimate.logChange) - 1) * 100,
    ciLowPct: interval.lowPct,
    ciHighPct: interval.highPct,
    ...medians,
  };
}

function percent(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
}

function pText(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

/** How the spread was known, for the reason line. */
function spreadText(estimate: RunLevelEstimate): string {
  if (estimate.betweenRunPct === null) {
    return `run-to-run noise unknown (${estimate.baselineRuns} baseline run${estimate.baselineRuns === 1 ? '' : 's'})`;
  }
  const pooled = estimate.pooledScenarios > 1 ? ` × ${estimate.pooledScenarios} scenarios` : '';
  return `between-run spread ${estimate.betweenRunPct.toFixed(1)}% from ${estimate.baselineRuns} runs${pooled}`;
}

/** What Holm allowed for this metric at this look. */
export interface FamilyDecision {
  regression: boolean;
  improvement: boolean;
  /** The Holm-adjusted p-value of the side decided (for the reason line). */
  adjustedP: number;
  /** The family's error rate at this look, the adjusted p-value's bar. */
  level: number;
  /** This look's share of {@link MISS_RATE}: the bar of "not worse by the detectable change". */
  missLevel: number;
}

/**
 * The verdict, first that applies: regression (Holm rejected "not worse by more than the threshold");
 * improvement (the mirror image); unchanged (not worse by the detectable change, threshold ×
 * DETECT_FACTOR, at the look's share of MISS_RATE); inconclusive (anything else: more samples or more
 * baseline runs can decide).
 */
export function metricVerdict(
  evidence: MetricEvidence,
  thresholdPct: number,
  family: FamilyDecision,
): { verdict: Verdict; reason: string } {
  const { estimate } = evidence;
  if (estimate === undefined) return { verdict: 'inconclusive', reason: evidence.problem ?? 'no estimate' };
  const summary = `${percent(evidence.changePct)} (90% CI ${percent(evidence.ciLowPct)} to ${percent(evidence.ciHighPct)}); ${spreadText(estimate)}`;
  if (family.regression) {
    return {
      verdict: 'regression',
      reason: `${summary}; worse by more than ${thresholdPct}%: p = ${pText(evidence.pWorse)}, Holm-adjusted ${pText(family.adjustedP)} ≤ ${pText(family.level)}`,
    };
  }
  if (family.improvement) {
    return {
      verdict: 'improvement',
      reason: `${summary}; better by more than ${thresholdPct}%: p = ${pText(evidence.pBetter)}, Holm-adjusted ${pText(family.adjustedP)} ≤ ${pText(family.level)}`,
    };
  }
  const detectPct = thresholdPct * DETECT_FACTOR;
  if (evidence.pNotWorse <= family.missLevel) {
    return {
      verdict: 'unchanged',
      reason: `${summary}; not shown worse by more than ${thresholdPct}%, and worse by less than ${detectPct}%: p = ${pText(evidence.pNotWorse)} ≤ ${pText(family.missLevel)}`,
    };
  }
  return {
    verdict: 'inconclusive',
    reason: `${summary}; neither shown worse by more than ${thresholdPct}% (p = ${pText(evidence.pWorse)}) nor by less than ${detectPct}% (p = ${pText(evidence.pNotWorse)})`,
  };
}
