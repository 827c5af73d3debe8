/**
 * The HTTP front of the simulator: discovery, the /api/v1 resources, exec upgrades and /sim admin
 * endpoints; every request goes into the audit log; api-error faults fire before the handler runs.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AccessControl } from './access.js';
import { handleReview } from './access-review.js';
import { handleAdmin } from './admin-api.js';
import type { AuditLog } from './audit.js';
import type { Cluster } from './cluster.js';
import { discoveryDocument, isHealthPath } from './discovery.js';
import { checkExec, chooseProtocol, runExec } from './exec.js';
import { type ApiCall, boolParam, sendError, sendJson } from './http.js';
import { handleStoredKind, type ObjectsContext } from './objects-api.js';
import { handleCorePatch, isCorePatch } from './patch-api.js';
import { handlePods } from './pods-api.js';
import { auditor, identify, permit, type Requester, throwIfFaulted } from './request-steps.js';
import { handleNamespaces, handleReadOnly } from './resources-api.js';
import { parseApiPath, verbOf } from './routes.js';
import { ApiError, badRequest, internalError, pathNotFound } from './status.js';
import { storedKindOf, syncPolicy } from './stored-kinds.js';

/** What a handler may need besides the cluster: the access control and who asks. */
interface Context {
  access: AccessControl | undefined;
  requester: Requester;
  objects: ObjectsContext;
}

async function dispatch(cluster: Cluster, call: ApiCall, context: Context): Promise<void> {
  const stored = storedKindOf(call.group, call.resource);
  if (stored) return handleStoredKind(context.objects, stored, call);
  if (call.group === 'authorization.k8s.io')
    return handleReview(call, context.access, context.requester.user);
  if (call.group !== undefined) throw pathNotFound();
  if (isCorePatch(call)) return handleCorePatch(cluster, call);
  switch (call.resource) {
    case 'pods':
      return handlePods(cluster, call);
    case 'namespaces':
      return handleNamespaces(cluster, call);
    case 'nodes':
      if (call.namespace) throw pathNotFound();
      return handleReadOnly(cluster, call, 'nodes');
    case 'events':
      return handleReadOnly(cluster, call, 'events');
    default:
      throw pathNotFound();
  }
}

/** Discovery and health: open to every user (as system:discovery and system:public-info-viewer make them). */
function servedOpenPath(call: ApiCall): boolean {
  const document = discoveryDocument(call.url.pathname, call.req.headers.host ?? '');
  if (document) {
    sendJson(call, 200, document);
    return true;
  }
  if (!isHealthPath(call.url.pathname)) return false;
  call.res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  call.audit(200);
  return true;
}

/** `watch=` read as a boolean, or the 400 for a value that is none (answered once the request is routed). */
function watchFlag(url: URL): boolean | ApiError {
  try {
    return boolParam(url, 'watch');
  } catch (error) {
    return error as ApiError;
  }
}

async function onRequest(
  cluster: Cluster,
  audit: AuditLog,
  access: AccessControl | undefined,
  objects: ObjectsContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://kube-sim');
  const route = parseApiPath(url.pathname);
  const method = req.method ?? 'GET';
  const watch = watchFlag(url);
  const verb = verbOf(method, route, watch === true);
  const requester: Requester = {};
  const call: ApiCall = {
    req,
    res,
    url,
    verb,
    resource: route?.resource ?? '',
    ...route,
    audit: auditor(audit, req, verb, route, requester),
  };
  try {
    if (url.pathname.startsWith('/sim/')) return await handleAdmin(call, cluster.faults, audit);
    identify(access, req, requester);
    if (servedOpenPath(call)) return;
    if (!route) throw pathNotFound();
    if (watch instanceof ApiError) throw watch;
    permit(access, requester, { method, verb, route, url });
    throwIfFaulted(cluster, verb, route);
    await dispatch(cluster, call, { access, requester, objects });
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : internalError((error as Error).message ?? String(error));
    if (!(error instanceof ApiError))
      console.error(`kube-sim: ${req.method} ${req.url}: ${(error as Error).stack}`);
    if (res.headersSent) res.end();
    else sendError(call, apiError);
  }
}

/** Writes a Status as a plain HTTP response on a socket that was not upgraded. */
function refuseUpgrade(socket: Duplex, error: ApiError): void {
  const body = JSON.stringify(error.status);
  const retry = error.status.details?.retryAfterSeconds;
  const lines = [
    `HTTP/1.1 ${error.status.code} ${error.status.reason}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(retry !== undefined ? [`Retry-After: ${retry}`] : []),
    'Connection: close',
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

function onUpgrade(
  cluster: Cluster,
  audit: AuditLog,
  access: AccessControl | undefined,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const url = new URL(req.url ?? '/', 'http://kube-sim');
  const route = parseApiPath(url.pathname);
  const method = req.method ?? 'GET';
  const verb = verbOf(method, route, false);
  const requester: Requester = {};
  const record = auditor(audit, req, verb, route, requester);
  socket.on('error', () => socket.destroy());
  if (head.length > 0) socket.unshift(head);
  try {
    identify(access, req, requester);
    if (route?.subresource !== 'exec' || route.group || !route.namespace || !route.name) throw pathNotFound();
    permit(access, requester, { method, verb, route, url });
    throwIfFaulted(cluster, verb, route);
    const request = checkExec(cluster, url, route.namespace, route.name);
    const websocket = String(req.headers.upgrade ?? '').toLowerCase() === 'websocket';
    const protocol = websocket
      ? chooseProtocol(req.headers['sec-websocket-protocol'] as string | undefined)
      : undefined;
    if (!protocol)
      throw badRequest(
        `unable to upgrade connection: kube-sim speaks WebSocket with ${'v5/v4.channel.k8s.io'} only`,
      );
    runExec(cluster, req, socket, request, protocol);
    record(101);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalError((error as Error).message);
    refuseUpgrade(socket, apiError);
    record(apiError.status.code);
  }
}

/**
 * Makes `server` answer as the simulator of `cluster` (requests and exec upgrades), with RBAC when
 * `access` is given. Returns the function that drops the upgraded exec connections, which
 * `server.closeAllConnections()` no longer sees.
 */
export function serveCluster(
  server: Server,
  cluster: Cluster,
  audit: AuditLog,
  access?: AccessControl,
): () => void {
  const upgraded = new Set<Duplex>();
  const objects: ObjectsContext = { cluster, afterWrite: () => syncPolicy(access, cluster.store) };
  server.on(
    'request',
    (req: IncomingMessage, res: ServerResponse) => void onRequest(cluster, audit, access, objects, req, res),
  );
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    onUpgrade(cluster, audit, access, req, socket, head);
  });
  return () => {
    for (const socket of upgraded) socket.destroy();
  };
}
