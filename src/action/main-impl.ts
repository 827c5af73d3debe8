/**
 * The main step: inputs → the same `gate` the CLI runs → reports, outputs, annotations, job summary,
 * artifact, PR comment → an exit code. Only here do verdicts become setFailed. `mode: fleet` goes to
 * fleet-main.ts instead.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { GateConfig } from '../config/gate-config.js';
import type { RunConfig } from '../config/run-config.js';
import { type GitHubContext, readGitHubContext } from '../github/context.js';
import type { ReportInput } from '../report/report-input.js';
import { type GateOutcome, gate } from '../run/gate-command.js';
import { EXIT_OK, EXIT_REGRESSION, exitCodeOf, formatError } from '../util/errors.js';
import { type ResolvedBaseline, resolveBaseline } from './baseline.js';
import { Inputs, ReportFiles, State } from './constants.js';
import { parseFleetInputs } from './fleet-inputs.js';
import { runFleetMode } from './fleet-main.js';
import { type ActionSettings, parseInputs } from './inputs.js';
import { maskKubeconfig, removeKubeconfigFile, writeKubeconfigFile } from './kubeconfig.js';
import { parseMode } from './mode-inputs.js';
import { summaryLine } from './outcome-text.js';
import { actionRunIo, RawOutputRecorder, ResourceTracker } from './pipeline-hooks.js';
import {
  annotate,
  publishError,
  setOutputs,
  summaryMarkdown,
  writeJobSummary,
  writeReportFiles,
} from './publish.js';
import { emptyReportDir } from './report-dir.js';
import { reproduceCommands } from './reproduce.js';
import { commentOnPullRequest, uploadResults } from './share.js';

/** Writes the kubeconfig input (if any) to a private file and points the run config at it. */
async function runConfigWithKubeconfig(settings: ActionSettings, context: GitHubContext): Promise<RunConfig> {
  if (settings.kubeconfigText === undefined || settings.run.target !== 'kubernetes') return settings.run;
  const path = await writeKubeconfigFile(settings.kubeconfigText, context.tempDir);
  core.saveState(State.KubeconfigFile, path);
  return { ...settings.run, kubernetes: { ...settings.run.kubernetes, kubeconfigPath: path } };
}

/** The line saying where the baseline came from, and for no-baseline the reason for the summary output. */
function baselineStory(baseline: ResolvedBaseline, outcome: GateOutcome): { note: string; reason?: string } {
  if (outcome.verdict !== 'no-baseline') return { note: baseline.note };
  const reason = baseline.missingReason;
  return { note: `No baseline: ${reason}.`, reason };
}

/** Measures and judges through the shared pipeline, recording created resources and raw outputs. */
async function measure(
  settings: ActionSettings,
  context: GitHubContext,
  run: RunConfig,
  baseline: ResolvedBaseline,
) {
  const recorder = new RawOutputRecorder();
  const tracker = new ResourceTracker(run.kubernetes, (json) =>
    core.saveState(State.KubernetesCleanup, json),
  );
  const io = actionRunIo(context, {
    onTargetCreated: tracker.onTargetCreated,
    onNetperfOutputs: recorder.record,
  });
  const config: GateConfig = {
    ...settings.judge,
    run,
    baselinePaths: baseline.paths,
    failOnInconclusive: settings.failOnInconclusive,
    ...(settings.maxSamples !== undefined ? { maxSamples: settings.maxSamples } : {}),
  };
  try {
    return await gate(config, io);
  } finally {
    const clean = tracker.finish();
    const kubeconfig = run.kubernetes.kubeconfigPath;
    if (clean && kubeconfig !== undefined && kubeconfig !== settings.run.kubernetes.kubeconfigPath) {
      await removeKubeconfigFile(kubeconfig);
    }
    await recorder.write(join(settings.reportDir, ReportFiles.RawFolder));
  }
}

/** Reports, outputs, annotations and the job summary of a finished gate; returns the summary line and markdown. */
async function publish(
  settings: ActionSettings,
  context: GitHubContext,
  baseline: ResolvedBaseline,
  outcome: GateOutcome,
) {
  const { note, reason } = baselineStory(baseline, outcome);
  const input: ReportInput = {
    current: outcome.results,
    verdict: outcome.verdict,
    reproduce: reproduceCommands(settings, baseline.origin),
    ...(outcome.baseline ? { baseline: outcome.baseline } : {}),
    ...(outcome.history ? { history: outcome.history } : {}),
    ...(outcome.comparison ? { comparison: outcome.comparison } : {}),
  };
  const paths = await writeReportFiles(settings.reportDir, input, baseline.paths.at(-1), settings.exports);
  const markdown = summaryMarkdown(input, note);
  const summary = summaryLine(outcome.verdict, outcome.comparison, reason);
  setOutputs(outcome.verdict, outcome.comparison, summary, paths);
  annotate(outcome.comparison, stepFails(settings, outcome));
  await writeJobSummary(markdown, context.hasStepSummary);
  return { summary, markdown };
}

/** Whether the verdict fails the step (then regressions are error annotations, else warnings). */
function stepFails(settings: ActionSettings, outcome: GateOutcome): boolean {
  if (outcome.verdict === 'regression') return settings.failOnRegression;
  if (outcome.verdict === 'inconclusive') return settings.failOnInconclusive;
  return false;
}

/** The exit code of a finished gate; setFailed only for a regression that should fail. */
function verdictExit(settings: ActionSettings, outcome: GateOutcome, summary: string): number {
  if (outcome.verdict === 'inconclusive') {
    if (settings.failOnInconclusive) {
      core.setFailed(`netperf-gate: ${summary} (fail-on-inconclusive is true)`);
      return EXIT_REGRESSION;
    }
    core.warning(`${summary}: more samples (max-samples) or more baseline runs can decide`, {
      title: 'netperf-gate',
    });
    return EXIT_OK;
  }
  if (outcome.verdict !== 'regression') return EXIT_OK;
  if (!settings.failOnRegression) {
    core.warning(`${summary} (fail-on-regression is false: the step passes)`, { title: 'netperf-gate' });
    return EXIT_OK;
  }
  core.setFailed(`netperf-gate: ${summary}`);
  return EXIT_REGRESSION;
}

async function runGate(settings: ActionSettings, context: GitHubContext): Promise<number> {
  if (settings.run.target === 'local') core.saveState(State.LocalTarget, 'true');
  const baselineFile = settings.baseline.kind === 'file' ? settings.baseline.path : undefined;
  await emptyReportDir(settings.reportDir, process.cwd(), baselineFile);
  const run = await runConfigWithKubeconfig(settings, context);
  // The log folds by phase, as GitHub's own actions fold theirs; the verdict line stays outside.
  const baseline = await core.group('Baseline', () =>
    resolveBaseline(settings, context, (line) => core.info(line)),
  );
  const outcome = await core.group('Measure and compare', () => measure(settings, context, run, baseline));
  const report = await core.group('Reports', () => publish(settings, context, baseline, outcome));
  core.info(`netperf-gate: ${report.summary}`);
  await core.group('Upload and comment', async () => {
    await uploadResults(settings, context);
    await commentOnPullRequest(settings, context, report);
  });
  return verdictExit(settings, outcome, report.summary);
}

/** The main step. Resolves the process exit code (0 pass, 1 regression, 2 usage error, 3 infrastructure error). */
export async function runMain(): Promise<number> {
  core.saveState(State.IsPost, 'true');
  const context = readGitHubContext(process.env, tmpdir());
  // Before anything is printed: the kubeconfig's credentials are masked.
  const kubeconfigText = core.getInput(Inputs.Kubeconfig);
  if (kubeconfigText.trim() !== '') maskKubeconfig(kubeconfigText, core.setSecret);
  let debug = core.isDebug();
  try {
    const read = (name: Parameters<typeof core.getInput>[0]) => core.getInput(name);
    if (parseMode(read) === 'fleet') {
      const settings = parseFleetInputs(read, debug);
      debug = settings.fleet.debug;
      return await runFleetMode(settings, context);
    }
    const settings = parseInputs(read, debug);
    debug = settings.run.debug;
    return await runGate(settings, context);
  } catch (error) {
    const message = formatError(error);
    if (debug && error instanceof Error && error.stack) core.info(error.stack);
    await publishError(message, context.hasStepSummary);
    core.setFailed(`netperf-gate: ${message}`);
    return exitCodeOf(error);
  }
}
