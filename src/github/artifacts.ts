/**
 * Result artifacts through @actions/artifact (imported only when used: it is a large part of the
 * bundle): uploading this run's files, and downloading another run's artifact.
 */
import type { GitHubContext } from './context.js';

/** What the upload did. */
export type UploadOutcome =
  | { uploaded: true; id: number; sizeBytes: number }
  | { uploaded: false; reason: string };

/** Why @actions/artifact does nothing on GitHub Enterprise Server (it throws GHESNotSupportedError there). */
export const GHES_NO_ARTIFACTS =
  'GitHub Enterprise Server: @actions/artifact 2 and later support no artifacts there';

/** True for @actions/artifact's GHESNotSupportedError (by name: the module is loaded lazily). */
export function isGhesNotSupported(error: unknown): boolean {
  return error instanceof Error && error.name === 'GHESNotSupportedError';
}

/**
 * Uploads `files` (paths under `rootDirectory`) as one artifact named `name`, kept `retentionDays`
 * (undefined: the repository's setting).
 */
export async function uploadArtifactFiles(
  context: GitHubContext,
  upload: { name: string; rootDirectory: string; files: readonly string[]; retentionDays?: number },
): Promise<UploadOutcome> {
  if (!context.hasRuntimeToken) {
    return { uploaded: false, reason: 'ACTIONS_RUNTIME_TOKEN is not set (not running on GitHub Actions)' };
  }
  if (context.enterpriseServer) return { uploaded: false, reason: GHES_NO_ARTIFACTS };
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const { retentionDays } = upload;
  const response = await new DefaultArtifactClient().uploadArtifact(
    upload.name,
    [...upload.files],
    upload.rootDirectory,
    retentionDays === undefined ? {} : { retentionDays },
  );
  return { uploaded: true, id: response.id ?? 0, sizeBytes: response.size ?? 0 };
}

/** Another run's artifact, by the id the REST listing gave, to fetch through the REST API. */
export interface OtherRunArtifact {
  artifactId: number;
  workflowRunId: number;
  owner: string;
  repo: string;
  token: string;
}

/** Downloads (and unzips) another run's artifact into `folder`; throws when the download fails (410 …). */
export async function downloadRunArtifact(artifact: OtherRunArtifact, folder: string): Promise<void> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const findBy = {
    token: artifact.token,
    workflowRunId: artifact.workflowRunId,
    repositoryOwner: artifact.owner,
    repositoryName: artifact.repo,
  };
  await new DefaultArtifactClient().downloadArtifact(artifact.artifactId, { path: folder, findBy });
}
