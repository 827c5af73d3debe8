/**
 * The cluster simulator driven by the real @kubernetes/client-node: nodes, namespaces, pods as real
 * processes in their own network namespaces, watch, exec over WebSocket, logs, namespace deletion,
 * and nothing left on the machine after close(). Needs root (network namespaces).
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
if (!asRoot) console.warn('kube-sim client-node tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 30_000;
const NS = 'perf';
const isRunning = (pod: k8s.V1Pod) => pod.status?.phase === 'Running' && pod.status.podIP !== undefined;

describeAsRoot('kube-sim with @kubernetes/client-node', () => {
  let client: ClientNode;
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  const sleepMarker = uniqueSleepSeconds();

  beforeAll(async () => {
    client = await import('@kubernetes/client-node');
    sim = await startKubeSim({ nodes: 2 });
    kc = new client.KubeConfig();
    kc.loadFromString(sim.kubeconfig);
    core = kc.makeApiClient(client.CoreV1Api);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
  });

  test('lists two Ready nodes with InternalIP, allocatable CPU and the machine kernel', async () => {
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['sim-node-1', 'sim-node-2']);
    const node = nodes.items[0];
    expect(node?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(node?.status?.addresses).toContainEqual({ type: 'InternalIP', address: '198.19.0.11' });
    expect(node?.status?.allocatable?.cpu).toBe('32');
    expect(node?.status?.nodeInfo?.kubeletVersion).toBe('v1.32.0-sim');
    expect(node?.status?.nodeInfo?.kernelVersion).toMatch(/^\d+\.\d+/);
  });

  test(
    'runs netserver on node 1 and netperf from a pod on node 2 across the pod network',
    async () => {
      await core.createNamespace({ body: { metadata: { name: NS, labels: { purpose: 'test' } } } });
      await core.createNamespacedPod({
        namespace: NS,
        body: podBody('server', ['netserver', '-D', '-4'], { nodeName: 'sim-node-1', cpu: '1' }),
      });
      await core.createNamespacedPod({
        namespace: NS,
        body: podBody('client', ['sleep', sleepMarker], { nodeName: 'sim-node-2', cpu: '1' }),
      });
      const server = await waitForPod(client, kc, NS, 'server', isRunning);
      const clientPod = await waitForPod(client, kc, NS, 'client', isRunning);
      expect(server.status?.hostIP).toBe('198.19.0.11');
      expect(clientPod.status?.hostIP).toBe('198.19.0.12');
      expect(server.status?.podIP).toMatch(/^198\.19\.101\.\d+$/);
      expect(server.status?.qosClass).toBe('Guaranteed');
      expect(server.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(
        expect.arrayContaining([
          'PodScheduled=True',
          'Initialized=True',
          'ContainersReady=True',
          'Ready=True',
        ]),
      );
      const result = await execInPod(client, kc, NS, 'client', [
        'netperf',
        '-H',
        server.status?.podIP ?? '',
        '-t',
        'TCP_RR',
        '-l',
        '1',
      ]);
      expect(result.status?.status).toBe('Success');
      expect(result.stdout).toContain('TCP REQUEST/RESPONSE TEST');
      expect(result.stdout).toContain(`to ${server.status?.podIP}`);
    },
    TEST_TIMEOUT_MS,
  );

  test('pins an exec to the pod CPU limit and runs it in the pod network namespace', async () => {
    const result = await execInPod(client, kc, NS, 'client', [
      'sh',
      '-c',
      'taskset -pc $$; ip -4 -o addr show eth0',
    ]);
    expect(result.stdout).toMatch(/current affinity list: \d+\n/);
    expect(result.stdout).toMatch(/inet 198\.19\.102\.\d+\/32/);
  });

  test('reports a failing command as NonZeroExitCode with the exit code and its stderr', async () => {
    const result = await execInPod(client, kc, NS, 'client', ['sh', '-c', 'echo oops >&2; exit 3']);
    expect(result.stderr).toBe('oops\n');
    expect(result.status).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });

  test('feeds stdin to the command and closes it at the end (v5 close signal)', async () => {
    const result = await execInPod(client, kc, NS, 'client', ['sh', '-c', 'wc -c; cat >/dev/null'], 'hello');
    expect(result.stdout.trim()).toBe('5');
    expect(result.status?.status).toBe('Success');
  });

  test('serves the container log of netserver', async () => {
    const log = await core.readNamespacedPodLog({ namespace: NS, name: 'server' });
    expect(log).toContain('Starting netserver');
  });

  test('lists pods by label selector and by spec.nodeName, and events of the namespace', async () => {
    const byLabel = await core.listNamespacedPod({ namespace: NS, labelSelector: 'role=server' });
    expect(byLabel.items.map((p) => p.metadata?.name)).toEqual(['server']);
    const onNode2 = await core.listPodForAllNamespaces({ fieldSelector: 'spec.nodeName=sim-node-2' });
    expect(onNode2.items.map((p) => p.metadata?.name)).toEqual(['client']);
    const events = await core.listNamespacedEvent({ namespace: NS });
    expect(events.items.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['Pulled', 'Created', 'Started']),
    );
  });

  test('answers a missing pod with a NotFound Status and a duplicate with AlreadyExists', async () => {
    await expect(core.readNamespacedPod({ namespace: NS, name: 'nope' })).rejects.toMatchObject({
      code: 404,
    });
    const error = await core
      .readNamespacedPod({ namespace: NS, name: 'nope' })
      .catch((e: { body: string }) => JSON.parse(e.body));
    expect(error).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'pods' },
      code: 404,
    });
    const again = core.createNamespacedPod({ namespace: NS, body: podBody('server', ['true']) });
    await expect(again).rejects.toMatchObject({ code: 409 });
  });

  test(
    'deleting the namespace stops its pods and removes their network namespaces',
    async () => {
      const before = netnsWithPrefix(sim.netnsPrefix).filter((n) => /-p\d+$/.test(n));
      expect(before).toHaveLength(2);
      await core.deleteNamespace({ name: NS });
      await waitUntil(
        async () => !(await core.listNamespace()).items.some((n) => n.metadata?.name === NS),
        POD_WAIT_MS,
        `namespace ${NS} to go after its pods`,
      );
      await expect(core.readNamespace({ name: NS })).rejects.toMatchObject({ code: 404 });
      expect(netnsWithPrefix(sim.netnsPrefix).filter((n) => /-p\d+$/.test(n))).toEqual([]);
      expect(pidsWithMarker(`sleep ${sleepMarker}`)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'close() leaves no network namespace and no process behind',
    async () => {
      await core.createNamespace({ body: { metadata: { name: 'leftover' } } });
      await core.createNamespacedPod({
        namespace: 'leftover',
        body: podBody('sleeper', ['sleep', sleepMarker]),
      });
      await waitForPod(client, kc, 'leftover', 'sleeper', isRunning);
      expect(pidsWithMarker(`sleep ${sleepMarker}`)).toHaveLength(1);
      await sim.close();
      expect(netnsWithPrefix(sim.netnsPrefix)).toEqual([]);
      expect(pidsWithMarker(`sleep ${sleepMarker}`)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
