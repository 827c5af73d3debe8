/**
 * The gated family's evidence and error control, pure: every candidate metric's evidence with the
 * between-run variance of its metric kind pooled over scenarios (stats/between-pool.ts), and the weighted
 * Holm adjustment over the gated ones (stats/holm.ts). compare-results.ts turns them into verdicts.
 */

import { METRIC_NAMES, type MetricName, type Threshold } from '../metrics/names.js';
import { poolBetweenRuns } from '../stats/between-pool.js';
import { weightedHolmAdjusted } from '../stats/holm.js';
import { estimateProblem, summariseRuns } from '../stats/run-level.js';
import { type MetricEvidence, metricEvidence, type PooledRuns } from './metric-verdict.js';
import type { MetricRole } from './thresholds.js';

/** A metric before the family decides: its role, threshold and data (evidence once pooled). */
export interface Candidate {
  scenario: string;
  metric: MetricName;
  role: MetricRole;
  threshold: Threshold;
  baselineRuns: number[][];
  current: number[];
}

/** A candidate with its evidence. */
export interface Judged extends Candidate {
  evidence: MetricEvidence;
}

/**
 * The evidence of every candidate, the between-run variance of each metric kind pooled over the
 * scenarios that have it (stats/between-pool.ts).
 */
export function judge(candidates: readonly Candidate[]): Judged[] {
  const pooled = new Map<Candidate, PooledRuns>();
  for (const metric of METRIC_NAMES) {
    const kind = candidates.filter(
      (c) => c.metric === metric && estimateProblem(c.baselineRuns, c.current) === undefined,
    );
    const summaries = kind.map((c) => summariseRuns(c.baselineRuns, c.current));
    const pools = poolBetweenRuns(summaries);
    for (const [i, candidate] of kind.entries()) {
      const summary = summaries[i];
      if (summary !== undefined) pooled.set(candidate, { summary, between: pools[i] });
    }
  }
  return candidates.map((c) => ({
    ...c,
    evidence: metricEvidence(
      c.metric,
      c.baselineRuns,
      c.current,
      c.threshold === 'off' ? 0 : c.threshold,
      pooled.get(c),
    ),
  }));
}

/**
 * The share of the family's error rate a gated metric gets, relative to a primary one's (weighted Holm).
 * A guard (the raw rate beside a reference) only watches for what slows both paths by more than its 15 %
 * floor; giving the four guards a fifth of a primary's weight each moves their share of α from 1/3 to
 * 1/11 and lifts each primary's from 1/12 to 1/8.8, the power that matters (npm run bench:verdicts).
 */
export const GUARD_WEIGHT = 0.2;

/**
 * Weighted-Holm-adjusted p-values over the gated metrics as one family (primary weight 1, guard
 * {@link GUARD_WEIGHT}); a shown metric keeps its own p-value (it is never counted, so it needs no
 * share of the family's error rate).
 */
export function familyAdjusted(candidates: readonly Judged[], pick: (e: MetricEvidence) => number): number[] {
  const gated = candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.role !== 'shown');
  const weights = gated.map(({ c }) => (c.role === 'guard' ? GUARD_WEIGHT : 1));
  const adjusted = weightedHolmAdjusted(
    gated.map(({ c }) => pick(c.evidence)),
    weights,
  );
  const result = candidates.map((c) => pick(c.evidence));
  for (const [k, { i }] of gated.entries()) result[i] = adjusted[k] ?? 1;
  return result;
}
