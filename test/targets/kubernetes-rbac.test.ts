/**
 * The RBAC manifests in deploy/rbac grant what the Kubernetes target calls, and no more than that
 * (enforced for real in kubernetes-rbac.integration.test.ts); a refused exec says what it needs.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { readApiFailure } from '../../src/targets/kubernetes/api-errors.js';
import { ExecHandshakeError } from '../../src/targets/kubernetes/exec.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
  verbs: string[];
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: Rule[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace: string }[];
}

function manifests(file: string): Manifest[] {
  const text = readFileSync(new URL(`../../deploy/rbac/${file}`, import.meta.url), 'utf8');
  return parseAllDocuments(text).map((document) => document.toJSON() as Manifest);
}

function rulesOf(docs: readonly Manifest[], kind: 'Role' | 'ClusterRole'): Rule[] {
  return docs.filter((doc) => doc.kind === kind).flatMap((doc) => doc.rules ?? []);
}

function grants(rules: readonly Rule[], verb: string, resource: string): boolean {
  return rules.some(
    (rule) => rule.apiGroups.includes('') && rule.resources.includes(resource) && rule.verbs.includes(verb),
  );
}

/** The core/v1 calls of the target: [verb, resource] as the API server authorises them. */
const POD_CALLS = [
  ['create', 'pods'],
  ['get', 'pods'],
  ['list', 'pods'],
  ['watch', 'pods'],
  ['delete', 'pods'],
  ['list', 'events'],
  ['get', 'pods/exec'],
  ['create', 'pods/exec'],
] as const;
const NODE_CALLS = [
  ['list', 'nodes'],
  // Free CPU per node: one list of every namespace's pods.
  ['list', 'pods'],
] as const;
const NAMESPACE_CALLS = [
  ['create', 'namespaces'],
  ['get', 'namespaces'],
  ['delete', 'namespaces'],
] as const;

describe('RBAC for a namespace per run', () => {
  const docs = manifests('namespace-per-run.yaml');
  const rules = rulesOf(docs, 'ClusterRole');

  it.each([...NODE_CALLS, ...NAMESPACE_CALLS, ...POD_CALLS])(
    'grants %s %s cluster-wide',
    (verb, resource) => {
      expect(grants(rules, verb, resource)).toBe(true);
    },
  );

  it('binds the ClusterRole to the ServiceAccount it creates', () => {
    const binding = docs.find((doc) => doc.kind === 'ClusterRoleBinding');
    const account = docs.find((doc) => doc.kind === 'ServiceAccount');
    expect(binding?.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'netperf-gate',
    });
    expect(binding?.subjects).toEqual([
      { kind: 'ServiceAccount', name: account?.metadata.name, namespace: account?.metadata.namespace },
    ]);
  });

  it('grants nothing beyond the core group and nothing that changes nodes', () => {
    expect(rules.every((rule) => rule.apiGroups.length === 1 && rule.apiGroups[0] === '')).toBe(true);
    for (const verb of ['create', 'update', 'patch', 'delete'])
      expect(grants(rules, verb, 'nodes')).toBe(false);
  });
});

describe('RBAC for an existing namespace', () => {
  const docs = manifests('existing-namespace.yaml');
  const role = rulesOf(docs, 'Role');
  const clusterRole = rulesOf(docs, 'ClusterRole');

  it.each(POD_CALLS)('grants %s %s in the namespace', (verb, resource) => {
    expect(grants(role, verb, resource)).toBe(true);
    // Listing pods of every namespace gives the CPU other pods request on each node (free CPU).
    expect(grants(clusterRole, verb, resource)).toBe(verb === 'list' && resource === 'pods');
  });

  it('grants listing nodes and pods cluster-wide, and on namespaces only get of its own (its Pod Security label)', () => {
    for (const [verb, resource] of NODE_CALLS) expect(grants(clusterRole, verb, resource)).toBe(true);
    const onNamespaces = [...role, ...clusterRole].filter((rule) => rule.resources.includes('namespaces'));
    expect(onNamespaces).toEqual([
      { apiGroups: [''], resources: ['namespaces'], resourceNames: ['netperf-gate'], verbs: ['get'] },
    ]);
    expect(grants(clusterRole, 'get', 'namespaces')).toBe(false);
    for (const [verb, resource] of NAMESPACE_CALLS.filter(([verb]) => verb !== 'get'))
      expect(grants([...role, ...clusterRole], verb, resource)).toBe(false);
  });

  it('puts the Role, its binding and the ServiceAccount in the one namespace', () => {
    const namespaced = docs.filter((doc) => ['Role', 'RoleBinding', 'ServiceAccount'].includes(doc.kind));
    expect(new Set(namespaced.map((doc) => doc.metadata.namespace))).toEqual(new Set(['netperf-gate']));
  });
});

describe('a refused exec', () => {
  it('says what exec needs, since the WebSocket refusal carries no Status', () => {
    const refused = readApiFailure(new ExecHandshakeError('Unexpected server response: 403', 403));
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/refused the exec's WebSocket upgrade \(403 Forbidden\)/);
    expect(refused.message).toMatch(/needs get and create on pods\/exec .*deploy\/rbac/);
    const missing = readApiFailure(new ExecHandshakeError('Unexpected server response: 404', 404));
    expect(missing.message).toBe('Unexpected server response: 404');
  });
});
