/**
 * The steps every request goes through before its handler, shared by plain requests and exec
 * upgrades: the audit entry, authentication, RBAC authorization and api-error faults.
 */
import type { IncomingMessage } from 'node:http';
import { type AccessControl, authenticate, authorizeRequest } from './access.js';
import type { AuditLog } from './audit.js';
import type { Cluster } from './cluster.js';
import type { Fault } from './faults.js';
import type { UserInfo } from './rbac.js';
import { type ApiRoute, resourceLabel } from './routes.js';
import { type ApiError, internalError, statusForCode, tooManyRequests } from './status.js';

/** The Status an api-error fault answers with. */
function faultError(fault: Extract<Fault, { kind: 'api-error' }>): ApiError {
  if (fault.code === 429) return tooManyRequests(fault.retryAfterSeconds);
  if (fault.code === 500) return internalError(fault.message);
  return statusForCode(fault.code, fault.message);
}

export function throwIfFaulted(cluster: Cluster, verb: string, route: ApiRoute): void {
  const fault = cluster.faults.takeApiError({
    verb,
    resource: resourceLabel(route),
    namespace: route.namespace,
    name: route.name,
  });
  if (fault) throw faultError(fault);
}

/** Who sent the request, once authentication has run (RBAC on only). */
export interface Requester {
  user?: UserInfo;
}

export function auditor(
  audit: AuditLog,
  req: IncomingMessage,
  verb: string,
  route: ApiRoute | undefined,
  requester: Requester,
): (code: number) => void {
  let done = false;
  return (code) => {
    if (done) return;
    done = true;
    const entry = {
      verb,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      code,
      userAgent: req.headers['user-agent'],
      ...(requester.user ? { user: requester.user.name } : {}),
    };
    audit.record(route ? { ...entry, resource: resourceLabel(route) } : entry);
  };
}

/** Authenticates the request (401 for an unknown token) when RBAC is on; anyone otherwise. */
export function identify(
  access: AccessControl | undefined,
  req: IncomingMessage,
  requester: Requester,
): void {
  if (access) requester.user = authenticate(access, req);
}

/** Authorizes a resource request with RBAC (403 Forbidden when not granted); everything when RBAC is off. */
export function permit(
  access: AccessControl | undefined,
  requester: Requester,
  call: { method: string; verb: string; route: ApiRoute; url: URL },
): void {
  if (access && requester.user) authorizeRequest(access, requester.user, call);
}
