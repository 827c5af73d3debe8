/**
 * One between-run variance for a metric kind, pooled over the scenarios that measured it. Pure.
 *
 * With K baseline runs a scenario's own σ_b² rests on K − 1 degrees of freedom, so the gate's t
 * quantiles are large (t₉ at 0.003 is 3.6, the normal's 2.7). The scenarios of one run share the run's
 * conditions, and a metric kind (the pod/reference rate ratio, say) drifts alike in each, so σ_b² is
 * estimated from all of them: σ̂_b² = Σ cᵢ(sᵢ² − σ̂_wᵢ²/ñᵢ), cᵢ = (Kᵢ − 1)/Σ(K − 1), on about Σ(Kᵢ − 1)
 * degrees of freedom (each scenario keeps its own within-run variance). Assumption: the scenarios share
 * σ_b². A scenario noisier than the rest would borrow too small a variance and raise false alarms, so
 * each one's run means are first tested against the pool of the others (one-sided F test of sⱼ² against
 * σ̂_b²(others) + σ̂_wⱼ²/ñⱼ at {@link HETEROGENEITY_P}); one that is noisier keeps its own σ_b², and the
 * rest are pooled without it. A quieter scenario is pooled: a larger variance is only conservative.
 */
import {
  fUpperTail,
  MIN_RUNS_FOR_SPREAD,
  OWN_WITHIN,
  POOLING_P,
  type RunSummary,
  runMeanVariance,
  type SharedBetween,
} from './run-level.js';
import { satterthwaite, type VarianceTerm } from './satterthwaite.js';

/**
 * Level of the test that keeps a scenario out of the pool because its runs spread more than the
 * others' explain. Not the customary 0.25 of "sometimes pool": under a shared σ_b² that would put a
 * quarter of the scenarios on their own K − 1 df and take back most of the power pooling gives.
 */
export const HETEROGENEITY_P = 0.1;

/** σ̂_b² = Σ cᵢsᵢ² − Σ cᵢσ̂_wᵢ²/ñᵢ over `members`, as terms; `own` names the member whose within-run variance is the metric's own. */
function pooledTerms(members: readonly RunSummary[], own?: RunSummary): VarianceTerm[] {
  const totalDf = members.reduce((sum, m) => sum + m.baselineMeans.length - 1, 0);
  return members.flatMap((member, i) => {
    const share = (member.baselineMeans.length - 1) / totalDf;
    return [
      { coefficient: share, estimate: runMeanVariance(member), df: member.baselineMeans.length - 1 },
      {
        coefficient: -share / member.harmonicN,
        estimate: member.withinVar,
        df: member.withinDf,
        key: member === own ? OWN_WITHIN : `within-${i}`,
      },
    ];
  });
}

/** Whether `member`'s run means spread more than the others' pooled σ_b² and its own sample noise explain. */
function noisierThanOthers(member: RunSummary, others: readonly RunSummary[]): boolean {
  const othersBetween = satterthwaite(pooledTerms(others));
  const ownNoise = { coefficient: 1 / member.harmonicN, estimate: member.withinVar, df: member.withinDf };
  const expected = satterthwaite(
    othersBetween.variance > 0 ? [...pooledTerms(others), ownNoise] : [ownNoise],
  );
  const f = runMeanVariance(member) / expected.variance;
  return fUpperTail(f, member.baselineMeans.length - 1, expected.df) <= HETEROGENEITY_P;
}

/** The pool's σ_b² for `own`, after the same "sometimes pool" F test as one scenario's (run-level.ts). */
function sharedFor(members: readonly RunSummary[], own: RunSummary): SharedBetween {
  const terms = pooledTerms(members, own);
  const runMeans = terms.filter((t) => t.key === undefined);
  const noise = terms.filter((t) => t.key !== undefined);
  const s = runMeans.reduce((sum, t) => sum + t.coefficient * t.estimate, 0);
  const w = -noise.reduce((sum, t) => sum + t.coefficient * t.estimate, 0);
  const numeratorDf = runMeans.reduce((sum, t) => sum + t.df, 0);
  const denominatorDf = noise.reduce((sum, t) => sum + t.df, 0);
  const runsDiffer = w > 0 ? fUpperTail(s / w, numeratorDf, denominatorDf) <= POOLING_P : s > 0;
  return { variance: runsDiffer ? Math.max(0, s - w) : 0, terms, scenarios: members.length };
}

/**
 * The between-run variance each summary's estimate should use: the pool's, or undefined where the
 * scenario keeps its own (too few baseline runs to know any, noisier than the others, or nothing to
 * pool with). Summaries are one metric kind's, one per scenario.
 */
export function poolBetweenRuns(summaries: readonly RunSummary[]): (SharedBetween | undefined)[] {
  const known = summaries.filter((s) => s.baselineMeans.length >= MIN_RUNS_FOR_SPREAD);
  if (known.length < 2) return summaries.map(() => undefined);
  const noisier = new Set(
    known.filter((member) =>
      noisierThanOthers(
        member,
        known.filter((other) => other !== member),
      ),
    ),
  );
  const members = known.filter((member) => !noisier.has(member));
  if (members.length < 2) return summaries.map(() => undefined);
  return summaries.map((summary) => (members.includes(summary) ? sharedFor(members, summary) : undefined));
}
