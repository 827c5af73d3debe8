/** Sharing a finished run: the results artifact and the pull request comment. Failures only warn. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as core from '@actions/core';
import { uploadArtifactFiles } from '../github/artifacts.js';
import { type GitHubContext, runUrl } from '../github/context.js';
import { commentBody, upsertComment } from '../github/pr-comment.js';
import { createRestClient } from '../github/rest.js';
import { formatError } from '../util/errors.js';
import { commentMarkerOf, Inputs } from './constants.js';
import type { ActionSettings, SharedSettings } from './inputs.js';

/** Every file under `folder`, recursively. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Uploads report-dir (results, reports, baseline copy, raw netperf output) as the results artifact. */
export async function uploadResults(
  settings: Pick<SharedSettings, 'uploadArtifact' | 'reportDir' | 'artifactName' | 'retentionDays'>,
  context: GitHubContext,
): Promise<void> {
  if (!settings.uploadArtifact) return;
  try {
    const files = await filesUnder(settings.reportDir);
    const outcome = await uploadArtifactFiles(context, {
      name: settings.artifactName,
      rootDirectory: settings.reportDir,
      files,
      ...(settings.retentionDays === undefined ? {} : { retentionDays: settings.retentionDays }),
    });
    if (outcome.uploaded) {
      core.info(
        `artifact ${settings.artifactName}: ${files.length} files, ${outcome.sizeBytes} bytes (id ${outcome.id})`,
      );
    } else {
      core.notice(`artifact upload skipped: ${outcome.reason}`, { title: 'netperf-gate' });
    }
  } catch (error) {
    core.warning(`could not upload artifact ${settings.artifactName}: ${formatError(error)}`, {
      title: 'netperf-gate: artifact upload failed',
    });
  }
}

/** A short body for when the full report is too long for a comment. */
function shortBody(summary: string, context: GitHubContext): string {
  const link = runUrl(context);
  return `## netperf-gate\n\n${summary}\n\nThe full report is in the job summary${link ? ` of [this run](${link})` : ''}.\n`;
}

/** Creates or updates the one netperf-gate comment on the pull request. */
export async function commentOnPullRequest(
  settings: ActionSettings,
  context: GitHubContext,
  report: { markdown: string; summary: string },
): Promise<void> {
  if (!settings.commentOnPr) return;
  const { repository, pullRequestNumber } = context;
  if (repository === undefined || pullRequestNumber === undefined) {
    core.notice(
      `comment-on-pr: event ${context.eventName ?? '(none)'} is not about a pull request; no comment`,
      {
        title: 'netperf-gate',
      },
    );
    return;
  }
  if (settings.githubToken === '') {
    core.warning(`comment-on-pr: input ${Inputs.GithubToken} is empty; no comment`);
    return;
  }
  try {
    const rest = createRestClient({ apiUrl: context.apiUrl, token: settings.githubToken });
    const marker = commentMarkerOf(settings.artifactName);
    const body = commentBody(marker, report.markdown, shortBody(report.summary, context));
    const target = { ...repository, issueNumber: pullRequestNumber };
    const result = await upsertComment(rest, target, marker, body);
    core.info(
      `comment ${result.action} on pull request #${pullRequestNumber}${result.url ? `: ${result.url}` : ''}`,
    );
  } catch (error) {
    core.warning(`could not comment on pull request #${pullRequestNumber}: ${formatError(error)}`, {
      title: 'netperf-gate: comment failed',
    });
  }
}
