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

/** Level of the two one-sided tests that show a metric unchanged (within ±threshold), and of the shown interval (1 − 2·this). */
export const EQUIVALENCE_ALPHA = 0.05;

/** The evidence about one metric. */
export interface MetricEvidence {
  estimate?: RunLevelEstimate;
  /** Why there is no estimate (too few samples, zero values). */
  problem?: string;
  /** p-value of "worse by more than the threshold". */
  pWorse: number;
  /** p-value of "better by more than the threshold". */
  pBetter: number;
  /** Larger of the two one-sided p-values of "within ±threshold" (TOST). */
  pWithin: number;
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
      pWithin: nothing,
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
  const interval = changeInterval(estimate, 1 - 2 * EQUIVALENCE_ALPHA);
  return {
    estimate,
    pWorse: pBeyond(estimate, sign, margins.worse),
    pBetter: pBeyond(estimate, sign === 1 ? -1 : 1, margins.better),
    // Within the margins: not worse by τ_w (sign·δ < τ_w) and not better by τ_b (−sign·δ < τ_b).
    pWithin: Math.max(
      pBeyond(estimate, sign === 1 ? -1 : 1, -margins.worse),
      pBeyond(estimate, sign, -margins.better),
    ),
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
}

/**
 * The verdict, first that applies: regression (Holm rejected "not worse by more than the threshold");
 * improvement (the mirror image); unchanged (the 90% interval lies within ±threshold: two one-sided
 * tests at 5%); inconclusive (anything else: more samples or more baseline runs can decide).
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
  if (evidence.pWithin <= EQUIVALENCE_ALPHA) {
    return { verdict: 'unchanged', reason: `${summary}; within ±${thresholdPct}%` };
  }
  return {
    verdict: 'inconclusive',
    reason: `${summary}; neither shown beyond nor within ±${thresholdPct}% (p worse = ${pText(evidence.pWorse)})`,
  };
}
