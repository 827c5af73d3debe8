/**
 * The artifact service as @actions/artifact 6 speaks to it: Twirp JSON under /twirp/ (snake_case
 * fields, 64-bit integers as strings, the runtime token's scope naming the run), and an Azure-blob-style
 * signed URL under /blob/ taking Put Block and Put Block List, and serving the committed blob.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { credentialOf, readBody, sendEmpty, sendJson } from './http.js';
import type { SimArtifact, SimRun, SimStore } from './store.js';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

/** A runtime token (a JWT: the client reads the `scp` claim and never checks the signature). */
export function runtimeTokenFor(run: SimRun): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const payload = {
    scp: `Actions.GenericRead Actions.Results:${run.backendId}:${run.jobBackendId}`,
    sub: 'github-sim',
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.sig`;
}

/** The run a runtime token is scoped to. */
function runOfToken(store: SimStore, token: string | undefined): SimRun | undefined {
  const payload = token?.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const { scp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { scp?: string };
    const scope = scp?.split(' ').find((s) => s.startsWith('Actions.Results:'));
    return scope === undefined ? undefined : store.runByBackendId(scope.split(':')[1] ?? '');
  } catch {
    return undefined;
  }
}

function twirpError(response: ServerResponse, status: number, code: string, msg: string): void {
  sendJson(response, status, { code, msg });
}

/** The signed URL of an artifact's blob. */
export function signedBlobUrl(baseUrl: string, artifact: SimArtifact): string {
  return `${baseUrl}/blob/${artifact.id}?sig=${artifact.signature}`;
}

function artifactJson(artifact: SimArtifact, run: SimRun) {
  return {
    workflow_run_backend_id: run.backendId,
    workflow_job_run_backend_id: run.jobBackendId,
    database_id: String(artifact.id),
    name: artifact.name,
    size: String(artifact.size),
    created_at: artifact.createdAt,
    ...(artifact.digest ? { digest: artifact.digest } : {}),
  };
}

type TwirpRequest = Record<string, unknown>;

function twirpMethod(store: SimStore, baseUrl: string, run: SimRun, method: string, body: TwirpRequest) {
  const name = typeof body.name === 'string' ? body.name : undefined;
  const own = (artifactName: string | undefined) =>
    store.artifacts.find((a) => a.runId === run.id && a.name === artifactName);
  switch (method) {
    case 'CreateArtifact': {
      const artifact = store.createArtifact(run.id, name ?? '');
      if (artifact === undefined)
        return { status: 409, code: 'already_exists', msg: `artifact ${name} already exists` };
      return { ok: true, signed_upload_url: signedBlobUrl(baseUrl, artifact) };
    }
    case 'FinalizeArtifact': {
      const artifact = own(name);
      if (artifact?.content === undefined)
        return { status: 404, code: 'not_found', msg: `no uploaded artifact ${name}` };
      store.finalize(artifact);
      return { ok: true, artifact_id: String(artifact.id) };
    }
    case 'ListArtifacts': {
      const nameFilter = (body.name_filter as string | undefined) ?? undefined;
      const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter);
      const found = store.artifactsOf(run.id, {
        ...(nameFilter ? { name: nameFilter } : {}),
        ...(idFilter ? { id: idFilter } : {}),
      });
      return { artifacts: found.map((artifact) => artifactJson(artifact, run)) };
    }
    case 'GetSignedArtifactURL': {
      const artifact = own(name);
      if (!artifact?.finalized) return { status: 404, code: 'not_found', msg: `no artifact ${name}` };
      return { signed_url: signedBlobUrl(baseUrl, artifact) };
    }
    default:
      return { status: 404, code: 'bad_route', msg: `no method ${method}` };
  }
}

/** Handles /twirp/… requests; false when the path is not the artifact service's. */
export async function handleTwirp(
  store: SimStore,
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const path = request.url ?? '';
  if (!path.startsWith(TWIRP_PREFIX)) return false;
  const run = runOfToken(store, credentialOf(request));
  if (run === undefined) {
    twirpError(response, 401, 'unauthenticated', 'the runtime token names no known run');
    return true;
  }
  const body = JSON.parse((await readBody(request)).toString() || '{}') as TwirpRequest;
  if (body.workflow_run_backend_id !== run.backendId) {
    twirpError(response, 403, 'permission_denied', 'the request names another run than the token');
    return true;
  }
  const answer = twirpMethod(store, baseUrl, run, path.slice(TWIRP_PREFIX.length), body);
  if ('status' in answer && typeof answer.status === 'number')
    twirpError(response, answer.status, answer.code, answer.msg);
  else sendJson(response, 200, answer);
  return true;
}

function blockIdsOf(xml: string): string[] {
  return [
    ...xml.matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\/(?:Latest|Uncommitted|Committed)>/g),
  ].map((m) => m[1] ?? '');
}

async function handleBlobPut(
  store: SimStore,
  artifact: SimArtifact,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const body = await readBody(request);
  const comp = url.searchParams.get('comp');
  if (comp === 'block') {
    artifact.blocks.set(url.searchParams.get('blockid') ?? '', body);
    return sendEmpty(response, 201);
  }
  const contentType = (request.headers['x-ms-blob-content-type'] as string | undefined) ?? undefined;
  if (comp === 'blocklist') {
    if (!store.commitBlocks(artifact, blockIdsOf(body.toString()), contentType))
      return sendEmpty(response, 400);
    return sendEmpty(response, 201, { etag: `"${artifact.id}"` });
  }
  artifact.content = body; // Put Blob in one request
  artifact.contentType = contentType ?? (request.headers['content-type'] as string | undefined);
  return sendEmpty(response, 201, { etag: `"${artifact.id}"` });
}

/** Handles /blob/<id>?sig=…: PUT (block, block list, whole blob) and GET; false for other paths. */
export async function handleBlob(store: SimStore, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://sim');
  const match = /^\/blob\/(\d+)$/.exec(url.pathname);
  if (match === null) return false;
  const artifact = store.artifacts.find((a) => a.id === Number(match[1]));
  if (artifact === undefined || url.searchParams.get('sig') !== artifact.signature) {
    sendEmpty(response, 403);
    return true;
  }
  if (request.method === 'PUT') {
    await handleBlobPut(store, artifact, url, request, response);
  } else if (request.method === 'GET' && artifact.content !== undefined) {
    const type = artifact.contentType ?? 'application/zip';
    response.writeHead(200, { 'content-type': type, 'content-length': artifact.content.length });
    response.end(artifact.content);
  } else {
    sendEmpty(response, 404);
  }
  return true;
}
