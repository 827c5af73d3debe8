/**
 * What refused a request, read from the API server's message: pure. A 403 is not always RBAC: the
 * PodSecurity admission plugin, admission webhooks (Gatekeeper, Kyverno …), ValidatingAdmissionPolicy
 * and the ServiceAccount admission plugin (whose `default` account a new namespace gets a moment after
 * it is created) all answer 403 Forbidden, each with a message of its own shape.
 */
import type { ApiFailure } from './api-errors.js';

/** A refusal, named for what refused it. */
export type Refusal =
  | { kind: 'rbac'; user: string; verb: string; resource: string; namespace?: string }
  | { kind: 'pod-security'; level: string; violations: string }
  | { kind: 'webhook'; webhook: string; message: string }
  | { kind: 'policy'; policy: string; message: string }
  | { kind: 'service-account'; namespace: string; account: string }
  | { kind: 'quota'; quota: string; message: string }
  | { kind: 'forbidden'; message: string };

/** `User "u" cannot create resource "pods" in API group "" in the namespace "x"` (authorizer's wording). */
const RBAC =
  /User "([^"]*)" cannot (\S+) resource "([^"]+)"(?: in API group "[^"]*")?(?: in the namespace "([^"]+)")?/;
/** `pods "p" is forbidden: violates PodSecurity "restricted:latest": a, b` (the PodSecurity plugin). */
const POD_SECURITY = /violates PodSecurity "([^"]+)": (.*)$/;
/** `admission webhook "x.y" denied the request: why` or `… denied the request without explanation`. */
const WEBHOOK = /admission webhook "([^"]+)" denied the request(?:: (.*)| without explanation)?/;
/** `ValidatingAdmissionPolicy 'p' with binding 'b' denied request: why`. */
const POLICY = /ValidatingAdmissionPolicy '([^']+)'(?: with binding '[^']*')? denied request: (.*)$/;
/** `pods "p" is forbidden: exceeded quota: compute, requested: cpu=32, used: …, limited: cpu=16` (ResourceQuota). */
const QUOTA = /exceeded quota: ([^,]+)(.*)$/;
/** `pods "p" is forbidden: error looking up service account ns/default: serviceaccount "default" not found`. */
const SERVICE_ACCOUNT =
  /error looking up service account ([^/\s]+)\/([^:\s]+): serviceaccount "[^"]+" not found/;

/**
 * What refused the request, or undefined when it was not refused (any status but 403; a webhook or an
 * admission policy is named whatever status it chose, as the API server passes theirs on).
 */
export function readRefusal(failure: ApiFailure): Refusal | undefined {
  const { message } = failure;
  const webhook = WEBHOOK.exec(message);
  if (webhook !== null && failure.status !== undefined)
    return { kind: 'webhook', webhook: webhook[1] ?? '?', message: webhook[2] ?? 'without explanation' };
  const policy = POLICY.exec(message);
  if (policy !== null && failure.status !== undefined)
    return { kind: 'policy', policy: policy[1] ?? '?', message: policy[2] ?? '' };
  if (failure.status !== 403) return undefined;
  const account = SERVICE_ACCOUNT.exec(message);
  if (account !== null)
    return { kind: 'service-account', namespace: account[1] ?? '?', account: account[2] ?? 'default' };
  const quota = QUOTA.exec(message);
  if (quota !== null)
    return { kind: 'quota', quota: quota[1] ?? '?', message: `exceeded quota: ${quota[1]}${quota[2]}` };
  const podSecurity = POD_SECURITY.exec(message);
  if (podSecurity !== null)
    return { kind: 'pod-security', level: podSecurity[1] ?? '?', violations: podSecurity[2] ?? '' };
  const rbac = RBAC.exec(message);
  if (rbac !== null) {
    const [, user = '?', verb = '?', resource = '?', namespace] = rbac;
    return { kind: 'rbac', user, verb, resource, ...(namespace !== undefined ? { namespace } : {}) };
  }
  return { kind: 'forbidden', message };
}

/** Whether the failure is the ServiceAccount admission race of a namespace created a moment ago. */
export function isServiceAccountRace(failure: ApiFailure): boolean {
  return readRefusal(failure)?.kind === 'service-account';
}

const RBAC_FIX =
  'grant it with deploy/rbac/namespace-per-run.yaml, or run with --namespace and deploy/rbac/existing-namespace.yaml';

/** The one line for a refused request: who refused it, what it said, what to do. */
export function describeRefusal(refusal: Refusal, doing: string, server: string): string {
  switch (refusal.kind) {
    case 'rbac': {
      const where = refusal.namespace === undefined ? 'cluster-wide' : `in namespace ${refusal.namespace}`;
      return `RBAC at ${server} refused ${doing}: user ${refusal.user} may not ${refusal.verb} ${refusal.resource} ${where}; ${RBAC_FIX}`;
    }
    case 'pod-security':
      return `Pod Security admission at ${server} refused ${doing}: the namespace enforces "${refusal.level}", violated by: ${refusal.violations}; use a namespace whose pod-security.kubernetes.io/enforce level allows it (omit --namespace to get one per run)`;
    case 'webhook':
      return `admission webhook "${refusal.webhook}" at ${server} refused ${doing}: ${refusal.message}; ask its owners to exempt the namespace or pods labelled app.kubernetes.io/managed-by=netperf-gate (kubectl get validatingwebhookconfigurations,mutatingwebhookconfigurations)`;
    case 'policy':
      return `ValidatingAdmissionPolicy '${refusal.policy}' at ${server} refused ${doing}: ${refusal.message}; ask its owners to exempt the namespace or pods labelled app.kubernetes.io/managed-by=netperf-gate`;
    case 'service-account':
      return `the ServiceAccount admission at ${server} refused ${doing}: service account ${refusal.namespace}/${refusal.account} still did not exist after retrying (the ServiceAccount controller creates "default" in each new namespace); check kube-controller-manager, then run again`;
    case 'quota':
      return `ResourceQuota "${refusal.quota}" at ${server} refused ${doing} (${refusal.message}): raise the quota for the pods' CPU and memory, or use a namespace without it (omit --namespace to get one per run)`;
    case 'forbidden':
      return `The Kubernetes API at ${server} refused ${doing} (403 Forbidden: ${refusal.message}); if a permission is missing, ${RBAC_FIX}`;
  }
}
