/**
 * The RBAC authorizer, evaluated as k8s.io/kubernetes plugin/pkg/auth/authorizer/rbac does it: a request
 * is allowed when a rule of a role bound to the user matches its verb, API group, resource (with
 * subresource) and name. ClusterRoleBindings grant everywhere; RoleBindings only in their namespace
 * (a RoleBinding may refer to a ClusterRole, which then grants in that namespace only). Nothing denies:
 * no matching rule is a denial. Pure.
 */
import type { BindingDoc, PolicyRule, RbacPolicy, RoleDoc, Subject } from './rbac-manifests.js';
import { ApiError } from './status.js';

/** Who sent a request, as authentication found. */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** What the authorizer decides on (authorizer.Attributes of a resource request). */
export interface RequestAttributes {
  user: UserInfo;
  verb: string;
  /** "" for the core group (`/api/v1`). */
  apiGroup: string;
  resource: string;
  subresource?: string;
  /** Absent for cluster-scoped requests (and for lists across all namespaces). */
  namespace?: string;
  name?: string;
}

/** The decision, and why not when denied (bindings whose roles are missing, as the API server says it). */
export interface Decision {
  allowed: boolean;
  reason: string;
}

/** Members bypass authorization, as the API server's superuser group does. */
export const MASTERS_GROUP = 'system:masters';

/** The user a service account's token authenticates as, with the groups the API server gives it. */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return {
    name: `system:serviceaccount:${namespace}:${name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}

/** A user by name: a `system:serviceaccount:NS:NAME` gets the service account groups, others `system:authenticated`. */
export function userNamed(name: string): UserInfo {
  const account = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(name);
  if (account?.[1] !== undefined && account[2] !== undefined)
    return serviceAccountUser(account[1], account[2]);
  return { name, groups: ['system:authenticated'] };
}

function matchesAll(values: readonly string[], wanted: string): boolean {
  return values.includes('*') || values.includes(wanted);
}

/** `*`, the exact `resource/subresource`, or `*\/subresource` (any resource's subresource of that name). */
function resourceMatches(rule: PolicyRule, combined: string, subresource: string | undefined): boolean {
  return rule.resources.some(
    (resource) =>
      resource === '*' ||
      resource === combined ||
      (subresource !== undefined && resource === `*/${subresource}`),
  );
}

/** Whether one rule allows the request; a rule with resourceNames never allows a request without a name (create, list). */
export function ruleAllows(rule: PolicyRule, request: RequestAttributes): boolean {
  const combined = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  return (
    matchesAll(rule.verbs, request.verb) &&
    matchesAll(rule.apiGroups, request.apiGroup) &&
    resourceMatches(rule, combined, request.subresource) &&
    (rule.resourceNames.length === 0 || rule.resourceNames.includes(request.name ?? ''))
  );
}

/** Whether a binding's subject is the user; a ServiceAccount subject without namespace means the binding's. */
export function subjectMatches(
  subject: Subject,
  user: UserInfo,
  bindingNamespace: string | undefined,
): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace;
      return namespace !== undefined && user.name === `system:serviceaccount:${namespace}:${subject.name}`;
    }
  }
}

function roleOf(policy: RbacPolicy, binding: BindingDoc): RoleDoc | string {
  const { kind, name } = binding.roleRef;
  const role =
    kind === 'ClusterRole'
      ? policy.clusterRoles.find((r) => r.name === name)
      : policy.roles.find((r) => r.name === name && r.namespace === binding.namespace);
  return role ?? `${kind.toLowerCase()}.rbac.authorization.k8s.io "${name}" not found`;
}

/** The bindings that apply to the request: every ClusterRoleBinding, and the RoleBindings of its namespace. */
function bindingsFor(policy: RbacPolicy, namespace: string | undefined): BindingDoc[] {
  const local = namespace === undefined ? [] : policy.roleBindings.filter((b) => b.namespace === namespace);
  return [...policy.clusterRoleBindings, ...local];
}

/** How the authorizer names what allowed a request: `RoleBinding "b/ns" of Role "r" to ServiceAccount "sa/ns"`. */
function allowedBy(binding: BindingDoc, subject: Subject): string {
  const where = binding.namespace === undefined ? binding.name : `${binding.name}/${binding.namespace}`;
  const kind = binding.namespace === undefined ? 'ClusterRoleBinding' : 'RoleBinding';
  const who =
    subject.kind === 'ServiceAccount'
      ? `${subject.name}/${subject.namespace || binding.namespace}`
      : subject.name;
  return `RBAC: allowed by ${kind} ${JSON.stringify(where)} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${subject.kind} ${JSON.stringify(who)}`;
}

/** The bound roles' rules that apply to a user in a namespace (everywhere: cluster bindings only). */
export function rulesFor(policy: RbacPolicy, user: UserInfo, namespace: string | undefined): PolicyRule[] {
  return bindingsFor(policy, namespace).flatMap((binding) => {
    if (!binding.subjects.some((s) => subjectMatches(s, user, binding.namespace))) return [];
    const role = roleOf(policy, binding);
    return typeof role === 'string' ? [] : role.rules;
  });
}

/** Decides a request. A denial's reason lists bound roles that do not exist (`RBAC: role… not found`). */
export function authorize(policy: RbacPolicy, request: RequestAttributes): Decision {
  if (request.user.groups.includes(MASTERS_GROUP)) return { allowed: true, reason: '' };
  const missing: string[] = [];
  for (const binding of bindingsFor(policy, request.namespace)) {
    const subject = binding.subjects.find((s) => subjectMatches(s, request.user, binding.namespace));
    if (!subject) continue;
    const role = roleOf(policy, binding);
    if (typeof role === 'string') missing.push(role);
    else if (role.rules.some((rule) => ruleAllows(rule, request)))
      return { allowed: true, reason: allowedBy(binding, subject) };
  }
  if (missing.length === 0) return { allowed: false, reason: '' };
  return { allowed: false, reason: `RBAC: ${missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`}` };
}

/** The API server's wording: `User "u" cannot VERB resource "r[/sub]" in API group "g" in the namespace "ns"` (or at the cluster scope). */
export function forbiddenMessage(request: RequestAttributes): string {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const what = `User ${JSON.stringify(request.user.name)} cannot ${request.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(request.apiGroup)}`;
  return request.namespace === undefined
    ? `${what} at the cluster scope`
    : `${what} in the namespace ${JSON.stringify(request.namespace)}`;
}

/** The 403 Forbidden Status the API server sends for a denied request (details name the resource, not the subresource). */
export function forbiddenError(request: RequestAttributes, reason: string): ApiError {
  const said = reason === '' ? forbiddenMessage(request) : `${forbiddenMessage(request)}: ${reason}`;
  const subject = request.name ? `${request.resource} ${JSON.stringify(request.name)}` : request.resource;
  return new ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${subject} is forbidden: ${said}`,
    reason: 'Forbidden',
    details: { ...(request.name ? { name: request.name } : {}), kind: request.resource },
    code: 403,
  });
}
