/**
 * kube-sim with RBAC on: the manifests' objects served, the policy following writes of RBAC objects
 * through the API, their validation, and SelfSubjectAccessReview / SelfSubjectRulesReview answered from
 * the rules as client-node's AuthorizationV1Api asks them. Needs root.
 */
import { readFileSync } from 'node:fs';
import * as k8s from '@kubernetes/client-node';
import { client } from './kube-sim/http-client.js';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kube-sim RBAC object tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 30_000;

describeAsRoot('kube-sim RBAC objects and access reviews (RBAC on)', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  const admin = client(
    () => sim.url,
    () => sim.adminToken,
  );

  function review(verb: string, resource: string, namespace?: string) {
    return kc.makeApiClient(k8s.AuthorizationV1Api).createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { verb, resource, ...(namespace ? { namespace } : {}) } } },
    });
  }

  beforeAll(async () => {
    const manifests = readFileSync(new URL('../deploy/rbac/namespace-per-run.yaml', import.meta.url), 'utf8');
    sim = await startKubeSim({ nodes: 1, rbac: { manifests } });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
  });

  test('the manifests’ objects are served: the ClusterRole, its binding and the ServiceAccount', async () => {
    const role = await admin('/apis/rbac.authorization.k8s.io/v1/clusterroles/netperf-gate');
    expect(role.body).toMatchObject({ kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1' });
    const account = await admin('/api/v1/namespaces/netperf-gate/serviceaccounts/netperf-gate');
    expect(account.status).toBe(200);
  });

  test('a SelfSubjectAccessReview answers from the RBAC rules: allowed with the reason, or not', async () => {
    const allowed = await review('create', 'pods', 'run-1');
    expect(allowed.status).toMatchObject({
      allowed: true,
      reason:
        'RBAC: allowed by ClusterRoleBinding "netperf-gate" of ClusterRole "netperf-gate" to ServiceAccount "netperf-gate/netperf-gate"',
    });
    expect((await review('delete', 'nodes')).status?.allowed).toBe(false);
  });

  test('a RoleBinding created through the API grants at once, and deleting it takes the grant back', async () => {
    const body = {
      kind: 'ClusterRoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: 'node-deleter' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'deleter' },
      subjects: [{ kind: 'ServiceAccount', name: 'netperf-gate', namespace: 'netperf-gate' }],
    };
    const role = {
      kind: 'ClusterRole',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: { name: 'deleter' },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['delete'] }],
    };
    const rbac = '/apis/rbac.authorization.k8s.io/v1';
    expect((await admin(`${rbac}/clusterroles`, { method: 'POST', json: role })).status).toBe(201);
    expect((await admin(`${rbac}/clusterrolebindings`, { method: 'POST', json: body })).status).toBe(201);
    expect((await review('delete', 'nodes')).status?.allowed).toBe(true);
    await admin(`${rbac}/clusterrolebindings/node-deleter`, { method: 'DELETE' });
    expect((await review('delete', 'nodes')).status?.allowed).toBe(false);
  });

  test('a Role without verbs is 422 Invalid, as the API server validates it', async () => {
    const bad = await admin('/apis/rbac.authorization.k8s.io/v1/namespaces/netperf-gate/roles', {
      method: 'POST',
      json: { kind: 'Role', metadata: { name: 'empty' }, rules: [{ apiGroups: [''], resources: ['pods'] }] },
    });
    expect(bad).toMatchObject({ status: 422, body: { reason: 'Invalid' } });
  });

  test('a SelfSubjectRulesReview lists the bound rules; an anonymous review is 403', async () => {
    const rules = await kc.makeApiClient(k8s.AuthorizationV1Api).createSelfSubjectRulesReview({
      body: { spec: { namespace: 'run-1' } },
    });
    expect(rules.status?.resourceRules).toContainEqual(
      expect.objectContaining({ resources: ['pods'], verbs: ['create', 'delete', 'get', 'list', 'watch'] }),
    );
    const anonymous = await client(() => sim.url)('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      method: 'POST',
      json: { spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } },
    });
    expect(anonymous.status).toBe(403);
  });
});
