/**
 * The baseline fleet of `mode: fleet`: a fleet results file in the workspace, or the fleet.json of the
 * newest earlier run of this workflow on the branch (scheduled runs count). None is not an error: the
 * fleet is measured and judged on its own, without the comparison.
 */
import { access, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { GHES_NO_ARTIFACTS } from '../github/artifacts.js';
import type { GitHubContext } from '../github/context.js';
import { type FleetResults, parseFleetResults } from '../results/fleet-schema.js';
import { requireTokenForHistory, searchHistory } from './baseline.js';
import { ReportFiles } from './constants.js';
import type { FleetActionSettings } from './fleet-inputs.js';
import type { FleetBaselineOrigin } from './fleet-reproduce.js';

/** The baseline fleet file to compare with (none: no comparison) and the line saying where it came from. */
export interface ResolvedFleetBaseline {
  path?: string;
  note: string;
  origin: FleetBaselineOrigin;
}

function none(reason: string): ResolvedFleetBaseline {
  core.notice(`no baseline fleet: ${reason}; the fleet is judged on its own`, { title: 'netperf-gate' });
  return { note: `No baseline fleet: ${reason}.`, origin: { kind: 'none' } };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Resolves `baseline` for a fleet: a file as given, or `default-branch` (one run) gathered into RUNNER_TEMP. */
export async function resolveFleetBaseline(
  settings: FleetActionSettings,
  context: GitHubContext,
  log: (line: string) => void,
): Promise<ResolvedFleetBaseline> {
  if (settings.baseline.kind === 'file') {
    const { path } = settings.baseline;
    if (!(await exists(path))) return none(`there is no file \`${path}\``);
    return { path, note: `Baseline fleet from the file \`${path}\`.`, origin: { kind: 'file', path } };
  }
  if (context.enterpriseServer) return none(GHES_NO_ARTIFACTS);
  requireTokenForHistory(settings, context);
  const folder = await mkdtemp(join(context.tempDir, 'netperf-gate-fleet-baseline-'));
  const wanted = {
    runCount: 1,
    folder,
    resultsFile: ReportFiles.FleetResults,
    parse: parseFleetResults,
  };
  const history = await searchHistory<FleetResults>(settings, context, wanted, log);
  if (typeof history === 'string') return none(history);
  const [run] = history.runs;
  if (run === undefined) return none(history.reason ?? 'no run found');
  const { artifactName } = settings;
  const repository = `${context.repository?.owner}/${context.repository?.repo}`;
  return {
    path: run.path,
    origin: { kind: 'artifact', runId: run.runId, repository, artifactName },
    note: `Baseline fleet from the artifact \`${settings.artifactName}\` of run ${run.runId} (${history.workflowFile} on ${history.branch}).`,
  };
}
