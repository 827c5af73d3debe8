/**
 * `authorization.k8s.io/v1` SelfSubjectAccessReview and SelfSubjectRulesReview: "may I?" answered
 * from the RBAC policy for the requesting user, as `kubectl auth can-i` and client-node's
 * AuthorizationV1Api ask it. With RBAC off every review is allowed (the AlwaysAllow authorizer).
 */
import type { AccessControl } from './access.js';
import { type ApiCall, readObjectBody, sendJson } from './http.js';
import { authorize, MASTERS_GROUP, type RequestAttributes, rulesFor, type UserInfo } from './rbac.js';
import { badRequest, methodNotSupported, pathNotFound } from './status.js';

/** The reviews anyone authenticated may create (the bootstrap ClusterRole system:basic-user grants them). */
export const SELF_REVIEWS = ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'];

/** Paths the bootstrap roles system:discovery and system:public-info-viewer open to everyone. */
const OPEN_PATHS = ['/api', '/api/*', '/apis', '/apis/*', '/version', '/healthz', '/livez', '/readyz'];

function pathMatches(patterns: readonly string[], path: string): boolean {
  return patterns.some(
    (pattern) =>
      pattern === '*' || pattern === path || (pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1))),
  );
}

interface Review {
  spec?: {
    resourceAttributes?: Record<string, string | undefined>;
    nonResourceAttributes?: { path?: string; verb?: string };
    namespace?: string;
  };
}

/** The decision on a non-resource URL: open discovery paths, system:masters, or a rule's nonResourceURLs. */
function decideNonResource(access: AccessControl, user: UserInfo, path: string, verb: string) {
  if (user.groups.includes(MASTERS_GROUP) || pathMatches(OPEN_PATHS, path)) return { allowed: true };
  const allowed = rulesFor(access.policy, user, undefined).some(
    (rule) =>
      (rule.verbs.includes('*') || rule.verbs.includes(verb)) && pathMatches(rule.nonResourceURLs, path),
  );
  return { allowed };
}

function accessStatus(access: AccessControl | undefined, user: UserInfo | undefined, review: Review) {
  const { resourceAttributes: attributes, nonResourceAttributes: nonResource } = review.spec ?? {};
  if (!attributes && !nonResource)
    throw badRequest(
      'SelfSubjectAccessReview: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  if (!access || !user) return { allowed: true };
  if (nonResource) return decideNonResource(access, user, nonResource.path ?? '', nonResource.verb ?? '');
  const request: RequestAttributes = {
    user,
    verb: attributes?.verb ?? '',
    apiGroup: attributes?.group ?? '',
    resource: attributes?.resource ?? '',
  };
  if (attributes?.subresource) request.subresource = attributes.subresource;
  if (attributes?.namespace) request.namespace = attributes.namespace;
  if (attributes?.name) request.name = attributes.name;
  const decision = authorize(access.policy, request);
  return decision.reason === '' ? { allowed: decision.allowed } : decision;
}

function rulesStatus(access: AccessControl | undefined, user: UserInfo | undefined, review: Review) {
  const everything = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
  if (!access || !user || user.groups.includes(MASTERS_GROUP))
    return {
      resourceRules: [everything],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    };
  const rules = rulesFor(access.policy, user, review.spec?.namespace || undefined);
  const basic = { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: SELF_REVIEWS };
  return {
    resourceRules: [
      basic,
      ...rules
        .filter((rule) => rule.resources.length > 0)
        .map(({ verbs, apiGroups, resources, resourceNames }) => ({
          verbs,
          apiGroups,
          resources,
          ...(resourceNames.length > 0 ? { resourceNames } : {}),
        })),
    ],
    nonResourceRules: [
      { verbs: ['get'], nonResourceURLs: OPEN_PATHS },
      ...rules
        .filter((rule) => rule.nonResourceURLs.length > 0)
        .map(({ verbs, nonResourceURLs }) => ({ verbs, nonResourceURLs })),
    ],
    incomplete: false,
  };
}

/** `POST /apis/authorization.k8s.io/v1/selfsubject{access,rules}reviews`: the review back with its status. */
export async function handleReview(
  call: ApiCall,
  access: AccessControl | undefined,
  user: UserInfo | undefined,
): Promise<void> {
  if (!SELF_REVIEWS.includes(call.resource) || call.namespace || call.name) throw pathNotFound();
  if (call.verb !== 'create') throw methodNotSupported(call.resource, call.verb);
  const review = (await readObjectBody(call.req)) as Review & Record<string, unknown>;
  const kind =
    call.resource === 'selfsubjectaccessreviews' ? 'SelfSubjectAccessReview' : 'SelfSubjectRulesReview';
  const status =
    kind === 'SelfSubjectAccessReview'
      ? accessStatus(access, user, review)
      : rulesStatus(access, user, review);
  sendJson(call, 201, {
    kind,
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: review.spec ?? {},
    status,
  });
}
