/** What the runner tells a step about its run: GITHUB_* variables and the event payload, read once. */
import { readFileSync } from 'node:fs';

/** The run as the REST API and the artifact service need it. */
export interface GitHubContext {
  /** REST API root, e.g. https://api.github.com. */
  apiUrl: string;
  /** Web root, e.g. https://github.com (links to runs). */
  serverUrl: string;
  /** `owner/repo`, undefined outside GitHub Actions. */
  repository?: { owner: string; repo: string };
  /** This run's id (GITHUB_RUN_ID). */
  runId?: number;
  /** The workflow file of this run, e.g. `perf.yml` (from GITHUB_WORKFLOW_REF). */
  workflowFile?: string;
  /** `push`, `pull_request`, … */
  eventName?: string;
  /** The pull request number when the event is about one. */
  pullRequestNumber?: number;
  /** The repository's default branch, when the event payload says it. */
  defaultBranch?: string;
  /** The branch whose history is the baseline: a pull request's base branch, else the pushed branch. */
  baseBranch?: string;
  /** The commit this run measures (GITHUB_SHA). */
  sha?: string;
  /** The ref that triggered the run (GITHUB_REF), e.g. `refs/heads/main`. */
  ref?: string;
  /** True on GitHub Enterprise Server (GITHUB_SERVER_URL not github.com, *.ghe.com or *.localhost). */
  enterpriseServer: boolean;
  /** True when the runner gave the artifact service's token (uploads are possible). */
  hasRuntimeToken: boolean;
  /** Folder for temporary files (RUNNER_TEMP, else the system's). */
  tempDir: string;
  /** True when the runner gave a job summary file (GITHUB_STEP_SUMMARY). */
  hasStepSummary: boolean;
}

interface EventPayload {
  pull_request?: { number?: number; base?: { ref?: string } };
  issue?: { number?: number; pull_request?: unknown };
  repository?: { default_branch?: string };
}

function readPayload(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

/** `octo/repo/.github/workflows/perf.yml@refs/heads/main` → `perf.yml`. */
export function workflowFileOf(workflowRef: string | undefined): string | undefined {
  const match = /\/\.github\/workflows\/([^@/]+)@/.exec(workflowRef ?? '');
  return match?.[1];
}

function pullRequestNumber(payload: EventPayload): number | undefined {
  if (typeof payload.pull_request?.number === 'number') return payload.pull_request.number;
  if (payload.issue?.pull_request !== undefined && typeof payload.issue.number === 'number') {
    return payload.issue.number;
  }
  return undefined;
}

/** The branch of a `refs/heads/…` ref. */
function branchOf(ref: string | undefined): string | undefined {
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/**
 * Whether `serverUrl` is GitHub Enterprise Server, decided as @actions/artifact decides it (it
 * refuses GHES): github.com, *.ghe.com (GHE.com) and *.localhost are not.
 */
export function isEnterpriseServer(serverUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}

function repositoryOf(value: string | undefined): GitHubContext['repository'] {
  const [owner, repo, extra] = (value ?? '').split('/');
  return owner && repo && extra === undefined ? { owner, repo } : undefined;
}

/** Reads the context from the environment the runner sets (missing variables: outside GitHub). */
export function readGitHubContext(env: NodeJS.ProcessEnv, systemTempDir: string): GitHubContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const runId = Number(env.GITHUB_RUN_ID);
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const context: GitHubContext = {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    enterpriseServer: isEnterpriseServer(serverUrl),
    hasRuntimeToken: Boolean(env.ACTIONS_RUNTIME_TOKEN),
    tempDir: env.RUNNER_TEMP || systemTempDir,
    hasStepSummary: Boolean(env.GITHUB_STEP_SUMMARY),
  };
  const optional: Partial<GitHubContext> = {
    repository: repositoryOf(env.GITHUB_REPOSITORY),
    runId: Number.isSafeInteger(runId) && runId > 0 ? runId : undefined,
    workflowFile: workflowFileOf(env.GITHUB_WORKFLOW_REF),
    eventName: env.GITHUB_EVENT_NAME || undefined,
    pullRequestNumber: pullRequestNumber(payload),
    defaultBranch: payload.repository?.default_branch,
    baseBranch: payload.pull_request?.base?.ref ?? branchOf(env.GITHUB_REF),
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (context as unknown as Record<string, unknown>)[key] = value;
  }
  return context;
}

/** Link to this run's page, when the context knows it. */
export function runUrl(context: GitHubContext, runId = context.runId): string | undefined {
  if (context.repository === undefined || runId === undefined) return undefined;
  return `${context.serverUrl}/${context.repository.owner}/${context.repository.repo}/actions/runs/${runId}`;
}
