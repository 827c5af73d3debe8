/**
 * One comment per pull request and artifact name, found by a hidden marker and updated in place on
 * every run; only comments the token's own user wrote are edited (anyone can paste a marker).
 */
import { GitHubApiError, type RestClient } from './rest.js';

/** Comments read per page, and pages read at most, when looking for our comment. */
export const COMMENTS_PER_PAGE = 100;
export const MAX_COMMENT_PAGES = 20;
/** GitHub refuses comment bodies over 65 536 characters; leave room for the marker and a note. */
export const MAX_COMMENT_CHARS = 60_000;

/** The login comments made with a workflow's GITHUB_TOKEN show (GET /user refuses that token). */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
  user?: { login?: string } | null;
}

/**
 * The login the token comments as: GET /user for a personal token; an installation token (the
 * workflow's GITHUB_TOKEN) is refused there with 403 and comments as {@link GITHUB_ACTIONS_LOGIN}.
 */
export async function tokenLogin(rest: RestClient): Promise<string> {
  try {
    return (await rest.request<{ login: string }>('GET', '/user')).login;
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
      return GITHUB_ACTIONS_LOGIN;
    }
    throw error;
  }
}

/** Where the comment is and whether this run created or updated it. */
export interface CommentResult {
  action: 'created' | 'updated';
  id: number;
  url?: string;
}

/** The pull request to comment on. */
export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

/**
 * Finds the first comment by `author` that starts with `marker`, reading at most
 * {@link MAX_COMMENT_PAGES} pages.
 */
export async function findMarkedComment(
  rest: RestClient,
  target: CommentTarget,
  marker: string,
  author: string,
): Promise<IssueComment | undefined> {
  const base = `/repos/${target.owner}/${target.repo}/issues/${target.issueNumber}/comments`;
  for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
    const comments = await rest.request<IssueComment[]>(
      'GET',
      `${base}?per_page=${COMMENTS_PER_PAGE}&page=${page}`,
    );
    const found = comments.find(
      (comment) => comment.user?.login === author && comment.body?.startsWith(marker),
    );
    if (found !== undefined) return found;
    if (comments.length < COMMENTS_PER_PAGE) return undefined;
  }
  return undefined;
}

/** The body with the marker on top; a body too long for GitHub is replaced by `fallback`. */
export function commentBody(marker: string, markdown: string, fallback: string): string {
  const text = markdown.length <= MAX_COMMENT_CHARS ? markdown : fallback;
  return `${marker}\n${text}`;
}

/** Updates the marked comment of the pull request, or creates it when there is none. */
export async function upsertComment(
  rest: RestClient,
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<CommentResult> {
  const existing = await findMarkedComment(rest, target, marker, await tokenLogin(rest));
  if (existing !== undefined) {
    const path = `/repos/${target.owner}/${target.repo}/issues/comments/${existing.id}`;
    const updated = await rest.request<IssueComment>('PATCH', path, { body });
    return { action: 'updated', id: updated.id, ...(updated.html_url ? { url: updated.html_url } : {}) };
  }
  const path = `/repos/${target.owner}/${target.repo}/issues/${target.issueNumber}/comments`;
  const created = await rest.request<IssueComment>('POST', path, { body });
  return { action: 'created', id: created.id, ...(created.html_url ? { url: created.html_url } : {}) };
}
