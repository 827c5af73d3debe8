import type { CompareSettings, ResultsComparison } from '../compare/compare-results.js';
import { planLooks, settleVerdicts, undecidedScenarios } from '../compare/looks.js';
import type { CompareConfig, GateConfig } from '../config/gate-config.js';
import { renderComparisonText } from '../report/comparison-text.js';
import type { ReportHistory } from '../report/trend-model.js';
import { appendSamples } from '../results/merge.js';
import type { Results, ScenarioResult } from '../results/schema.js';
import type { Verdict } from '../stats/compare.js';
import type { Scenario } from '../suite/model.js';
import { type ChosenBaseline, chooseBaseline, judge, loadCompareSettings, readResultsFile } from './judge.js';
import { publishResults, resolveSuite } from './run-command.js';
import { type RunIo, type Session, withSession } from './session.js';

/** What `gate` and `compare` concluded; the entry point turns it into an exit code. */
export interface GateOutcome {
  verdict: 'pass' | 'regression' | 'inconclusive' | 'no-baseline';
  comparison?: ResultsComparison;
  /** The latest baseline run compared against, when there was one (its environment is shown). */
  baseline?: Results;
  /** Every baseline run compared with, oldest first. */
  baselines?: Results[];
  /** Every run the baseline was chosen from (the runs before a level shift too), for the trends. */
  history?: ReportHistory;
  results: Results;
}

/** The outcome of comparing `results` with the chosen baseline runs; the whole history goes to the trends. */
function judged(comparison: ResultsComparison, chosen: ChosenBaseline, results: Results): GateOutcome {
  const { baselines, history, names, shift } = chosen;
  return {
    verdict: comparison.verdict,
    comparison,
    baseline: baselines.at(-1),
    baselines,
    history: { runs: history, names, ...(shift ? { shift } : {}) },
    results,
  };
}

/** `compare`: baseline runs and a current results file → verdict and the printed report. */
export async function compareFiles(config: CompareConfig, io: RunIo): Promise<GateOutcome> {
  const settings = await loadCompareSettings(config, io.files);
  const chosen = await chooseBaseline(config.baselinePaths, io);
  const { baselines } = chosen;
  if (baselines.length === 0) {
    // compare has nothing to measure: a missing baseline is the user's to fix, unlike gate's first run.
    await readResultsFile(config.baselinePaths[0] ?? '', 'baseline results file', io.files);
  }
  const current = await readResultsFile(config.currentPath, 'current results file', io.files);
  const comparison = judge(baselines, current, settings);
  io.print(renderComparisonText(comparison));
  return judged(comparison, chosen, current);
}

export interface SequentialInput {
  config: GateConfig;
  scenarios: readonly Scenario[];
  baselines: readonly Results[];
  settings: CompareSettings;
  io: RunIo;
}

/** What the sequential gate measured and at which look it stopped. */
export interface SequentialOutcome {
  scenarios: ScenarioResult[];
  look: { index: number; count: number; settled: Map<string, Verdict> };
}

/**
 * Measures the suite, then looks: compares with the baseline runs at the look's share of the error
 * rate (spentAlpha), and takes another block of interleaved pairs for the scenarios whose primary
 * metrics are still undecided, until all are decided or they reach maxSamples. A regression or
 * improvement found at a look stands.
 */
export async function measureSequentially(
  session: Session,
  input: SequentialInput,
): Promise<SequentialOutcome> {
  const { config, scenarios, baselines, settings, io } = input;
  const initial = Math.min(...scenarios.map((s) => s.samples));
  const plan = planLooks(initial, config.maxSamples ?? 2 * initial);
  const settled = new Map<string, Verdict>();
  let measured = await session.measure(scenarios);
  let index = 1;
  for (; index < plan.looks; index++) {
    const look = { index, count: plan.looks, settled };
    // Only the metric verdicts matter here: the baseline's own environment avoids fingerprinting the
    // target (API calls and an exec on Kubernetes) at every look.
    const latest = baselines.at(-1) as Results;
    const comparison = judge(baselines, { ...latest, scenarios: measured }, { ...settings, look });
    settleVerdicts(comparison, settled);
    const open = undecidedScenarios(comparison);
    const more = scenarios.filter((s) => {
      if (!open.has(s.name)) return false;
      const taken = measured.find((m) => m.settings.name === s.name)?.samples.length ?? 0;
      return taken < plan.maxSamples;
    });
    if (more.length === 0) break;
    const step = Math.min(plan.step, plan.maxSamples - initial - (index - 1) * plan.step);
    io.log(
      `look ${index} of ${plan.looks}: undecided ${more.map((s) => s.name).join(', ')}; taking ${step} more pairs`,
    );
    const extra = await session.measure(more.map((s) => ({ ...s, samples: step })));
    measured = measured.map((result) => {
      const add = extra.find((e) => e.settings.name === result.settings.name);
      return add ? appendSamples(result, add) : result;
    });
  }
  return { scenarios: measured, look: { index: Math.min(index, plan.looks), count: plan.looks, settled } };
}

/**
 * `gate`: run the suite, compare with the baseline runs sequentially, print the report and write the
 * results. No baseline run found → verdict `no-baseline` (the results can become one).
 */
export async function gate(config: GateConfig, io: RunIo): Promise<GateOutcome> {
  const suite = await resolveSuite(config.run, io.files);
  const settings = await loadCompareSettings(config, io.files);
  const chosen = await chooseBaseline(config.baselinePaths, io);
  const { baselines } = chosen;
  await io.files.checkWritable(config.run.outPath, 'results file (--out)');
  const where = config.baselinePaths.join(', ');
  if (baselines.length === 0) io.log(`no baseline at ${where}: measuring without a comparison`);
  let look: SequentialOutcome['look'] | undefined;
  const results = await withSession(config.run, suite.scenarios, io, async (session) => {
    if (baselines.length === 0) return session.measure(suite.scenarios);
    const outcome = await measureSequentially(session, {
      config,
      scenarios: suite.scenarios,
      baselines,
      settings,
      io,
    });
    look = outcome.look;
    return outcome.scenarios;
  });
  await publishResults(results, config.run.outPath, io);
  if (baselines.length === 0) {
    io.print(`\nVerdict: NO-BASELINE (no results at ${where}; these results can become the baseline)\n`);
    return { verdict: 'no-baseline', results };
  }
  const comparison = judge(baselines, results, { ...settings, ...(look ? { look } : {}) });
  io.print(`\n${renderComparisonText(comparison)}`);
  return judged(comparison, chosen, results);
}
