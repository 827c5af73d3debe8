/**
 * The sequential gate's schedule and bookkeeping, pure: at which sample counts it looks, which verdicts
 * stand from one look to the next, which scenarios need more pairs. `gate` (run/gate-command.ts) and the
 * simulation (scripts/verdict-sim.ts) both follow it.
 */
import type { Verdict } from '../stats/compare.js';
import type { ResultsComparison } from './compare-results.js';

/** The looks of the sequential gate: how many pairs each scenario has at each look. */
export interface LookPlan {
  /** Pairs added per further look: an even number, so the A B B A order continues. */
  step: number;
  /** Most pairs per scenario. */
  maxSamples: number;
  looks: number;
}

/** Looks at n₀, n₀ + step, … up to maxSamples (default 2·n₀), step about n₀/2 rounded up to even. */
export function planLooks(initialSamples: number, maxSamples = 2 * initialSamples): LookPlan {
  const max = Math.max(initialSamples, maxSamples);
  const step = Math.max(2, 2 * Math.ceil(initialSamples / 4));
  return { step, maxSamples: max, looks: 1 + Math.ceil((max - initialSamples) / step) };
}

/** Pairs per scenario at each look of the plan, e.g. 6 → 10 → 12. */
export function lookSchedule(initialSamples: number, maxSamples: number): number[] {
  const plan = planLooks(initialSamples, maxSamples);
  return Array.from({ length: plan.looks }, (_, i) =>
    Math.min(plan.maxSamples, initialSamples + i * plan.step),
  );
}

/** Records the gated regressions and improvements of a look: they stand at later looks. */
export function settleVerdicts(comparison: ResultsComparison, settled: Map<string, Verdict>): void {
  for (const scenario of comparison.scenarios) {
    for (const m of scenario.metrics) {
      if (m.gated && (m.verdict === 'regression' || m.verdict === 'improvement')) {
        settled.set(`${scenario.name}/${m.metric}`, m.verdict);
      }
    }
  }
}

/** Names of the scenarios with an undecided primary metric: more pairs may settle them. */
export function undecidedScenarios(comparison: ResultsComparison): Set<string> {
  return new Set(
    comparison.scenarios
      .filter((s) => s.metrics.some((m) => m.role === 'primary' && m.verdict === 'inconclusive'))
      .map((s) => s.name),
  );
}
