/**
 * The REST API calls netperf-gate makes (directly, or through @actions/artifact's `findBy`): the
 * repository, a workflow's runs, a run's artifacts and their zip download, and issue comments.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signedBlobUrl } from './artifact-service.js';
import { credentialOf, readBody, sendEmpty, sendJson } from './http.js';
import type { SimComment, SimRun, SimStore } from './store.js';

interface Route {
  method: string;
  pattern: RegExp;
  handle: (context: RouteContext, params: string[]) => Promise<void> | void;
}

interface RouteContext {
  store: SimStore;
  baseUrl: string;
  webUrl: string;
  url: URL;
  request: IncomingMessage;
  response: ServerResponse;
}

function runJson(context: RouteContext, run: SimRun) {
  const { owner, repo } = context.store.repository;
  return {
    id: run.id,
    name: run.workflowFile,
    head_branch: run.branch,
    head_sha: run.headSha,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    path: `.github/workflows/${run.workflowFile}`,
    html_url: `${context.webUrl}/${owner}/${repo}/actions/runs/${run.id}`,
  };
}

/** GitHub's pagination: `per_page` (default 30, at most 100) and `page` (from 1). */
function pageOf<T>(context: RouteContext, all: readonly T[]): T[] {
  const query = context.url.searchParams;
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  return all.slice((page - 1) * perPage, page * perPage);
}

function commentJson(context: RouteContext, comment: SimComment) {
  const { owner, repo } = context.store.repository;
  return {
    id: comment.id,
    body: comment.body,
    html_url: `${context.webUrl}/${owner}/${repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    user: { login: comment.author, type: comment.author.endsWith('[bot]') ? 'Bot' : 'User' },
  };
}

/** `status=success` matches the conclusion, like GitHub's filter does. */
function matchesStatus(run: SimRun, status: string | null): boolean {
  if (status === null) return true;
  return status === run.status || status === run.conclusion;
}

function listRuns(context: RouteContext, [file]: string[]): void {
  const query = context.url.searchParams;
  const runs = context.store.runs
    .filter((run) => run.workflowFile === decodeURIComponent(file ?? ''))
    .filter((run) => !query.has('branch') || run.branch === query.get('branch'))
    .filter((run) => !query.has('event') || run.event === query.get('event'))
    .filter((run) => matchesStatus(run, query.get('status')))
    .sort((a, b) => b.id - a.id);
  sendJson(context.response, 200, {
    total_count: runs.length,
    workflow_runs: pageOf(context, runs).map((run) => runJson(context, run)),
  });
}

function listRunArtifacts(context: RouteContext, [runId]: string[]): void {
  const name = context.url.searchParams.get('name') ?? undefined;
  const artifacts = context.store.artifactsOf(Number(runId), name === undefined ? {} : { name });
  sendJson(context.response, 200, {
    total_count: artifacts.length,
    artifacts: pageOf(context, artifacts).map((a) => ({
      id: a.id,
      name: a.name,
      size_in_bytes: a.size,
      created_at: a.createdAt,
      digest: a.digest,
      expired: a.expired,
      workflow_run: { id: a.runId },
    })),
  });
}

/** What GitHub answers for the download of an expired artifact. */
const EXPIRED = {
  message: 'Artifact has expired',
  documentation_url: 'https://docs.github.com/rest/actions/artifacts#download-an-artifact',
  status: '410',
};

function downloadZip(context: RouteContext, [id]: string[]): void {
  const artifact = context.store.artifacts.find((a) => a.id === Number(id) && a.finalized);
  if (artifact === undefined) sendJson(context.response, 404, { message: 'Not Found' });
  else if (artifact.expired) sendJson(context.response, 410, EXPIRED);
  else sendEmpty(context.response, 302, { location: signedBlobUrl(context.baseUrl, artifact) });
}

function listComments(context: RouteContext, [issue]: string[]): void {
  const perPage = Number(context.url.searchParams.get('per_page') ?? 30);
  const page = Number(context.url.searchParams.get('page') ?? 1);
  const all = context.store.commentsOf(Number(issue));
  sendJson(
    context.response,
    200,
    all.slice((page - 1) * perPage, page * perPage).map((c) => commentJson(context, c)),
  );
}

async function bodyText(context: RouteContext): Promise<string | undefined> {
  const body = JSON.parse((await readBody(context.request)).toString() || '{}') as { body?: unknown };
  return typeof body.body === 'string' ? body.body : undefined;
}

async function createComment(context: RouteContext, [issue]: string[]): Promise<void> {
  const body = await bodyText(context);
  if (body === undefined) return sendJson(context.response, 422, { message: 'body is missing' });
  const author = context.store.loginOf(credentialOf(context.request));
  const comment = { id: context.store.newId(), issueNumber: Number(issue), body, author };
  context.store.comments.push(comment);
  sendJson(context.response, 201, commentJson(context, comment));
}

async function updateComment(context: RouteContext, [id]: string[]): Promise<void> {
  const comment = context.store.comments.find((c) => c.id === Number(id));
  const body = await bodyText(context);
  if (comment === undefined) return sendJson(context.response, 404, { message: 'Not Found' });
  if (body === undefined) return sendJson(context.response, 422, { message: 'body is missing' });
  if (comment.author !== context.store.loginOf(credentialOf(context.request))) {
    return sendJson(context.response, 403, { message: 'Resource not accessible by integration' });
  }
  comment.body = body;
  sendJson(context.response, 200, commentJson(context, comment));
}

/** GET /user: a personal token's user; an installation token (GITHUB_TOKEN) is refused, as GitHub does. */
function authenticatedUser(context: RouteContext): void {
  const login = context.store.users.get(credentialOf(context.request) ?? '');
  if (login === undefined) {
    sendJson(context.response, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403',
    });
  } else sendJson(context.response, 200, { login, type: 'User' });
}

const REPO = '/repos/([^/]+)/([^/]+)';
const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}$`),
    handle: (c) =>
      sendJson(c.response, 200, {
        full_name: `${c.store.repository.owner}/${c.store.repository.repo}`,
        default_branch: c.store.defaultBranch,
      }),
  },
  { method: 'GET', pattern: new RegExp(`^${REPO}/actions/workflows/([^/]+)/runs$`), handle: listRuns },
  { method: 'GET', pattern: new RegExp(`^${REPO}/actions/runs/(\\d+)/artifacts$`), handle: listRunArtifacts },
  { method: 'GET', pattern: new RegExp(`^${REPO}/actions/artifacts/(\\d+)/zip$`), handle: downloadZip },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`), handle: listComments },
  { method: 'POST', pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`), handle: createComment },
  { method: 'PATCH', pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`), handle: updateComment },
];

/** Handles /repos/… requests; false when no route matches. */
export async function handleRest(
  store: SimStore,
  urls: { baseUrl: string; webUrl: string },
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const url = new URL(request.url ?? '/', urls.baseUrl);
  const token = credentialOf(request);
  const known = token === store.token || store.users.has(token ?? '');
  if (url.pathname === '/user' && request.method === 'GET') {
    if (!known) sendJson(response, 401, { message: 'Bad credentials' });
    else authenticatedUser({ store, ...urls, url, request, response });
    return true;
  }
  const fault = store.faults.find(
    (f) => (f.method ?? request.method) === request.method && f.path.test(request.url ?? ''),
  );
  if (fault !== undefined && url.pathname.startsWith('/repos/')) {
    sendJson(response, fault.status, { message: fault.message, status: String(fault.status) });
    return true;
  }
  for (const route of ROUTES) {
    const match = route.pattern.exec(url.pathname);
    if (match === null || route.method !== request.method) continue;
    const [owner, repo, ...params] = match.slice(1);
    if (!known) {
      sendJson(response, 401, { message: 'Bad credentials' });
    } else if (owner !== store.repository.owner || repo !== store.repository.repo) {
      sendJson(response, 404, { message: 'Not Found' });
    } else {
      await route.handle({ store, ...urls, url, request, response }, params);
    }
    return true;
  }
  return false;
}
