/**
 * `doctor`'s permission check: every API call a run makes, asked of the API server as a
 * SelfSubjectAccessReview (what `kubectl auth can-i` sends), so a missing RBAC rule shows before the
 * first run instead of halfway through it.
 */
import { AuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { DoctorCheck } from '../target.js';
import { describeApiFailure, readApiFailure } from './api-errors.js';
import { CNI_NAMESPACES } from './fingerprint.js';

/** One permission a run uses. */
export interface AccessNeed {
  verb: string;
  /** Resource with its subresource, e.g. `pods/exec`. */
  resource: string;
  /** Undefined: cluster scope. */
  namespace?: string;
  /** Checked with `resourceNames` (a Role may grant `get` on one namespace only). */
  name?: string;
  /** The run works without it (the fingerprint or a message loses a detail). */
  optional?: string;
}

/** The answer for one need; `unknown` when the review itself failed. */
export interface AccessAnswer {
  need: AccessNeed;
  allowed: boolean | 'unknown';
  /** The authorizer's reason, or the failure of the review itself. */
  reason: string;
}

/**
 * Everything a run asks of the API (see kube-api.ts): nodes to choose from, its namespace (created per
 * run, or read when given), its pods with exec, events for messages, and the CNI's agent pods.
 */
export function requiredAccess(namespace: string, perRunNamespace: boolean): AccessNeed[] {
  const inNs = (verb: string, resource: string, optional?: string): AccessNeed => ({
    verb,
    resource,
    namespace,
    ...(optional === undefined ? {} : { optional }),
  });
  const namespaceNeeds: AccessNeed[] = perRunNamespace
    ? ['create', 'get', 'delete'].map((verb) => ({ verb, resource: 'namespaces', name: namespace }))
    : [
        {
          verb: 'get',
          resource: 'namespaces',
          name: namespace,
          optional: 'its Pod Security level is read before the reference pods are tried',
        },
      ];
  return [
    { verb: 'list', resource: 'nodes' },
    {
      verb: 'list',
      resource: 'pods',
      optional: 'free CPU on the nodes (what other pods request) is known; without it, allocatable CPU',
    },
    ...namespaceNeeds,
    ...['create', 'get', 'list', 'watch', 'delete'].map((verb) => inNs(verb, 'pods')),
    inNs('get', 'pods/exec'),
    inNs('create', 'pods/exec'),
    inNs('list', 'events', 'scheduling and image events are quoted when pods do not start'),
    ...CNI_NAMESPACES.map(
      (cniNamespace): AccessNeed => ({
        verb: 'list',
        resource: 'pods',
        namespace: cniNamespace,
        optional: 'the CNI is recorded in the environment fingerprint',
      }),
    ),
  ];
}

/** `create pods/exec in ns`, `list nodes (cluster)`. */
export function describeNeed(need: AccessNeed): string {
  const where = need.namespace === undefined ? ' (cluster)' : ` in ${need.namespace}`;
  const name = need.name === undefined ? '' : ` ${need.name}`;
  return `${need.verb} ${need.resource}${name}${where}`;
}

function reviewBody(need: AccessNeed) {
  const [resource, subresource] = need.resource.split('/');
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        group: '',
        verb: need.verb,
        resource,
        ...(subresource === undefined ? {} : { subresource }),
        ...(need.namespace === undefined ? {} : { namespace: need.namespace }),
        ...(need.name === undefined ? {} : { name: need.name }),
      },
    },
  };
}

/** Asks the API server about each need (in parallel); a review that fails is `unknown`. */
export async function reviewAccess(
  config: KubeConfig,
  needs: readonly AccessNeed[],
): Promise<AccessAnswer[]> {
  const api = config.makeApiClient(AuthorizationV1Api);
  return Promise.all(
    needs.map(async (need) => {
      try {
        const review = await api.createSelfSubjectAccessReview({ body: reviewBody(need) });
        const allowed = review.status?.allowed === true;
        return {
          need,
          allowed,
          reason: review.status?.reason ?? (allowed ? 'allowed' : 'no rule allows it'),
        };
      } catch (error) {
        return { need, allowed: 'unknown' as const, reason: describeApiFailure(readApiFailure(error)) };
      }
    }),
  );
}

/** "list pods in kube-system, calico-system: why": denied optional needs grouped by why they matter. */
function groupOptional(answers: readonly AccessAnswer[]): string {
  const byWhy = new Map<string, string[]>();
  for (const { need } of answers) {
    const what = `${need.verb} ${need.resource}`;
    const list = byWhy.get(need.optional ?? '') ?? [];
    list.push(need.namespace === undefined ? what : `${what} in ${need.namespace}`);
    byWhy.set(need.optional ?? '', list);
  }
  return [...byWhy].map(([why, list]) => `${joinSameVerb(list)}: ${why}`).join('; ');
}

/** "list pods in a", "list pods in b" → "list pods in a, b". */
function joinSameVerb(list: readonly string[]): string {
  const [first, ...rest] = list;
  const prefix = first?.includes(' in ') ? `${first.slice(0, first.indexOf(' in ') + 4)}` : undefined;
  if (prefix === undefined || !rest.every((item) => item.startsWith(prefix))) return list.join(', ');
  return `${prefix}${list.map((item) => item.slice(prefix.length)).join(', ')}`;
}

/**
 * The checklist lines: the required permissions (failed when one is denied), the optional ones (a
 * warning when some are denied); an API server that answers no review at all is a warning too.
 */
export function accessChecks(answers: readonly AccessAnswer[], perRunNamespace: boolean): DoctorCheck[] {
  const manifest = perRunNamespace
    ? 'deploy/rbac/namespace-per-run.yaml'
    : 'deploy/rbac/existing-namespace.yaml (with your namespace)';
  const unknown = answers.filter((answer) => answer.allowed === 'unknown');
  if (unknown.length === answers.length && unknown[0] !== undefined) {
    return [
      {
        name: 'permissions',
        status: 'warn',
        detail: `not checked: the API server answered no SelfSubjectAccessReview (${unknown[0].reason})`,
        fix: `compare your RBAC with ${manifest}`,
      },
    ];
  }
  const required = answers.filter((answer) => answer.need.optional === undefined);
  const missing = required.filter((answer) => answer.allowed !== true);
  const checks: DoctorCheck[] = [
    missing.length === 0
      ? {
          name: 'permissions',
          status: 'pass',
          detail: `all ${required.length} calls a run makes are allowed`,
        }
      : {
          name: 'permissions',
          status: 'fail',
          detail: `${missing.length} of ${required.length} calls a run makes are denied: ${missing.map((answer) => describeNeed(answer.need)).join(', ')} (${missing[0]?.reason})`,
          fix: `grant them with ${manifest}, or see what you have with kubectl auth can-i --list`,
        },
  ];
  const optionalMissing = answers.filter(
    (answer) => answer.need.optional !== undefined && answer.allowed !== true,
  );
  if (optionalMissing.length > 0) {
    checks.push({
      name: 'optional permissions',
      status: 'warn',
      detail: `denied: ${groupOptional(optionalMissing)}`,
      fix: `a run works without them, with fewer details; ${manifest} grants them`,
    });
  }
  return checks;
}
