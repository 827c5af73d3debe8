/**
 * Result artifacts through @actions/artifact (imported only when used: it is a large part of the
 * bundle): uploading this run's files, and finding and downloading another run's artifact.
 */
import type { GitHubContext } from './context.js';

/** Days GitHub keeps the uploaded artifact; undefined: the repository's setting. */
export const ARTIFACT_RETENTION_DAYS: number | undefined = undefined;

/** What the upload did. */
export type UploadOutcome =
  | { uploaded: true; id: number; sizeBytes: number }
  | { uploaded: false; reason: string };

/** Uploads `files` (paths under `rootDirectory`) as one artifact named `name`. */
export async function uploadArtifactFiles(
  context: GitHubContext,
  name: string,
  rootDirectory: string,
  files: readonly string[],
): Promise<UploadOutcome> {
  if (!context.hasRuntimeToken) {
    return { uploaded: false, reason: 'ACTIONS_RUNTIME_TOKEN is not set (not running on GitHub Actions)' };
  }
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const response = await new DefaultArtifactClient().uploadArtifact(name, [...files], rootDirectory, {
    ...(ARTIFACT_RETENTION_DAYS === undefined ? {} : { retentionDays: ARTIFACT_RETENTION_DAYS }),
  });
  return { uploaded: true, id: response.id ?? 0, sizeBytes: response.size ?? 0 };
}

/** Another run's artifact to fetch through the REST API. */
export interface OtherRunArtifact {
  name: string;
  workflowRunId: number;
  owner: string;
  repo: string;
  token: string;
}

/**
 * Downloads (and unzips) the artifact `name` of another workflow run into `folder`; resolves false
 * when that run has no such artifact (never uploaded, or expired).
 */
export async function downloadRunArtifact(artifact: OtherRunArtifact, folder: string): Promise<boolean> {
  const { ArtifactNotFoundError, DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const findBy = {
    token: artifact.token,
    workflowRunId: artifact.workflowRunId,
    repositoryOwner: artifact.owner,
    repositoryName: artifact.repo,
  };
  let id: number;
  try {
    id = (await client.getArtifact(artifact.name, { findBy })).artifact.id;
  } catch (error) {
    if (error instanceof ArtifactNotFoundError) return false;
    throw error;
  }
  await client.downloadArtifact(id, { path: folder, findBy });
  return true;
}
