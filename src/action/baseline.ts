/** Where this run's baseline comes from: a file in the workspace, or the base branch's history of artifacts. */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { GHES_NO_ARTIFACTS, isGhesNotSupported } from '../github/artifacts.js';
import type { GitHubContext } from '../github/context.js';
import {
  type BaselineHistory,
  type BaselineSearch,
  fetchBaselineHistory,
} from '../github/default-branch-baseline.js';
import { createRestClient, GitHubApiError } from '../github/rest.js';
import { RESULTS_SCHEMA_VERSION, type Results } from '../results/schema.js';
import { formatError, InfraError, UsageError } from '../util/errors.js';
import { withoutNewerSchema } from './baseline-files.js';
import { Inputs, ReportFiles } from './constants.js';
import type { ActionSettings, SharedSettings } from './inputs.js';
import type { BaselineOrigin } from './reproduce.js';

/** The baseline files to gate against (none: the verdict is no-baseline) and their story. */
export interface ResolvedBaseline {
  /** Paths handed to the gate as its baseline (a path that does not exist counts as none). */
  paths: string[];
  origin: BaselineOrigin;
  /** One line for the summary: where the baseline came from, or why there is none. */
  note: string;
  /** Why no baseline was found, without the leading "No baseline". */
  missingReason: string;
  /** The gathered history, oldest first (default-branch only), for trends. */
  history: Results[];
}

function none(folder: string, reason: string): ResolvedBaseline {
  // A path that does not exist: the gate measures and answers no-baseline.
  const paths = [join(folder, ReportFiles.Results)];
  return {
    paths,
    origin: { kind: 'none' },
    note: `No baseline: ${reason}.`,
    missingReason: reason,
    history: [],
  };
}

/** What differs between the searches of the two modes: how many runs, which file, how it is read. */
export type HistoryWanted<R> = Pick<BaselineSearch<R>, 'runCount' | 'folder' | 'resultsFile' | 'parse'>;

/**
 * Searches the base branch's runs. REST errors other than authentication, and the artifact client
 * refusing GHES, end in no baseline: the returned string says why.
 */
export async function searchHistory<R>(
  settings: Pick<SharedSettings, 'githubToken' | 'artifactName'>,
  context: GitHubContext,
  wanted: HistoryWanted<R>,
  log: (line: string) => void,
): Promise<BaselineHistory<R> | string> {
  try {
    return await fetchBaselineHistory<R>({
      ...wanted,
      context,
      rest: createRestClient({ apiUrl: context.apiUrl, token: settings.githubToken }),
      token: settings.githubToken,
      artifactName: settings.artifactName,
      log,
      notice: (line) => core.notice(line, { title: 'netperf-gate' }),
    });
  } catch (error) {
    if (isGhesNotSupported(error)) return GHES_NO_ARTIFACTS;
    if (error instanceof GitHubApiError && error.status === 401) throw error;
    if (!(error instanceof InfraError)) throw error;
    core.warning(`baseline: ${formatError(error)}`, { title: 'netperf-gate: no baseline' });
    return `the GitHub API refused the search (${formatError(error)})`;
  }
}

/** `baseline: default-branch` in a workflow needs the token (an empty one is a usage error). */
export function requireTokenForHistory(
  settings: Pick<SharedSettings, 'githubToken'>,
  context: GitHubContext,
): void {
  if (context.repository !== undefined && settings.githubToken === '') {
    throw new UsageError(
      `input ${Inputs.GithubToken} is empty: baseline default-branch reads other runs' artifacts with it (permission actions: read)`,
    );
  }
}

/** Resolves `baseline`: a path as given, or `default-branch` gathered into RUNNER_TEMP. */
export async function resolveBaseline(
  settings: ActionSettings,
  context: GitHubContext,
  log: (line: string) => void,
): Promise<ResolvedBaseline> {
  if (settings.baseline.kind === 'file') {
    const { path } = settings.baseline;
    const screened = await withoutNewerSchema([path], (line) =>
      core.warning(line, { title: 'netperf-gate: baseline left out' }),
    );
    if (screened !== undefined && screened.kept.length === 0) {
      const folder = await mkdtemp(join(context.tempDir, 'netperf-gate-baseline-'));
      return none(
        folder,
        `\`${path}\` was written by a newer netperf-gate (schemaVersion above ${RESULTS_SCHEMA_VERSION})`,
      );
    }
    const missingReason = `there is no file \`${path}\``;
    return {
      paths: screened?.kept ?? [path],
      origin: { kind: 'file', path },
      note: `Baseline from the file \`${path}\`.`,
      missingReason,
      history: [],
    };
  }
  const folder = await mkdtemp(join(context.tempDir, 'netperf-gate-baseline-'));
  if (context.enterpriseServer) {
    core.notice(`baseline default-branch: ${GHES_NO_ARTIFACTS}; use a baseline file (see README)`, {
      title: 'netperf-gate',
    });
    return none(folder, GHES_NO_ARTIFACTS);
  }
  requireTokenForHistory(settings, context);
  const wanted = { runCount: settings.baselineRuns, folder, resultsFile: ReportFiles.Results };
  const history = await searchHistory<Results>(settings, context, wanted, log);
  if (typeof history === 'string') return none(folder, history);
  if (history.runs.length === 0) return none(folder, history.reason ?? 'no run found');
  // Every gathered run goes to the gate, which keeps those since the latest confirmed level shift
  // (compare/baseline-since-shift.ts) and shows the whole history in the trend charts.
  const used = history.runs;
  const runIds = used.map((run) => run.runId);
  const repository = `${context.repository?.owner}/${context.repository?.repo}`;
  return {
    paths: used.map((run) => run.path),
    origin: { kind: 'artifact', runIds, repository, artifactName: settings.artifactName },
    note: `Baseline from the artifact \`${settings.artifactName}\` of ${describeRuns(runIds)} (${history.workflowFile} on ${history.branch}).`,
    missingReason: `the artifacts of ${describeRuns(runIds)} have no ${ReportFiles.Results}`,
    history: history.runs.map((run) => run.results),
  };
}

/** "run 7" or "3 runs (5, 6, 7)". */
function describeRuns(runIds: readonly number[]): string {
  return runIds.length === 1 ? `run ${runIds[0]}` : `${runIds.length} runs (${runIds.join(', ')})`;
}
