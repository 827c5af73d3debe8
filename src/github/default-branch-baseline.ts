/**
 * `baseline: default-branch`: the results artifacts of the last K runs of this workflow on the base
 * branch (a pull request's base, else the pushed branch, else the default branch) made by `push`,
 * `schedule` or `workflow_dispatch` — chosen by having the artifact, whatever the run's conclusion (a
 * push run that failed on a regression still recorded the new level). Pull request runs are never
 * searched, so they never become a baseline even though they upload under the same artifact name.
 * Expired artifacts and failed downloads are skipped with a notice; the search reads older runs
 * within {@link MAX_API_CALLS}.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseResults } from '../results/read.js';
import type { Results } from '../results/schema.js';
import { formatError } from '../util/errors.js';
import { downloadRunArtifact } from './artifacts.js';
import type { GitHubContext } from './context.js';
import type { RestClient } from './rest.js';
import { type HistoryRun, listBaselineRuns, listRunArtifacts, type RunArtifact } from './run-listing.js';

/** Baseline runs gathered when the `baseline-runs` input is not given. */
export const DEFAULT_BASELINE_RUNS = 10;
/** REST calls the search makes at most (run pages, artifact listings, downloads count two). */
export const MAX_API_CALLS = 60;

/** One gathered baseline run: its results file and the run that made it. */
export interface BaselineRun<R = Results> {
  results: R;
  /** The downloaded results file. */
  path: string;
  runId: number;
  runNumber?: number;
  headSha?: string;
}

/** What the search found: runs oldest first (possibly none), and why there are none. */
export interface BaselineHistory<R = Results> {
  runs: BaselineRun<R>[];
  branch: string;
  workflowFile: string;
  /** Why the search found no run, when it found none. */
  reason?: string;
}

/** Reads one downloaded results file; throws a one-line error when it is not one. */
export type ResultsParser<R> = (text: string, label: string) => R;

/** What the search needs; `R` is the results type the artifact holds (single runs by default, or fleets). */
export interface BaselineSearch<R = Results> {
  context: GitHubContext;
  rest: RestClient;
  token: string;
  artifactName: string;
  /** How many runs to gather (the newest that have the artifact). */
  runCount: number;
  /** Empty folder the artifacts are unzipped into (one subfolder per run). */
  folder: string;
  /** Name of the results file inside the artifact. */
  resultsFile: string;
  /** Reads that file; default {@link parseResults} (a fleet passes parseFleetResults). */
  parse?: ResultsParser<R>;
  log: (line: string) => void;
  /** Runs skipped on the way (expired, download failed, unreadable results). */
  notice: (line: string) => void;
}

/** Counts REST calls against {@link MAX_API_CALLS}. */
class CallBudget {
  used = 0;
  take(calls: number): boolean {
    if (this.used + calls > MAX_API_CALLS) return false;
    this.used += calls;
    return true;
  }
}

async function baseBranchOf<R>(search: BaselineSearch<R>, owner: string, repo: string): Promise<string> {
  const { baseBranch, defaultBranch } = search.context;
  if (baseBranch !== undefined) return baseBranch;
  if (defaultBranch !== undefined) return defaultBranch;
  const repository = await search.rest.request<{ default_branch: string }>('GET', `/repos/${owner}/${repo}`);
  return repository.default_branch;
}

/** Downloads and reads one run's results; undefined (with a notice) when that fails. */
async function gatherRun<R>(
  search: BaselineSearch<R>,
  run: HistoryRun,
  artifact: RunArtifact,
): Promise<BaselineRun<R> | undefined> {
  const { owner, repo } = search.context.repository ?? { owner: '', repo: '' };
  const folder = join(search.folder, String(run.id));
  const label = `run ${run.id}'s artifact ${search.artifactName}`;
  try {
    await downloadRunArtifact(
      { artifactId: artifact.id, workflowRunId: run.id, owner, repo, token: search.token },
      folder,
    );
  } catch (error) {
    search.notice(`baseline: skipped ${label}: download failed (${formatError(error)})`);
    return undefined;
  }
  const path = join(folder, search.resultsFile);
  try {
    // Without a parse function R is Results (the default type argument).
    const parse = search.parse ?? (parseResults as unknown as ResultsParser<R>);
    const results = parse(await readFile(path, 'utf8'), `${label}: ${search.resultsFile}`);
    return { results, path, runId: run.id, ...runFields(run) };
  } catch (error) {
    search.notice(`baseline: skipped ${label}: ${formatError(error)}`);
    return undefined;
  }
}

function runFields(run: HistoryRun): Pick<BaselineRun<unknown>, 'runNumber' | 'headSha'> {
  return {
    ...(run.runNumber === undefined ? {} : { runNumber: run.runNumber }),
    ...(run.headSha === undefined ? {} : { headSha: run.headSha }),
  };
}

/** Walks the runs newest first and gathers up to `runCount` with a readable, unexpired artifact. */
async function gather<R>(search: BaselineSearch<R>, runs: AsyncIterable<HistoryRun>, budget: CallBudget) {
  const gathered: BaselineRun<R>[] = [];
  for await (const run of runs) {
    if (gathered.length >= search.runCount) break;
    if (!budget.take(1)) break;
    const artifact = await listRunArtifacts(search.rest, search.context, run.id, search.artifactName);
    if (artifact === undefined) {
      search.log(`baseline: run ${run.id} has no artifact ${search.artifactName}`);
      continue;
    }
    if (artifact.expired) {
      search.notice(`baseline: skipped run ${run.id}: its artifact ${search.artifactName} has expired`);
      continue;
    }
    if (!budget.take(2)) break;
    const found = await gatherRun(search, run, artifact);
    if (found !== undefined) gathered.push(found);
  }
  if (gathered.length < search.runCount && budget.used >= MAX_API_CALLS - 2) {
    search.log(`baseline: stopped searching after ${budget.used} API calls`);
  }
  return gathered.reverse();
}

/**
 * Gathers the baseline history (oldest first). No run with the artifact is not an error: the gate
 * says no-baseline. REST errors propagate (the caller decides which become no-baseline).
 */
export async function fetchBaselineHistory<R = Results>(
  search: BaselineSearch<R>,
): Promise<BaselineHistory<R>> {
  const { repository, workflowFile } = search.context;
  if (repository === undefined || workflowFile === undefined) {
    const reason = 'not running in a GitHub workflow (GITHUB_REPOSITORY or GITHUB_WORKFLOW_REF unset)';
    return { runs: [], branch: '', workflowFile: workflowFile ?? '', reason };
  }
  const budget = new CallBudget();
  const branch = await baseBranchOf(search, repository.owner, repository.repo);
  const where = { ...repository, workflowFile, branch };
  const runs = listBaselineRuns(search.rest, search.context, where, () => budget.take(1));
  const gathered = await gather(search, runs, budget);
  if (gathered.length > 0) return { runs: gathered, branch, workflowFile };
  return {
    runs: [],
    branch,
    workflowFile,
    reason: `no push run of ${workflowFile} on ${branch} has a readable artifact ${search.artifactName} yet`,
  };
}
