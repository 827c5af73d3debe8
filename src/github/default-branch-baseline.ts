/**
 * `baseline: default-branch`: the results artifact of the latest successful `push` run of the same
 * workflow on the default branch. Pull request runs are never searched, so they never become (or
 * replace) a baseline even though they upload under the same artifact name.
 */
import { join } from 'node:path';
import { downloadRunArtifact } from './artifacts.js';
import type { GitHubContext } from './context.js';
import type { RestClient } from './rest.js';

/** Successful runs asked for at once, and how many of them are searched for the artifact. */
export const RUNS_PER_PAGE = 10;
export const MAX_RUNS_SEARCHED = 5;

/** What the search found. */
export type BaselineSearchResult =
  | { found: true; resultsPath: string; runId: number; branch: string; workflowFile: string }
  | { found: false; reason: string };

/** What the search needs. */
export interface BaselineSearch {
  context: GitHubContext;
  rest: RestClient;
  token: string;
  artifactName: string;
  /** Empty folder the artifact is unzipped into. */
  folder: string;
  /** Name of the results file inside the artifact. */
  resultsFile: string;
  log: (line: string) => void;
}

interface WorkflowRuns {
  workflow_runs: { id: number; head_sha?: string; run_number?: number }[];
}

async function defaultBranchOf(search: BaselineSearch, owner: string, repo: string): Promise<string> {
  if (search.context.defaultBranch !== undefined) return search.context.defaultBranch;
  const repository = await search.rest.request<{ default_branch: string }>('GET', `/repos/${owner}/${repo}`);
  return repository.default_branch;
}

async function successfulPushRuns(
  search: BaselineSearch,
  where: { owner: string; repo: string; workflowFile: string; branch: string },
): Promise<number[]> {
  const query = new URLSearchParams({
    branch: where.branch,
    event: 'push',
    status: 'success',
    per_page: String(RUNS_PER_PAGE),
  });
  const path = `/repos/${where.owner}/${where.repo}/actions/workflows/${encodeURIComponent(where.workflowFile)}/runs?${query}`;
  const { workflow_runs: runs } = await search.rest.request<WorkflowRuns>('GET', path);
  return runs.map((run) => run.id).filter((id) => id !== search.context.runId);
}

/**
 * Finds the newest successful push run on the default branch (of at most {@link MAX_RUNS_SEARCHED})
 * that has the artifact, and downloads it. No such run is not an error: the gate says no-baseline.
 */
export async function fetchDefaultBranchBaseline(search: BaselineSearch): Promise<BaselineSearchResult> {
  const { repository, workflowFile } = search.context;
  if (repository === undefined || workflowFile === undefined) {
    return {
      found: false,
      reason: 'not running in a GitHub workflow (GITHUB_REPOSITORY or GITHUB_WORKFLOW_REF unset)',
    };
  }
  const { owner, repo } = repository;
  const branch = await defaultBranchOf(search, owner, repo);
  const runIds = (await successfulPushRuns(search, { owner, repo, workflowFile, branch })).slice(
    0,
    MAX_RUNS_SEARCHED,
  );
  for (const runId of runIds) {
    const folder = join(search.folder, String(runId));
    const artifact = { name: search.artifactName, workflowRunId: runId, owner, repo, token: search.token };
    if (await downloadRunArtifact(artifact, folder)) {
      search.log(`baseline: artifact ${search.artifactName} of run ${runId} (${workflowFile} on ${branch})`);
      return { found: true, resultsPath: join(folder, search.resultsFile), runId, branch, workflowFile };
    }
    search.log(`baseline: run ${runId} has no artifact ${search.artifactName}; trying an older one`);
  }
  const searched =
    runIds.length === 0
      ? 'there is none'
      : `the newest ${runIds.length} have no artifact ${search.artifactName}`;
  return {
    found: false,
    reason: `no successful push run of ${workflowFile} on ${branch} to take the baseline from (${searched})`,
  };
}
