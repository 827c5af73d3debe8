/** One API request as the handlers see it, and the few ways to answer it (each records the audit entry). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeProtobufObject, PROTOBUF_TYPE, unsupportedMediaType } from './protobuf.js';
import { decodeReviewSpec, envelopeRaw, REVIEW_KINDS } from './protobuf-reviews.js';
import { type ApiError, badRequest } from './status.js';

/** A request routed to a handler. */
export interface ApiCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Kubernetes verb derived from method and path (watch when `watch=true`). */
  verb: string;
  /** The API group (`rbac.authorization.k8s.io`); absent for the core group. */
  group?: string;
  /** Resource name (`pods`), without subresource. */
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** Records the audit entry with this code (once). */
  audit: (code: number) => void;
}

/** Largest request body accepted (the API server's limit is 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Sends a JSON body with a status code. */
export function sendJson(
  call: ApiCall,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  call.res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  call.res.end(text);
  call.audit(code);
}

/** Sends a Status error (a 429 also carries Retry-After, as the API server sends it). */
export function sendError(call: ApiCall, error: ApiError): void {
  const retry = error.status.details?.retryAfterSeconds;
  const headers: Record<string, string> = retry !== undefined ? { 'Retry-After': String(retry) } : {};
  sendJson(call, error.status.code, error.status, headers);
}

/** Starts a streamed 200 response (watch events, followed logs). */
export function startStream(call: ApiCall, contentType: string): void {
  call.res.writeHead(200, {
    'Content-Type': contentType,
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache',
  });
  call.res.flushHeaders();
  call.audit(200);
}

/** The raw request body, at most {@link MAX_BODY_BYTES} (400 beyond). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw badRequest('the request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads the request body as JSON (an empty body is `undefined`); malformed JSON is 400 BadRequest.
 * Protobuf bodies are read for Namespace and DeleteOptions only (415 otherwise).
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (String(req.headers['content-type'] ?? '').startsWith(PROTOBUF_TYPE) && body.length > 0) {
    return protobufBody(body);
  }
  const text = body.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`the body of the request was in an unknown format: ${(error as Error).message}`);
  }
}

function protobufBody(body: Buffer): Record<string, unknown> {
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeProtobufObject(body);
  } catch (error) {
    throw badRequest(`the body of the request was in an unknown format: ${(error as Error).message}`);
  }
  if (REVIEW_KINDS.includes(String(decoded.kind)))
    return { ...decoded, spec: decodeReviewSpec(String(decoded.kind), envelopeRaw(body)) };
  if (decoded.kind !== 'Namespace' && decoded.kind !== 'DeleteOptions')
    throw unsupportedMediaType(String(decoded.kind));
  return decoded;
}

/** Reads the body as JSON that must be an object. */
export async function readObjectBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('the object provided is unrecognized (must be a JSON object)');
  }
  return body as Record<string, unknown>;
}

/** An integer query parameter, or undefined when missing; garbage is 400. */
export function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw badRequest(`invalid value for ${name}: ${raw}`);
  return value;
}

/** The spellings Go's strconv.ParseBool takes (what clients send: client-go `true`, the Python client `True`). */
const GO_BOOLS: Record<string, boolean> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

/** A boolean query parameter read as Go's strconv.ParseBool reads it; missing or empty is false, other values 400. */
export function boolParam(url: URL, name: string): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return false;
  const value = GO_BOOLS[raw];
  if (value === undefined)
    throw badRequest(
      `invalid value for ${name}: strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`,
    );
  return value;
}
