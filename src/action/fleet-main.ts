/**
 * The main step of `mode: fleet`: inputs → the same `fleet` the CLI runs (fleet.json, fleet.md,
 * fleet.html in report-dir) → outputs, an annotation per slow node, the job summary, the artifact →
 * an exit code. Only here does a slow fleet become setFailed.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { FleetConfig } from '../config/fleet-config.js';
import type { GitHubContext } from '../github/context.js';
import { renderFleetMarkdown } from '../report/fleet-markdown.js';
import { type FleetOutcome, runFleet } from '../run/fleet-command.js';
import { createFleetTarget } from '../targets/create.js';
import { EXIT_OK, EXIT_REGRESSION } from '../util/errors.js';
import { State } from './constants.js';
import { type ResolvedFleetBaseline, resolveFleetBaseline } from './fleet-baseline.js';
import type { FleetActionSettings } from './fleet-inputs.js';
import { annotateSlowNodes, fleetNodeLists, fleetSummary, setFleetOutputs } from './fleet-publish.js';
import { fleetReproduceCommands, withReproduceSection } from './fleet-reproduce.js';
import { removeKubeconfigFile, writeKubeconfigFile } from './kubeconfig.js';
import { actionRunIo, ResourceTracker } from './pipeline-hooks.js';
import { markdownWithNote, writeJobSummary } from './publish.js';
import { emptyReportDir } from './report-dir.js';
import { uploadResults } from './share.js';

/** The copy of the baseline fleet that was compared with, beside fleet.json in the artifact. */
export const FLEET_BASELINE_COPY = 'fleet-baseline.json';

/** Writes the kubeconfig input (if any) to a private file and points the fleet config at it. */
async function fleetWithKubeconfig(
  settings: FleetActionSettings,
  context: GitHubContext,
): Promise<FleetConfig> {
  const { fleet } = settings;
  if (settings.kubeconfigText === undefined || fleet.target !== 'kubernetes') return fleet;
  const path = await writeKubeconfigFile(settings.kubeconfigText, context.tempDir);
  core.saveState(State.KubeconfigFile, path);
  return { ...fleet, kubernetes: { ...fleet.kubernetes, kubeconfigPath: path } };
}

/** Measures the fleet through the CLI's pipeline, recording what a Kubernetes fleet creates for the post step. */
async function measure(
  settings: FleetActionSettings,
  context: GitHubContext,
  fleet: FleetConfig,
  baseline: ResolvedFleetBaseline,
): Promise<FleetOutcome> {
  const tracker = new ResourceTracker(fleet.kubernetes, (json) =>
    core.saveState(State.KubernetesCleanup, json),
  );
  const io = actionRunIo(context);
  const config: FleetConfig = {
    ...fleet,
    ...(baseline.path !== undefined ? { baselinePath: baseline.path } : {}),
  };
  try {
    return await runFleet(config, io, {
      createTarget: async (wanted, log) => {
        const target = await createFleetTarget(wanted, log);
        tracker.onTargetCreated(target);
        return target;
      },
    });
  } finally {
    const clean = tracker.finish();
    const kubeconfig = fleet.kubernetes.kubeconfigPath;
    if (clean && kubeconfig !== undefined && kubeconfig !== settings.fleet.kubernetes.kubeconfigPath) {
      await removeKubeconfigFile(kubeconfig);
    }
  }
}

/** Outputs, annotations and the job summary of a measured fleet; returns the summary line. */
async function publish(
  settings: FleetActionSettings,
  context: GitHubContext,
  baseline: ResolvedFleetBaseline,
  outcome: FleetOutcome,
): Promise<string> {
  const { results, analysis, verdict } = outcome;
  if (baseline.path !== undefined)
    await copyFile(baseline.path, join(settings.reportDir, FLEET_BASELINE_COPY));
  const summary = fleetSummary(verdict, results, analysis);
  setFleetOutputs(verdict, fleetNodeLists(analysis), summary, {
    results: settings.fleet.outPath,
    html: settings.fleet.htmlPath ?? '',
  });
  annotateSlowNodes(analysis, settings.failOnRegression);
  const markdown = markdownWithNote(renderFleetMarkdown(results, analysis), baseline.note);
  const commands = fleetReproduceCommands(settings, baseline.origin);
  await writeJobSummary(withReproduceSection(markdown, commands), context.hasStepSummary);
  return summary;
}

/** The exit code of a measured fleet: setFailed only when a node is slow and fail-on-regression holds. */
function verdictExit(settings: FleetActionSettings, outcome: FleetOutcome, summary: string): number {
  if (outcome.verdict !== 'slow') return EXIT_OK;
  if (!settings.failOnRegression) {
    core.warning(`${summary} (fail-on-regression is false: the step passes)`, {
      title: 'netperf-gate fleet',
    });
    return EXIT_OK;
  }
  core.setFailed(`netperf-gate fleet: ${summary}`);
  return EXIT_REGRESSION;
}

/** `mode: fleet`, from parsed inputs to the exit code; errors propagate to runMain's one-line report. */
export async function runFleetMode(settings: FleetActionSettings, context: GitHubContext): Promise<number> {
  if (settings.fleet.target === 'local') core.saveState(State.LocalTarget, 'true');
  const baselineFile = settings.baseline.kind === 'file' ? settings.baseline.path : undefined;
  await emptyReportDir(settings.reportDir, process.cwd(), baselineFile);
  const fleet = await fleetWithKubeconfig(settings, context);
  // The log folds by phase like the gate's; the verdict line stays outside.
  const baseline = await core.group('Baseline', () => resolveFleetBaseline(settings, context, core.info));
  const outcome = await core.group('Measure the fleet', () => measure(settings, context, fleet, baseline));
  const summary = await core.group('Reports', () => publish(settings, context, baseline, outcome));
  core.info(`netperf-gate fleet: ${summary}`);
  await core.group('Upload', () => uploadResults(settings, context));
  return verdictExit(settings, outcome, summary);
}
