/** The REST listings the baseline search reads: a workflow's runs on a branch, and a run's artifacts. */
import type { GitHubContext } from './context.js';
import type { RestClient } from './rest.js';

/** Runs asked for per page (GitHub allows up to 100). */
export const RUNS_PER_PAGE = 30;
/** Events whose runs record the base branch's level; pull request runs never do. */
export const BASELINE_EVENTS: ReadonlySet<string> = new Set(['push', 'workflow_dispatch', 'schedule']);

/** A run as the search needs it. */
export interface HistoryRun {
  id: number;
  runNumber?: number;
  headSha?: string;
}

/** A run's artifact as the REST listing describes it. */
export interface RunArtifact {
  id: number;
  expired: boolean;
}

interface WorkflowRunsPage {
  total_count?: number;
  workflow_runs: { id: number; event?: string; head_sha?: string; run_number?: number }[];
}

interface ArtifactsPage {
  artifacts: { id: number; name: string; expired?: boolean }[];
}

/**
 * The runs of `workflowFile` on `branch` by a {@link BASELINE_EVENTS} event, newest first, page by
 * page while `mayCall` allows another request; this run itself is left out.
 */
export async function* listBaselineRuns(
  rest: RestClient,
  context: GitHubContext,
  where: { owner: string; repo: string; workflowFile: string; branch: string },
  mayCall: () => boolean,
): AsyncGenerator<HistoryRun> {
  const base = `/repos/${where.owner}/${where.repo}/actions/workflows/${encodeURIComponent(where.workflowFile)}/runs`;
  for (let page = 1; mayCall(); page++) {
    const query = new URLSearchParams({
      branch: where.branch,
      per_page: String(RUNS_PER_PAGE),
      page: String(page),
    });
    const { workflow_runs: runs } = await rest.request<WorkflowRunsPage>('GET', `${base}?${query}`);
    for (const run of runs) {
      if (run.id === context.runId || !BASELINE_EVENTS.has(run.event ?? '')) continue;
      yield {
        id: run.id,
        ...(run.run_number === undefined ? {} : { runNumber: run.run_number }),
        ...(run.head_sha === undefined ? {} : { headSha: run.head_sha }),
      };
    }
    if (runs.length < RUNS_PER_PAGE) return;
  }
}

/** The artifact named `name` of run `runId` (expired ones too: GitHub keeps listing them), if any. */
export async function listRunArtifacts(
  rest: RestClient,
  context: GitHubContext,
  runId: number,
  name: string,
): Promise<RunArtifact | undefined> {
  const { owner, repo } = context.repository ?? { owner: '', repo: '' };
  const query = new URLSearchParams({ name });
  const page = await rest.request<ArtifactsPage>(
    'GET',
    `/repos/${owner}/${repo}/actions/runs/${runId}/artifacts?${query}`,
  );
  const found = page.artifacts.find((artifact) => artifact.name === name);
  return found === undefined ? undefined : { id: found.id, expired: found.expired === true };
}
