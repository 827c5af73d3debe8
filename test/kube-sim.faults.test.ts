/**
 * The simulator's fault switches, seen through @kubernetes/client-node and plain HTTP: API errors (500,
 * 429 with Retry-After), pods stuck Pending / ImagePullBackOff / CrashLoopBackOff, exec dropped mid-run,
 * a node NotReady, and the /sim/faults admin endpoint. Needs root.
 */
import type * as k8s from '@kubernetes/client-node';
import { waitUntil } from './helpers/wait-until.js';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';
import {
  type ClientNode,
  execInPod,
  netnsWithPrefix,
  POD_WAIT_MS,
  pidsWithMarker,
  podBody,
  uniqueSleepSeconds,
  waitForPod,
} from './kube-sim/test-helpers.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kube-sim fault tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 30_000;
/**
 * When the exec-drop test's fault drops the connection: late enough that the command has started and
 * printed even on a loaded machine (the drop must come mid-run, after its output).
 */
const EXEC_DROP_AFTER_MS = 3_000;
/** Bound for the dropped exec to close: far below the `sleep <marker>` (over a day) it would otherwise wait for. */
const EXEC_DROP_CLOSE_BOUND_MS = 30_000;
/** Bound for the killed command's process to be gone after the drop. */
const PROCESS_GONE_TIMEOUT_MS = 10_000;
const NS = 'faults';
const waitingReason = (pod: k8s.V1Pod) => pod.status?.containerStatuses?.[0]?.state?.waiting?.reason;
const scheduled = (pod: k8s.V1Pod) => pod.status?.conditions?.find((c) => c.type === 'PodScheduled');

describeAsRoot('kube-sim faults', () => {
  let client: ClientNode;
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;

  beforeAll(async () => {
    client = await import('@kubernetes/client-node');
    sim = await startKubeSim({ nodes: 2, crashBackoffMs: 200, imagePullBackoffMs: 200 });
    kc = new client.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    core = kc.makeApiClient(client.CoreV1Api);
    await core.createNamespace({ body: { metadata: { name: NS } } });
  }, TEST_TIMEOUT_MS);

  afterEach(() => sim.faults.clear());
  afterAll(async () => {
    await sim?.close();
  });

  test('a 500 on the next pod create is an InternalError Status; the call after it succeeds', async () => {
    sim.faults.add({ kind: 'api-error', verb: 'create', resource: 'pods', code: 500, times: 1 });
    const failed = await core
      .createNamespacedPod({ namespace: NS, body: podBody('retry', ['true']) })
      .catch((e: { code: number; body: string }) => e);
    expect(failed).toMatchObject({ code: 500 });
    expect(JSON.parse((failed as { body: string }).body)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'InternalError',
      message: 'Internal error occurred: etcdserver: request timed out',
      code: 500,
    });
    await expect(
      core.createNamespacedPod({ namespace: NS, body: podBody('retry', ['true']) }),
    ).resolves.toBeDefined();
    expect(sim.audit.filter((a) => a.verb === 'create' && a.resource === 'pods').map((a) => a.code)).toEqual([
      500, 201,
    ]);
  });

  test('a 429 carries Retry-After and a TooManyRequests Status with retryAfterSeconds', async () => {
    sim.faults.add({
      kind: 'api-error',
      verb: 'list',
      resource: 'nodes',
      code: 429,
      retryAfterSeconds: 2,
      times: 1,
    });
    const response = await fetch(`${sim.url}/api/v1/nodes`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: 2 },
      code: 429,
    });
    expect((await fetch(`${sim.url}/api/v1/nodes`)).status).toBe(200);
  });

  test('a pod-state Pending fault keeps a pod unscheduled with a FailedScheduling event', async () => {
    sim.faults.add({ kind: 'pod-state', state: 'Pending', name: 'stuck', times: 1 });
    await core.createNamespacedPod({ namespace: NS, body: podBody('stuck', ['sleep', '60']) });
    const pod = await waitForPod(client, kc, NS, 'stuck', (p) => scheduled(p)?.status === 'False');
    expect(pod.status?.phase).toBe('Pending');
    expect(scheduled(pod)).toMatchObject({
      reason: 'Unschedulable',
      message: expect.stringMatching(/^0\/2 nodes are available/),
    });
    const events = await core.listNamespacedEvent({
      namespace: NS,
      fieldSelector: 'involvedObject.name=stuck',
    });
    expect(events.items.map((e) => `${e.type} ${e.reason}`)).toContain('Warning FailedScheduling');
  });

  test('a pod asking for more CPU than any node has stays Pending: Insufficient cpu', async () => {
    await core.createNamespacedPod({ namespace: NS, body: podBody('huge', ['sleep', '60'], { cpu: '64' }) });
    const pod = await waitForPod(client, kc, NS, 'huge', (p) => scheduled(p)?.status === 'False');
    expect(scheduled(pod)?.message).toMatch(/^0\/2 nodes are available: 2 Insufficient cpu\./);
  });

  test('an ImagePullBackOff fault goes ErrImagePull → ImagePullBackOff with a "Failed to pull image" event', async () => {
    sim.faults.add({ kind: 'pod-state', state: 'ImagePullBackOff', name: 'nopull' });
    await core.createNamespacedPod({ namespace: NS, body: podBody('nopull', ['sleep', '60']) });
    const pod = await waitForPod(client, kc, NS, 'nopull', (p) => waitingReason(p) === 'ImagePullBackOff');
    expect(pod.status?.phase).toBe('Pending');
    const events = await core.listNamespacedEvent({
      namespace: NS,
      fieldSelector: 'involvedObject.name=nopull',
    });
    expect(events.items.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Failed to pull image "quay.io\/cilium\/network-perf:test"/),
      ]),
    );
  });

  test(
    'a CrashLoopBackOff fault restarts the container with back-off',
    async () => {
      sim.faults.add({ kind: 'pod-state', state: 'CrashLoopBackOff', name: 'crasher' });
      const body = podBody('crasher', ['sleep', '60']);
      if (body.spec) body.spec.restartPolicy = 'Always';
      await core.createNamespacedPod({ namespace: NS, body });
      const pod = await waitForPod(client, kc, NS, 'crasher', (p) => waitingReason(p) === 'CrashLoopBackOff');
      const status = pod.status?.containerStatuses?.[0];
      expect(status?.restartCount).toBeGreaterThanOrEqual(1);
      expect(status?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
      expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'an exec-drop fault closes the exec mid-run without a status and kills the command',
    async () => {
      const marker = uniqueSleepSeconds();
      await core.createNamespacedPod({ namespace: NS, body: podBody('target', ['sleep', '600']) });
      await waitForPod(client, kc, NS, 'target', (p) => p.status?.phase === 'Running');
      sim.faults.add({ kind: 'exec-drop', afterMs: EXEC_DROP_AFTER_MS, pod: 'target', times: 1 });
      const started = Date.now();
      const result = await execInPod(client, kc, NS, 'target', ['sh', '-c', `echo begun; sleep ${marker}`]);
      expect(Date.now() - started).toBeLessThan(EXEC_DROP_CLOSE_BOUND_MS);
      expect(result.stdout).toBe('begun\n');
      expect(result.status).toBeUndefined();
      await waitUntil(
        () => pidsWithMarker(`sleep ${marker}`).length === 0,
        PROCESS_GONE_TIMEOUT_MS,
        `the dropped exec's command (sleep ${marker}) to be killed`,
        () => `still running: ${pidsWithMarker(`sleep ${marker}`).join(', ')}`,
      );
    },
    POD_WAIT_MS + EXEC_DROP_CLOSE_BOUND_MS + PROCESS_GONE_TIMEOUT_MS,
  );

  test(
    'a NotReady node is tainted and skipped by the scheduler, and Ready again when the fault is cleared',
    async () => {
      const id = sim.faults.add({ kind: 'node-not-ready', node: 'sim-node-1' });
      const node = await core.readNode({ name: 'sim-node-1' });
      expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
      expect(node.spec?.taints).toContainEqual(
        expect.objectContaining({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }),
      );
      await core.createNamespacedPod({ namespace: NS, body: podBody('placed', ['sleep', '60']) });
      const pod = await waitForPod(client, kc, NS, 'placed', (p) => p.status?.phase === 'Running');
      expect(pod.spec?.nodeName).toBe('sim-node-2');
      sim.faults.remove(id);
      const again = await core.readNode({ name: 'sim-node-1' });
      expect(again.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(again.spec?.taints).toBeUndefined();
    },
    TEST_TIMEOUT_MS,
  );

  test('faults can be set, listed and cleared over HTTP at /sim/faults', async () => {
    const added = await fetch(`${sim.url}/sim/faults`, {
      method: 'POST',
      body: 'api-error:verb=get,resource=namespaces,code=503,times=1',
    });
    expect(added.status).toBe(201);
    const listed = (await (await fetch(`${sim.url}/sim/faults`)).json()) as {
      faults: { fault: { code: number } }[];
    };
    expect(listed.faults.map((f) => f.fault.code)).toEqual([503]);
    expect((await fetch(`${sim.url}/api/v1/namespaces/${NS}`)).status).toBe(503);
    const bad = await fetch(`${sim.url}/sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'api-error' }),
    });
    expect(bad.status).toBe(400);
    await fetch(`${sim.url}/sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'node-not-ready', node: 'sim-node-2' }),
    });
    expect((await fetch(`${sim.url}/sim/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(sim.faults.list()).toEqual([]);
  });

  test(
    'close() removes everything even while pods crash-loop, wait for images or stay pending',
    async () => {
      const marker = uniqueSleepSeconds();
      await core.createNamespacedPod({ namespace: NS, body: podBody('last', ['sleep', marker]) });
      await waitForPod(client, kc, NS, 'last', (p) => p.status?.phase === 'Running');
      expect(pidsWithMarker(`sleep ${marker}`)).toHaveLength(1);
      await sim.close();
      expect(netnsWithPrefix(sim.netnsPrefix)).toEqual([]);
      expect(pidsWithMarker(`sleep ${marker}`)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
