/**
 * What kube-sim now refuses or serves as a real API server does: PATCH of pods, nodes and namespaces
 * (and what a pod PATCH may not change), boolean flags spelled as the Python client spells them,
 * default ServiceAccounts, access reviews with RBAC off, and a close() that does not wait for an open
 * exec. Needs root. (RBAC objects and reviews with RBAC on: kube-sim.api-rbac-objects.test.ts.)
 */
import * as k8s from '@kubernetes/client-node';
import { waitUntil } from './helpers/wait-until.js';
import { client, type Json } from './kube-sim/http-client.js';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';
import { execInPod, POD_WAIT_MS, podBody, waitForPod } from './kube-sim/test-helpers.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn('kube-sim API strictness tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 30_000;

const MERGE = 'application/merge-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

describeAsRoot('kube-sim as strict as an API server (RBAC off)', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  const api = client(() => sim.url);

  beforeAll(async () => {
    sim = await startKubeSim({ nodes: 2 });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    await api('/api/v1/namespaces', { method: 'POST', json: { metadata: { name: 'strict' } } });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
  });

  test(
    'PATCH changes a pod’s labels, a node’s taints and a namespace’s labels, and leaves status alone',
    async () => {
      await api('/api/v1/namespaces/strict/pods', {
        method: 'POST',
        json: podBody('patched', ['sleep', '60']),
      });
      const pod = await api('/api/v1/namespaces/strict/pods/patched', {
        method: 'PATCH',
        json: { metadata: { labels: { extra: 'yes' } }, status: { phase: 'Failed' } },
        contentType: MERGE,
      });
      expect(pod.status).toBe(200);
      expect(pod.body.metadata.labels).toMatchObject({ extra: 'yes', role: 'patched' });
      expect(pod.body.status.phase).not.toBe('Failed');
      const node = await api('/api/v1/nodes/sim-node-2', {
        method: 'PATCH',
        json: { spec: { taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }] } },
        contentType: STRATEGIC,
      });
      expect(node.body.spec.taints).toEqual([{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }]);
      const namespace = await api('/api/v1/namespaces/strict', {
        method: 'PATCH',
        json: [{ op: 'add', path: '/metadata/labels/team', value: 'net' }],
        contentType: JSON_PATCH,
      });
      expect(namespace.body.metadata.labels).toMatchObject({ team: 'net' });
    },
    TEST_TIMEOUT_MS,
  );

  test('a pod PATCH that changes more than images is 422, an unknown patch type 415, a stale resourceVersion 409', async () => {
    await api('/api/v1/namespaces/strict/pods', { method: 'POST', json: podBody('fixed', ['sleep', '60']) });
    const path = '/api/v1/namespaces/strict/pods/fixed';
    const spec = await api(path, {
      method: 'PATCH',
      json: { spec: { hostNetwork: true } },
      contentType: MERGE,
    });
    expect(spec).toMatchObject({ status: 422, body: { reason: 'Invalid' } });
    expect(spec.body.message).toContain('spec: Forbidden: pod updates may not change fields other than');
    const type = await api(path, { method: 'PATCH', json: {}, contentType: 'application/json' });
    expect(type).toMatchObject({ status: 415, body: { reason: 'UnsupportedMediaType' } });
    const stale = await api(path, {
      method: 'PATCH',
      json: { metadata: { resourceVersion: '1', labels: { x: 'y' } } },
      contentType: MERGE,
    });
    expect(stale).toMatchObject({ status: 409, body: { reason: 'Conflict' } });
  });

  test(
    'a node given a label by PATCH takes the pod that waited for that label',
    async () => {
      const body = podBody('picky', ['sleep', '60']);
      body.spec = { ...body.spec, containers: body.spec?.containers ?? [], nodeSelector: { disk: 'ssd' } };
      await api('/api/v1/namespaces/strict/pods', { method: 'POST', json: body });
      await api('/api/v1/nodes/sim-node-1', {
        method: 'PATCH',
        json: { metadata: { labels: { disk: 'ssd' } } },
        contentType: MERGE,
      });
      const running = await waitForPod(k8s, kc, 'strict', 'picky', (p) => p.status?.phase === 'Running');
      expect(running.spec?.nodeName).toBe('sim-node-1');
    },
    TEST_TIMEOUT_MS,
  );

  test('watch=True streams events as watch=true does (the Python client spells it so); watch=yes is 400', async () => {
    const watched = await api('/api/v1/namespaces?watch=True&timeoutSeconds=1');
    expect(watched.status).toBe(200);
    expect(watched.text.split('\n')[0]).toMatch(/^\{"type":"ADDED","object":\{/);
    const bad = await api('/api/v1/namespaces?watch=yes');
    expect(bad).toMatchObject({ status: 400, body: { reason: 'BadRequest' } });
    expect(bad.body.message).toBe(
      'invalid value for watch: strconv.ParseBool: parsing "yes": invalid syntax',
    );
  });

  test('every namespace gets a default ServiceAccount, which goes with the namespace', async () => {
    await api('/api/v1/namespaces', { method: 'POST', json: { metadata: { name: 'accounts' } } });
    const path = '/api/v1/namespaces/accounts/serviceaccounts/default';
    await waitUntil(async () => (await api(path)).status === 200, POD_WAIT_MS, 'the default ServiceAccount');
    expect((await api(path)).body).toMatchObject({ kind: 'ServiceAccount', metadata: { name: 'default' } });
    await api('/api/v1/namespaces/accounts', { method: 'DELETE' });
    await waitUntil(
      async () => (await api(path)).status === 404,
      POD_WAIT_MS,
      'the ServiceAccount to go with its namespace',
    );
  });

  test('discovery lists the RBAC and authorization groups, and a SelfSubjectAccessReview is allowed with RBAC off', async () => {
    const groups = await api('/apis');
    expect(groups.body.groups.map((g: Json) => g.name)).toEqual([
      'rbac.authorization.k8s.io',
      'authorization.k8s.io',
    ]);
    const review = await kc.makeApiClient(k8s.AuthorizationV1Api).createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { verb: 'delete', resource: 'nodes' } } },
    });
    expect(review.status?.allowed).toBe(true);
  });

  test(
    'close() ends while an exec is still open instead of waiting for it',
    async () => {
      const own = await startKubeSim({ nodes: 1 });
      const ownKc = new k8s.KubeConfig();
      ownKc.loadFromString(own.kubeconfig);
      const pods = ownKc.makeApiClient(k8s.CoreV1Api);
      await pods.createNamespacedPod({ namespace: 'default', body: podBody('held', ['sleep', '600']) });
      await waitForPod(k8s, ownKc, 'default', 'held', (p) => p.status?.phase === 'Running');
      const exec = execInPod(k8s, ownKc, 'default', 'held', ['sleep', '600']);
      await waitUntil(
        () => own.audit.some((e) => e.resource === 'pods/exec' && e.code === 101),
        POD_WAIT_MS,
        'the exec to be upgraded',
      );
      await own.close();
      expect((await exec).status).toBeUndefined();
    },
    TEST_TIMEOUT_MS,
  );
});
