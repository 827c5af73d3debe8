/** What the action says about an outcome: annotations, the one-line summary, the counts. Pure. */
import type { MetricComparison, ResultsComparison } from '../compare/compare-results.js';
import { metricUnit } from '../metrics/names.js';
import { formatMetric, formatPercentChange } from '../report/format.js';
import { formatInterval, verdictTally } from '../report/report-input.js';

/** The `verdict` output: the gate's verdict, or `error` when the run failed. */
export type ActionVerdict = 'pass' | 'regression' | 'inconclusive' | 'no-baseline' | 'error';

/** One annotation on the run: an error (a warning when the step passes) per regression, a notice per improvement. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
}

/** Counts for the `regressions` and `improvements` outputs (gated metrics only; 0 without a baseline). */
export function verdictCounts(comparison: ResultsComparison | undefined): {
  regressions: number;
  improvements: number;
} {
  return {
    regressions: comparison?.counts.regression ?? 0,
    improvements: comparison?.counts.improvement ?? 0,
  };
}

function figures(metric: MetricComparison): string {
  const unit = metricUnit(metric.metric);
  const from = formatMetric(metric.metric, metric.baselineMedian);
  const to = formatMetric(metric.metric, metric.currentMedian);
  const threshold = metric.threshold === 'off' ? 'off' : `±${metric.threshold}%`;
  return `${from} → ${to} ${unit} (${formatPercentChange(metric.changePct)}; 90% interval ${formatInterval(metric)}; threshold ${threshold})`;
}

/**
 * An error per regressed gated metric, a notice per improved one, and an error for an environment the
 * policy fails; errors are warnings when the step passes (`stepFails` false: fail-on-regression off).
 */
export function annotationsFor(comparison: ResultsComparison | undefined, stepFails = true): Annotation[] {
  if (comparison === undefined) return [];
  const problem = stepFails ? 'error' : 'warning';
  const annotations: Annotation[] = [];
  for (const scenario of comparison.scenarios) {
    for (const metric of scenario.metrics) {
      if (!metric.gated) continue;
      if (metric.verdict === 'regression' || metric.verdict === 'improvement') {
        const level = metric.verdict === 'regression' ? problem : 'notice';
        const what = metric.verdict === 'regression' ? 'regressed' : 'improved';
        annotations.push({
          level,
          title: `netperf-gate: ${scenario.name} ${metric.metric} ${what}`,
          message: `${scenario.name} ${metric.metric}: ${figures(metric)}. ${metric.reason}`,
        });
      }
    }
  }
  if (comparison.environmentFails) {
    const fields = comparison.environment.map((difference) => difference.field).join(', ');
    annotations.push({
      level: problem,
      title: 'netperf-gate: the environment differs from the baseline',
      message: `environment-policy is fail and these differ: ${fields}`,
    });
  }
  return annotations;
}

/** The `summary` output: one line, e.g. "REGRESSION: 1 regressed, 0 improved, 9 unchanged, 0 inconclusive". */
export function summaryLine(verdict: ActionVerdict, comparison?: ResultsComparison, detail?: string): string {
  switch (verdict) {
    case 'error':
      return `ERROR: ${detail ?? 'the run failed'}`;
    case 'no-baseline':
      return `NO BASELINE: ${detail ?? 'nothing to compare with'}; these results can become the baseline`;
    case 'pass':
    case 'inconclusive':
    case 'regression': {
      const word = verdict.toUpperCase();
      return comparison === undefined ? word : `${word}: ${verdictTally(comparison)}`;
    }
  }
}
