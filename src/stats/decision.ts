/**
 * The gate's decision rule applied to gathered evidence (see `compareSamples` in compare.ts for the
 * rule as documented for users). Pure; kept apart so compare.ts reads as validate → measure → decide.
 */
import { smallestExactPValue } from './mann-whitney.js';

/** Which way a metric improves: throughput and transactions/s up; latency and CPU down. */
export type Direction = 'higher-is-better' | 'lower-is-better';

/** Verdict for one metric. */
export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'inconclusive';

/** What the tests found, as changes of current relative to baseline in percent. */
export interface Evidence {
  changePct: number;
  ciLowPct: number;
  ciHighPct: number;
  /** One-sided p-value for a shift to the worse side. */
  pWorse: number;
  /** One-sided p-value for a shift to the better side. */
  pBetter: number;
}

/** Validated options of the rule. */
export interface Settings {
  direction: Direction;
  thresholdPct: number;
  alpha: number;
  minSamples: number;
}

/** +1 if worse means up, −1 if worse means down: the one place that knows what a direction means. */
export function worseSign(direction: Direction): 1 | -1 {
  switch (direction) {
    case 'higher-is-better':
      return -1;
    case 'lower-is-better':
      return 1;
    default: {
      const unknown: never = direction;
      throw new RangeError(
        `Invalid direction '${String(unknown)}'. Expected higher-is-better or lower-is-better.`,
      );
    }
  }
}

function percent(value: number): string {
  // Samples are ≥ 0, so the only infinite change is a rise from a zero baseline.
  if (value === Number.POSITIVE_INFINITY) return '+∞%';
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
}

function pText(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

/** Why no verdict is possible with these sample sizes, or undefined if one is. */
export function sizeProblem(
  baselineCount: number,
  currentCount: number,
  settings: Settings,
): string | undefined {
  const { minSamples, alpha } = settings;
  if (baselineCount < minSamples || currentCount < minSamples) {
    return `${baselineCount} baseline and ${currentCount} current samples; at least ${minSamples} per side are needed`;
  }
  const smallestP = smallestExactPValue(baselineCount, currentCount);
  if (smallestP > alpha) {
    return (
      `with ${baselineCount} baseline and ${currentCount} current samples the smallest achievable ` +
      `p-value is ${pText(smallestP)} > alpha ${alpha}, so no change can be shown; take more samples`
    );
  }
  return undefined;
}

/** Applies steps 4–5 of the rule documented on `compareSamples`. */
export function decide(evidence: Evidence, settings: Settings): { verdict: Verdict; reason: string } {
  const { thresholdPct: threshold, alpha } = settings;
  const sign = worseSign(settings.direction);
  const levelPct = Number(((1 - 2 * alpha) * 100).toFixed(1));
  // Oriented so that positive means worse; widened to contain the point estimate.
  const bounds = [evidence.ciLowPct, evidence.ciHighPct, evidence.changePct].map((value) => sign * value);
  const leastWorse = Math.min(...bounds);
  const mostWorse = Math.max(...bounds);
  const summary = `median ${percent(evidence.changePct)} (${levelPct}% CI ${percent(evidence.ciLowPct)} to ${percent(evidence.ciHighPct)})`;
  const worseP = `one-sided Mann-Whitney p = ${pText(evidence.pWorse)}`;
  const betterP = `one-sided Mann-Whitney p = ${pText(evidence.pBetter)}`;
  if (evidence.pWorse <= alpha && leastWorse > threshold) {
    return {
      verdict: 'regression',
      reason: `${summary} beyond the ${threshold}% threshold; ${worseP} ≤ ${alpha}`,
    };
  }
  if (evidence.pBetter <= alpha && mostWorse < -threshold) {
    return {
      verdict: 'improvement',
      reason: `${summary} beyond the ${threshold}% threshold; ${betterP} ≤ ${alpha}`,
    };
  }
  if (leastWorse >= -threshold && mostWorse <= threshold) {
    return { verdict: 'unchanged', reason: `${summary} within ±${threshold}%` };
  }
  const pValue = Math.min(evidence.pWorse, evidence.pBetter);
  const why =
    pValue <= alpha
      ? `significant (p = ${pText(pValue)}) but the interval crosses the ±${threshold}% threshold`
      : `not significant (p = ${pText(pValue)} > ${alpha}) and not within ±${threshold}%`;
  return { verdict: 'inconclusive', reason: `${summary} ${why}; more samples can decide` };
}
