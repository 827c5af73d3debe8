/** The provenance a results file records: which commit, ref, event and workflow run made it. */
import type { Provenance } from '../results/schema.js';
import { type GitHubContext, readGitHubContext, runUrl } from './context.js';

/** The provenance of a run in `context`; undefined outside GitHub Actions (no GITHUB_REPOSITORY). */
export function provenanceOf(context: GitHubContext): Provenance | undefined {
  const { repository } = context;
  if (repository === undefined) return undefined;
  const url = runUrl(context);
  const fields: Provenance = {
    repository: `${repository.owner}/${repository.repo}`,
    ...(context.sha === undefined ? {} : { commitSha: context.sha }),
    ...(context.ref === undefined ? {} : { ref: context.ref }),
    ...(context.eventName === undefined ? {} : { event: context.eventName }),
    ...(context.runId === undefined ? {} : { workflowRunId: context.runId }),
    ...(url === undefined ? {} : { workflowRunUrl: url }),
  };
  return fields;
}

/** The provenance the runner's GITHUB_* variables in `env` describe (the CLI run inside a workflow). */
export function provenanceFromEnv(env: NodeJS.ProcessEnv): Provenance | undefined {
  return provenanceOf(readGitHubContext(env, ''));
}
