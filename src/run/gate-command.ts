import type { CompareSettings, ResultsComparison } from '../compare/compare-results.js';
import type { CompareConfig, GateConfig } from '../config/gate-config.js';
import { renderComparisonText } from '../report/comparison-text.js';
import { appendSamples } from '../results/merge.js';
import type { Results, ScenarioResult } from '../results/schema.js';
import type { Scenario } from '../suite/model.js';
import { judge, loadCompareSettings, readResultsFile } from './judge.js';
import { publishResults, type RunIo, resolveSuite } from './run-command.js';
import { type Session, withSession } from './session.js';

/** What `gate` and `compare` concluded; the entry point turns it into an exit code. */
export interface GateOutcome {
  verdict: 'pass' | 'regression' | 'no-baseline';
  comparison?: ResultsComparison;
  /** The baseline compared against, when there was one. */
  baseline?: Results;
  results: Results;
}

/** `compare`: two results files → verdict and the printed report. */
export async function compareFiles(config: CompareConfig, io: RunIo): Promise<GateOutcome> {
  const settings = await loadCompareSettings(config, io.files);
  const baseline = await readResultsFile(config.baselinePath, 'baseline results file', io.files);
  const current = await readResultsFile(config.currentPath, 'current results file', io.files);
  const comparison = judge(baseline, current, settings);
  io.print(renderComparisonText(comparison));
  return { verdict: comparison.verdict, comparison, baseline, results: current };
}

/** Scenarios with at least one inconclusive metric: more samples may settle them. */
function unsettled(comparison: ResultsComparison, scenarios: readonly Scenario[]): Scenario[] {
  const names = new Set(
    comparison.scenarios
      .filter((s) => s.metrics.some((m) => m.gated && m.verdict === 'inconclusive'))
      .map((s) => s.name),
  );
  return scenarios.filter((scenario) => names.has(scenario.name));
}

export interface RoundsInput {
  config: GateConfig;
  scenarios: readonly Scenario[];
  baseline: Results;
  settings: CompareSettings;
  io: RunIo;
}

/** Measures the suite, then re-measures scenarios with inconclusive gated metrics, up to the configured rounds. */
export async function measureWithExtraRounds(
  session: Session,
  input: RoundsInput,
): Promise<ScenarioResult[]> {
  const { config, scenarios, baseline, settings, io } = input;
  let measured = await session.measure(scenarios);
  for (let round = 1; round <= config.extraRounds; round++) {
    // Only the metric verdicts matter here: compare against the baseline's own environment rather
    // than fingerprinting the target (API calls and an exec on Kubernetes) every round.
    const again = unsettled(judge(baseline, { ...baseline, scenarios: measured }, settings), scenarios);
    if (again.length === 0) break;
    io.log(
      `inconclusive: ${again.map((s) => s.name).join(', ')}; taking more samples (round ${round} of ${config.extraRounds})`,
    );
    const extra = await session.measure(again);
    measured = measured.map((result) => {
      const more = extra.find((e) => e.settings.name === result.settings.name);
      return more ? appendSamples(result, more) : result;
    });
  }
  return measured;
}

/**
 * `gate`: run the suite, compare with the baseline, re-measure inconclusive scenarios, print the
 * report and write the results. No baseline file → verdict `no-baseline` (the results can become one).
 */
export async function gate(config: GateConfig, io: RunIo): Promise<GateOutcome> {
  const suite = await resolveSuite(config.run, io.files);
  const settings = await loadCompareSettings(config, io.files);
  const baseline = (await io.files.exists(config.baselinePath))
    ? await readResultsFile(config.baselinePath, 'baseline results file', io.files)
    : undefined;
  await io.files.checkWritable(config.run.outPath, 'results file (--out)');
  if (baseline === undefined) io.log(`no baseline at ${config.baselinePath}: measuring without a comparison`);
  const results = await withSession(config.run, suite.scenarios, io, (session) =>
    baseline === undefined
      ? session.measure(suite.scenarios)
      : measureWithExtraRounds(session, { config, scenarios: suite.scenarios, baseline, settings, io }),
  );
  await publishResults(results, config.run.outPath, io);
  if (baseline === undefined) {
    io.print(
      `\nVerdict: NO-BASELINE (no file at ${config.baselinePath}; these results can become the baseline)\n`,
    );
    return { verdict: 'no-baseline', results };
  }
  const comparison = judge(baseline, results, settings);
  io.print(`\n${renderComparisonText(comparison)}`);
  return { verdict: comparison.verdict, comparison, baseline, results };
}
