/** Where this run's baseline comes from: a file in the workspace, or the default branch's artifact. */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubContext } from '../github/context.js';
import { fetchDefaultBranchBaseline } from '../github/default-branch-baseline.js';
import { createRestClient } from '../github/rest.js';
import { UsageError } from '../util/errors.js';
import { Inputs, ReportFiles } from './constants.js';
import type { ActionSettings } from './inputs.js';
import type { BaselineOrigin } from './reproduce.js';

/** The baseline file to gate against (it may not exist: then the verdict is no-baseline) and its story. */
export interface ResolvedBaseline {
  /** Path handed to the gate as its baseline file. */
  path: string;
  origin: BaselineOrigin;
  /** One line for the summary: where the baseline came from, or why there is none. */
  note: string;
  /** Why no baseline was found (for `default-branch`), without the leading "No baseline". */
  missingReason: string;
}

/** Resolves `baseline`: a path as given, or `default-branch` searched and downloaded into RUNNER_TEMP. */
export async function resolveBaseline(
  settings: ActionSettings,
  context: GitHubContext,
  log: (line: string) => void,
): Promise<ResolvedBaseline> {
  if (settings.baseline.kind === 'file') {
    const { path } = settings.baseline;
    const missingReason = `there is no file \`${path}\``;
    return { path, origin: { kind: 'file', path }, note: `Baseline: the file \`${path}\`.`, missingReason };
  }
  if (context.repository !== undefined && settings.githubToken === '') {
    throw new UsageError(
      `input ${Inputs.GithubToken} is empty: baseline default-branch reads other runs' artifacts with it (permission actions: read)`,
    );
  }
  const folder = await mkdtemp(join(context.tempDir, 'netperf-gate-baseline-'));
  const result = await fetchDefaultBranchBaseline({
    context,
    rest: createRestClient({ apiUrl: context.apiUrl, token: settings.githubToken }),
    token: settings.githubToken,
    artifactName: settings.artifactName,
    folder,
    resultsFile: ReportFiles.Results,
    log,
  });
  if (!result.found) {
    // A path that does not exist: the gate measures and answers no-baseline.
    return {
      path: join(folder, ReportFiles.Results),
      origin: { kind: 'none' },
      note: `No baseline: ${result.reason}.`,
      missingReason: result.reason,
    };
  }
  const repository = `${context.repository?.owner}/${context.repository?.repo}`;
  return {
    path: result.resultsPath,
    origin: { kind: 'artifact', runId: result.runId, repository, artifactName: settings.artifactName },
    note: `Baseline: artifact \`${settings.artifactName}\` of run ${result.runId} (${result.workflowFile} on ${result.branch}).`,
    missingReason: `run ${result.runId}'s artifact has no ${ReportFiles.Results}`,
  };
}
