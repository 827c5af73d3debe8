/**
 * The gate's test for one metric when runs drift: the run is the unit of replication. Pure.
 *
 * Model, on the log scale (changes are ratios): value = μ + δ·[current run] + b(run) + e, where b is the
 * run's own level (the host's load, the node pair, the time of day: shared by all samples of a run, var
 * σ_b²) and e the sample's noise (var σ_w²). A one-way random-effects model, estimated by moments:
 * - each run is summarised by the mean of its log values, after clamping values beyond 4 robust standard
 *   deviations (scaled MAD) of the run's median, so one stray sample cannot move a run;
 * - σ_w² is pooled over all runs, the current one included (df = Σ(n − 1));
 * - with K ≥ {@link MIN_RUNS_FOR_SPREAD} baseline runs, σ_b² = max(0, s²(run means) − σ_w²/ñ) (ñ the
 *   harmonic mean of the baseline runs' sizes) when an F test says the run means differ (else 0, see
 *   {@link POOLING_P}), and the change δ̂ = m(current) − mean(m(baseline runs))
 *   has variance σ_b²(1 + 1/K) + σ_w²(1/n_c + 1/(K·ñ)): a prediction of where an unchanged run would
 *   land, with Welch–Satterthwaite degrees of freedom. With no between-run spread left, it is the
 *   within-run test; with much, it is a t test on K run means (df → K − 1).
 * - with fewer baseline runs σ_b is unknown and taken as 0: the within-run test, which cannot tell a
 *   drifted run from a change. The verdict says so (`betweenRunPct: null`).
 */
import { mean, median, scaledMedianAbsoluteDeviation } from './describe.js';
import { satterthwaite, type VarianceTerm } from './satterthwaite.js';
import { regularizedBeta, tQuantile, tUpperTail } from './student-t.js';

/** Fewest baseline runs from which the between-run spread is estimated; fewer: it is unknown. */
export const MIN_RUNS_FOR_SPREAD = 3;
/**
 * The between-run variance is used only when the run means differ more than sample noise explains with
 * p ≤ this (one-way ANOVA F test); otherwise it is pooled as 0 ("sometimes pool", Bancroft 1944; 0.25 is
 * the customary level). Without this, a between-run variance that is really 0 — what a good reference
 * ratio gives — is estimated above 0 half the time, and the test then has K − 1 degrees of freedom and
 * almost no power with a handful of baseline runs.
 */
export const POOLING_P = 0.25;
/** Values further than this many robust standard deviations from their run's median are clamped. */
export const CLAMP_ROBUST_SDS = 4;

/** What the model says about the change of one metric. */
export interface RunLevelEstimate {
  /** Estimated change, log scale (ln of current/baseline). */
  logChange: number;
  /** Its standard error, log scale. */
  standardError: number;
  /** Degrees of freedom of the t statistic. */
  df: number;
  /** Baseline runs the estimate used. */
  baselineRuns: number;
  /** Between-run standard deviation in percent, or null when too few baseline runs to know it. */
  betweenRunPct: number | null;
  /** Scenarios whose baseline runs the between-run spread was estimated from (1: this metric's own). */
  pooledScenarios: number;
  /** Within-run (sample to sample) standard deviation in percent. */
  withinRunPct: number;
  /** Geometric centre of the baseline runs and of the current run. */
  baselineCentre: number;
  currentCentre: number;
}

/** Why no estimate is possible, or undefined. Values must be > 0 (logs); each run needs 2 values. */
export function estimateProblem(
  baselineRuns: readonly (readonly number[])[],
  current: readonly number[],
): string | undefined {
  const runs = [...baselineRuns, current];
  if (baselineRuns.length === 0) return 'no baseline run';
  if (runs.some((run) => run.length < 2)) return 'a run with fewer than 2 samples';
  if (runs.some((run) => run.some((value) => !(value > 0 && Number.isFinite(value))))) {
    return 'zero or missing values (a ratio cannot be taken)';
  }
  return undefined;
}

/** Log values, those beyond {@link CLAMP_ROBUST_SDS} robust SDs (scaled MAD) of the median clamped to that distance. */
export function clampedLogs(values: readonly number[]): number[] {
  const logs = values.map(Math.log);
  const centre = median(logs);
  const spread = scaledMedianAbsoluteDeviation(logs) * CLAMP_ROBUST_SDS;
  if (!(spread > 0)) return logs;
  return logs.map((value) => Math.min(centre + spread, Math.max(centre - spread, value)));
}

/** P(F > f) for the F distribution with (d1, d2) degrees of freedom. */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return f === Number.POSITIVE_INFINITY ? 0 : 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/** Per-run means of the clamped log values and the within-run variance pooled over the runs. */
export interface RunMoments {
  means: number[];
  withinVar: number;
  withinDf: number;
}

/** The moments both the test and calibrate's fit start from. */
export function runMoments(runs: readonly (readonly number[])[]): RunMoments {
  const logs = runs.map(clampedLogs);
  const means = logs.map(mean);
  const withinDf = logs.reduce((sum, run) => sum + run.length - 1, 0);
  const withinVar = logs.reduce((sum, run, i) => sum + sumSquares(run, means[i] ?? 0), 0) / withinDf;
  return { means, withinVar, withinDf };
}

/** Σ (value − centre)². */
export function sumSquares(values: readonly number[], centre: number): number {
  return values.reduce((sum, value) => sum + (value - centre) ** 2, 0);
}

function percentOfLog(sd: number): number {
  return (Math.exp(sd) - 1) * 100;
}

/** A run-level summary of one metric: what the estimate and a pool over scenarios start from. */
export interface RunSummary {
  /** Mean of each baseline run's clamped log values. */
  baselineMeans: number[];
  currentMean: number;
  /** Within-run variance pooled over all runs, the current one included, and its df (Σ(n − 1)). */
  withinVar: number;
  withinDf: number;
  /** Harmonic mean of the baseline runs' sizes (ñ). */
  harmonicN: number;
  /** Samples in the current run (n_c). */
  currentN: number;
}

/** Summarises the runs; throws RangeError when {@link estimateProblem} finds a problem (check it first). */
export function summariseRuns(
  baselineRuns: readonly (readonly number[])[],
  current: readonly number[],
): RunSummary {
  const problem = estimateProblem(baselineRuns, current);
  if (problem !== undefined) throw new RangeError(`No run-level estimate: ${problem}.`);
  const { means, withinVar, withinDf } = runMoments([...baselineRuns, current]);
  return {
    baselineMeans: means.slice(0, -1),
    currentMean: means.at(-1) ?? 0,
    withinVar,
    withinDf,
    harmonicN: baselineRuns.length / baselineRuns.reduce((sum, run) => sum + 1 / run.length, 0),
    currentN: current.length,
  };
}

/** s² of the baseline run means (df K − 1). */
export function runMeanVariance(summary: RunSummary): number {
  const k = summary.baselineMeans.length;
  return sumSquares(summary.baselineMeans, mean(summary.baselineMeans)) / (k - 1);
}

/**
 * The between-run variance σ_b² estimated from more than this metric's own baseline runs (pooled over
 * scenarios, stats/between-pool.ts): its value and its make-up, for the degrees of freedom.
 */
export interface SharedBetween {
  /** σ_b², log scale, ≥ 0; 0: no between-run spread shown. */
  variance: number;
  /** σ_b² as Σ coefficient·estimate; this metric's own within-run variance has the key {@link OWN_WITHIN}. */
  terms: VarianceTerm[];
  /** Scenarios whose baseline runs it came from. */
  scenarios: number;
}

/** Key of the metric's own within-run variance among a {@link SharedBetween}'s terms. */
export const OWN_WITHIN = 'own-within';

/** σ_b² from the metric's own baseline runs, after the pooling F test; undefined below {@link MIN_RUNS_FOR_SPREAD} runs. */
export function ownBetween(summary: RunSummary): SharedBetween | undefined {
  const k = summary.baselineMeans.length;
  if (k < MIN_RUNS_FOR_SPREAD) return undefined;
  const { withinVar, withinDf, harmonicN } = summary;
  const runMeanVar = runMeanVariance(summary);
  const runsDiffer = fUpperTail((harmonicN * runMeanVar) / withinVar, k - 1, withinDf) <= POOLING_P;
  const variance = runsDiffer ? Math.max(0, runMeanVar - withinVar / harmonicN) : 0;
  const terms = [
    { coefficient: 1, estimate: runMeanVar, df: k - 1 },
    { coefficient: -1 / harmonicN, estimate: withinVar, df: withinDf, key: OWN_WITHIN },
  ];
  return { variance, terms, scenarios: 1 };
}

/**
 * Estimates the change of current against the baseline runs under the model above, with the
 * between-run variance from `between` (pooled over scenarios) or, without it, from the metric's own
 * baseline runs. Throws RangeError when {@link estimateProblem} finds a problem (check it first).
 */
export function estimateChange(
  baselineRuns: readonly (readonly number[])[],
  current: readonly number[],
  between?: SharedBetween,
): RunLevelEstimate {
  return estimateFromSummary(summariseRuns(baselineRuns, current), between);
}

/** {@link estimateChange} from a summary. */
export function estimateFromSummary(summary: RunSummary, shared?: SharedBetween): RunLevelEstimate {
  const { baselineMeans, currentMean, withinVar, withinDf, harmonicN, currentN } = summary;
  const k = baselineMeans.length;
  const logChange = currentMean - mean(baselineMeans);
  // σ_w²(1/n_c + 1/(Kñ)): the sample noise in the current run's mean and the baseline's.
  const own = {
    coefficient: 1 / currentN + 1 / (k * harmonicN),
    estimate: withinVar,
    df: withinDf,
    key: OWN_WITHIN,
  };
  const between = shared ?? ownBetween(summary);
  let variance = own.coefficient * withinVar;
  let df = withinDf;
  if (between !== undefined && between.variance > 0) {
    // + σ_b²(1 + 1/K): the current run's own level and the error in the baseline's centre.
    const scaled = between.terms.map((t) => ({ ...t, coefficient: t.coefficient * (1 + 1 / k) }));
    ({ variance, df } = satterthwaite([own, ...scaled]));
  }
  return {
    logChange,
    standardError: Math.sqrt(variance),
    df,
    baselineRuns: k,
    betweenRunPct: between === undefined ? null : percentOfLog(Math.sqrt(between.variance)),
    pooledScenarios: between?.scenarios ?? 1,
    withinRunPct: percentOfLog(Math.sqrt(withinVar)),
    baselineCentre: Math.exp(mean(baselineMeans)),
    currentCentre: Math.exp(currentMean),
  };
}

/**
 * One-sided p-value that the change is beyond `marginLog` (log scale) on the side `sign` points to
 * (+1: up, −1: down): the test of H0 sign·δ ≤ marginLog against sign·δ > marginLog.
 */
export function pBeyond(estimate: RunLevelEstimate, sign: 1 | -1, marginLog: number): number {
  if (estimate.standardError === 0) return sign * estimate.logChange > marginLog ? 0 : 1;
  return tUpperTail((sign * estimate.logChange - marginLog) / estimate.standardError, estimate.df);
}

/** Two-sided interval of the change at `level` (e.g. 0.9), in percent. */
export function changeInterval(
  estimate: RunLevelEstimate,
  level: number,
): { lowPct: number; highPct: number } {
  const half = tQuantile(1 - (1 - level) / 2, estimate.df) * estimate.standardError;
  return {
    lowPct: (Math.exp(estimate.logChange - half) - 1) * 100,
    highPct: (Math.exp(estimate.logChange + half) - 1) * 100,
  };
}
