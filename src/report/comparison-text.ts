import type { ResultsComparison, ScenarioComparison } from '../compare/compare-results.js';
import { metricUnit } from '../metrics/names.js';
import { renderTextTable } from './format.js';
import { comparisonRow, gateMethodLines, verdictTally, verdictWord } from './report-input.js';

function scenarioBlock(scenario: ScenarioComparison): string {
  const rows = scenario.metrics.map((m) =>
    comparisonRow(m, `${m.metric} (${metricUnit(m.metric, scenario.test)})`, verdictWord(m)),
  );
  const table = renderTextTable(
    [scenario.name, 'baseline', 'current', 'change', 'interval', 'p', 'threshold', 'verdict'],
    rows,
  );
  const notes = scenario.notes.map((note) => `  note: ${note}`);
  return [table, ...notes].join('\n');
}

/** The first line of every report: the verdict and the counts behind it. */
export function verdictLine(comparison: ResultsComparison): string {
  const tally = verdictTally(comparison);
  const environment = comparison.environmentFails ? '; the environment differs (policy: fail)' : '';
  return `Verdict: ${comparison.verdict.toUpperCase()} (${tally}${environment})`;
}

/** Why each non-unchanged metric got its verdict, one line each. */
function reasons(comparison: ResultsComparison): string[] {
  return comparison.scenarios.flatMap((scenario) =>
    scenario.metrics
      .filter((m) => m.gated && m.verdict !== 'unchanged')
      .map((m) => `  ${scenario.name} ${m.metric}: ${m.verdict} — ${m.reason}`),
  );
}

/**
 * The comparison as terminal text: the verdict first, then a table per scenario (medians, change,
 * bootstrap interval of the change, Mann-Whitney p, threshold, verdict), reasons, what could not be
 * compared and environment differences.
 */
export function renderComparisonText(comparison: ResultsComparison): string {
  const parts = [
    [verdictLine(comparison), ...gateMethodLines(comparison)].join('\n'),
    ...comparison.scenarios.map(scenarioBlock),
  ];
  const why = reasons(comparison);
  if (why.length > 0) parts.push(['Why:', ...why].join('\n'));
  if (comparison.skipped.length > 0) {
    parts.push(['Not compared:', ...comparison.skipped.map((s) => `  ${s.name}: ${s.reason}`)].join('\n'));
  }
  if (comparison.environment.length > 0) {
    const rows = comparison.environment.map((d) => `  ${d.field}: ${d.baseline} → ${d.current}`);
    parts.push([`Environment differs (policy: ${comparison.environmentPolicy}):`, ...rows].join('\n'));
  }
  parts.push(
    'baseline/current: medians over samples (ratio metrics: over pod/reference pairs); change and its 90% interval: from the run-level model on log values (each run one unit); p: the smaller one-sided p of a change beyond the threshold. Gated: rate_ratio and cpu_cost_ratio with a reference (the raw rate as a guard once the between-run spread is known), else the rate and CPU cost.',
  );
  return `${parts.join('\n\n')}\n`;
}
