/**
 * Authentication and authorization in front of the API when RBAC is on: a bearer token names the user
 * (no token: system:anonymous; an unknown one: 401), then every resource request is authorized with
 * the RBAC rules (403 Forbidden with the API server's message). Discovery, health and /sim stay open.
 */
import type { IncomingMessage } from 'node:http';
import { SELF_REVIEWS } from './access-review.js';
import {
  authorize,
  forbiddenError,
  MASTERS_GROUP,
  type RequestAttributes,
  serviceAccountUser,
  type UserInfo,
  userNamed,
} from './rbac.js';
import { emptyPolicy, parseRbacManifests, type RbacPolicy } from './rbac-manifests.js';
import type { ApiRoute } from './routes.js';
import { statusForCode } from './status.js';

/** The token of the simulator's superuser (group system:masters): the kubeconfig's token when RBAC is off. */
export const ADMIN_TOKEN = 'kube-sim';
/** Who {@link ADMIN_TOKEN} is. */
export const ADMIN_USER: UserInfo = {
  name: 'kube-sim-admin',
  groups: [MASTERS_GROUP, 'system:authenticated'],
};
/** Who a request without credentials is, as with anonymous authentication on. */
export const ANONYMOUS_USER: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

/** RBAC settings of a simulator (`startKubeSim({ rbac })`). */
export interface KubeSimRbacOptions {
  /** YAML: Role, ClusterRole, RoleBinding, ClusterRoleBinding, ServiceAccount and Namespace documents. */
  manifests: string;
  /** More bearer tokens → user names (a `system:serviceaccount:NS:NAME` gets the service account groups). */
  tokens?: Record<string, string>;
  /** The user the written kubeconfig authenticates as; default: the manifests' first ServiceAccount. */
  user?: string;
  /**
   * Authorize exec's WebSocket upgrade (a GET, authorized as `get` on pods/exec) also as `create`, as
   * Kubernetes ≥ 1.35 does (AuthorizePodWebsocketUpgradeCreatePermission). Default true.
   */
  execCreateCheck?: boolean;
}

/** The token → user table and the policy of one simulator. */
export interface AccessControl {
  policy: RbacPolicy;
  users: Map<string, UserInfo>;
  execCreateCheck: boolean;
  /** The user of the written kubeconfig and its token. */
  kubeconfigUser: { name: string; token: string };
}

/** A token for a user: readable in audit dumps, not guessable from the name alone. */
function tokenFor(user: string, index: number): string {
  return `kube-sim-token-${index + 1}-${user.replace(/[^a-z0-9]+/gi, '-')}`;
}

function userWithName(users: Map<string, UserInfo>, name: string): string | undefined {
  return [...users].find(([, user]) => user.name === name)?.[0];
}

/** Gives each ServiceAccount of the policy a token (kept for those that had one). */
export function ensureTokens(access: Pick<AccessControl, 'policy' | 'users'>): void {
  for (const account of access.policy.serviceAccounts) {
    const user = serviceAccountUser(account.namespace, account.name);
    if (userWithName(access.users, user.name) === undefined)
      access.users.set(tokenFor(user.name, access.users.size), user);
  }
}

/** Replaces the policy with these manifests'; their ServiceAccounts get tokens (kept for those that had one). */
export function loadManifests(access: Pick<AccessControl, 'policy' | 'users'>, manifests: string): void {
  access.policy = parseRbacManifests(manifests);
  ensureTokens(access);
}

/** The token of a user, if it has one (the ServiceAccounts' tokens, the given ones, the admin's). */
export function tokenOf(access: AccessControl, userName: string): string | undefined {
  return userWithName(access.users, userName);
}

/** Builds the access control: one token per ServiceAccount, the given tokens, the admin token. */
export function createAccessControl(options: KubeSimRbacOptions): AccessControl {
  const users = new Map<string, UserInfo>([[ADMIN_TOKEN, ADMIN_USER]]);
  for (const [token, name] of Object.entries(options.tokens ?? {})) users.set(token, userNamed(name));
  const loaded = { policy: emptyPolicy(), users };
  loadManifests(loaded, options.manifests);
  const first = loaded.policy.serviceAccounts[0];
  const wanted = options.user ?? (first ? serviceAccountUser(first.namespace, first.name).name : undefined);
  if (wanted === undefined)
    throw new Error('RBAC: name the kubeconfig user (rbac.user): the manifests have no ServiceAccount');
  let token = userWithName(users, wanted);
  if (token === undefined) {
    token = tokenFor(wanted, users.size);
    users.set(token, userNamed(wanted));
  }
  return {
    ...loaded,
    execCreateCheck: options.execCreateCheck ?? true,
    kubeconfigUser: { name: wanted, token },
  };
}

/** The user of a request: its bearer token's, anonymous without one; an unknown token is 401 Unauthorized. */
export function authenticate(access: AccessControl, req: IncomingMessage): UserInfo {
  const header = req.headers.authorization;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (bearer === undefined) return ANONYMOUS_USER;
  const user = access.users.get(bearer);
  if (!user) throw statusForCode(401, 'Unauthorized');
  return user;
}

/**
 * The request attributes the API server derives from a path: a namespace object's own name is its
 * namespace, and a list or watch with `fieldSelector=metadata.name=X` is about the object X.
 */
export function requestAttributes(
  user: UserInfo,
  verb: string,
  route: ApiRoute,
  url: URL,
): RequestAttributes {
  const request: RequestAttributes = { user, verb, apiGroup: route.group ?? '', resource: route.resource };
  if (route.subresource !== undefined) request.subresource = route.subresource;
  const namespace =
    route.resource === 'namespaces' && route.group === undefined ? route.name : route.namespace;
  if (namespace !== undefined) request.namespace = namespace;
  const terms = (url.searchParams.get('fieldSelector') ?? '').split(',');
  const byField = terms.map((term) => /^metadata\.name==?(.+)$/.exec(term.trim())?.[1]).find(Boolean);
  const name = route.name ?? (verb === 'list' || verb === 'watch' ? byField : undefined);
  if (name !== undefined) request.name = name;
  return request;
}

/** The verbs a request is authorized as: exec's WebSocket upgrade is a GET, `get` (and `create` from 1.35). */
function verbsToCheck(access: AccessControl, method: string, verb: string, route: ApiRoute): string[] {
  if (route.subresource !== 'exec') return [verb];
  if (method !== 'GET') return ['create'];
  return access.execCreateCheck ? ['get', 'create'] : ['get'];
}

/** Throws the 403 the API server would send when the user may not make this request. */
export function authorizeRequest(
  access: AccessControl,
  user: UserInfo,
  call: { method: string; verb: string; route: ApiRoute; url: URL },
): void {
  const selfReview =
    call.route.group === 'authorization.k8s.io' && SELF_REVIEWS.includes(call.route.resource);
  if (selfReview && user.groups.includes('system:authenticated')) return;
  for (const verb of verbsToCheck(access, call.method, call.verb, call.route)) {
    const request = requestAttributes(user, verb, call.route, call.url);
    const decision = authorize(access.policy, request);
    if (!decision.allowed) throw forbiddenError(request, decision.reason);
  }
}
