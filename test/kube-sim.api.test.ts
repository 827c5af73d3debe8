/**
 * The simulator's wire format over plain HTTP and WebSocket: Status objects, validation, watch from a
 * resourceVersion, Tables, pod lifecycle (Succeeded/Failed, grace periods, hostNetwork, CPU pinning),
 * scheduling against taints, logs that follow, exec over v4, and the audit log file. Needs root.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from './helpers/wait-until.js';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';
import { POD_WAIT_MS, podBody } from './kube-sim/test-helpers.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kube-sim API tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 30_000;
const NS = 'wire';
// biome-ignore lint/suspicious/noExplicitAny: the tests read loose JSON
type Json = Record<string, any>;

describeAsRoot('kube-sim API wire format', () => {
  let sim: KubeSim;
  let folder: string;

  async function api(
    path: string,
    init: RequestInit & { json?: unknown } = {},
  ): Promise<{ status: number; body: Json; text: string }> {
    const { json, ...rest } = init;
    const response = await fetch(`${sim.url}${path}`, {
      ...rest,
      ...(json !== undefined
        ? { body: JSON.stringify(json), headers: { 'Content-Type': 'application/json' } }
        : {}),
    });
    const text = await response.text();
    let body: Json = {};
    try {
      body = JSON.parse(text);
    } catch {
      // logs are text
    }
    return { status: response.status, body, text };
  }

  async function podWhen(name: string, done: (pod: Json) => boolean, timeoutMs = POD_WAIT_MS): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await api(`/api/v1/namespaces/${NS}/pods/${name}`);
      if (done(body)) return body;
      if (Date.now() > deadline) throw new Error(`pod ${name} not done: ${JSON.stringify(body.status)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kube-sim-api-'));
    sim = await startKubeSim({
      nodes: [{ taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }] }, { cpu: '2' }],
      auditLogPath: join(folder, 'audit.jsonl'),
    });
    await api('/api/v1/namespaces', {
      method: 'POST',
      json: { metadata: { name: NS, labels: { team: 'perf' } } },
    });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('discovery lists pods with verbs and short names, and unknown paths are a NotFound Status', async () => {
    const { body } = await api('/api/v1');
    expect(body).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
    expect(body.resources).toContainEqual(
      expect.objectContaining({ name: 'pods', namespaced: true, kind: 'Pod', shortNames: ['po'] }),
    );
    expect((await api('/version')).body.gitVersion).toBe('v1.32.0-sim');
    expect(await api('/apis/apps/v1')).toMatchObject({
      status: 404,
      body: { kind: 'Status', reason: 'NotFound', code: 404 },
    });
  });

  test('an invalid pod is 422 Invalid with one cause per field', async () => {
    const body = { metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'c' }] } };
    const { status, body: error } = await api(`/api/v1/namespaces/${NS}/pods`, {
      method: 'POST',
      json: body,
    });
    expect(status).toBe(422);
    expect(error).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
    });
    expect(error.details.causes.map((c: Json) => c.field)).toEqual([
      'metadata.name',
      'spec.containers[0].image',
    ]);
    expect(error.message).toMatch(/^Pod "Bad_Name" is invalid: \[metadata\.name: Invalid value/);
  });

  test('a pod in a namespace that does not exist is 404 for the namespace', async () => {
    const { status, body } = await api('/api/v1/namespaces/nowhere/pods', {
      method: 'POST',
      json: podBody('p', ['true']),
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ reason: 'NotFound', details: { name: 'nowhere', kind: 'namespaces' } });
  });

  test('Pod Security on the namespace label refuses a host-network pod with 403, as the PodSecurity plugin does', async () => {
    await api('/api/v1/namespaces', {
      method: 'POST',
      json: { metadata: { name: 'locked', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } },
    });
    const { status, body } = await api('/api/v1/namespaces/locked/pods', {
      method: 'POST',
      json: podBody('h', ['true'], { hostNetwork: true }),
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({
      reason: 'Forbidden',
      message:
        'pods "h" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)',
      details: { name: 'h', kind: 'pods' },
    });
    const pod = await api('/api/v1/namespaces/locked/pods', { method: 'POST', json: podBody('p', ['true']) });
    expect(pod.status).toBe(201);
    await api('/api/v1/namespaces/locked', { method: 'DELETE' });
  });

  test('namespaces can be listed by label selector', async () => {
    const { body } = await api('/api/v1/namespaces?labelSelector=team%3Dperf');
    expect(body.kind).toBe('NamespaceList');
    expect(body.items.map((n: Json) => n.metadata.name)).toEqual([NS]);
  });

  test('a watch from a resourceVersion replays later changes; a too old one gets an ERROR 410 event', async () => {
    const { body: list } = await api(`/api/v1/namespaces/${NS}/pods`);
    await api(`/api/v1/namespaces/${NS}/pods`, {
      method: 'POST',
      json: { ...podBody('', ['true']), metadata: { generateName: 'gen-' } },
    });
    const controller = new AbortController();
    const response = await fetch(
      `${sim.url}/api/v1/namespaces/${NS}/pods?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
      {
        signal: controller.signal,
      },
    );
    const reader = response.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value).split('\n')[0] ?? '';
    controller.abort();
    expect(JSON.parse(first)).toMatchObject({
      type: 'ADDED',
      object: { kind: 'Pod', metadata: { name: expect.stringMatching(/^gen-[a-z0-9]{5}$/) } },
    });
    const expired = await api(`/api/v1/namespaces/${NS}/pods?watch=true&resourceVersion=1`);
    expect(JSON.parse(expired.text.trim())).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', reason: 'Expired', code: 410 },
    });
  });

  test('kubectl-style Table requests get a meta.k8s.io/v1 Table', async () => {
    const response = await fetch(`${sim.url}/api/v1/nodes`, {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = (await response.json()) as Json;
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect(table.columnDefinitions.map((c: Json) => c.name).slice(0, 5)).toEqual([
      'Name',
      'Status',
      'Roles',
      'Age',
      'Version',
    ]);
    expect(table.rows[0].cells.slice(0, 2)).toEqual(['sim-node-1', 'Ready']);
  });

  test(
    'the scheduler skips the tainted node; a pod that tolerates it may land there',
    async () => {
      await api(`/api/v1/namespaces/${NS}/pods`, { method: 'POST', json: podBody('free', ['sleep', '60']) });
      expect((await podWhen('free', (p) => Boolean(p.spec.nodeName))).spec.nodeName).toBe('sim-node-2');
      const tolerant = podBody('tolerant', ['sleep', '60'], { cpu: '2' });
      if (tolerant.spec)
        tolerant.spec.tolerations = [
          { key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' },
        ];
      await api(`/api/v1/namespaces/${NS}/pods`, { method: 'POST', json: tolerant });
      const placed = await podWhen('tolerant', (p) => Boolean(p.spec.nodeName));
      expect(placed.spec.nodeName).toBe('sim-node-1');
      await api(`/api/v1/namespaces/${NS}/pods`, {
        method: 'POST',
        json: podBody('nowhere', ['sleep', '60'], { cpu: '3' }),
      });
      const pending = await podWhen('nowhere', (p) =>
        p.status.conditions?.some((c: Json) => c.reason === 'Unschedulable'),
      );
      expect(pending.status.conditions.find((c: Json) => c.type === 'PodScheduled').message).toMatch(
        /^0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) had untolerated taint \{dedicated: infra\}\./,
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a container that exits 0 makes the pod Succeeded; its log follows until the end',
    async () => {
      await api(`/api/v1/namespaces/${NS}/pods`, {
        method: 'POST',
        json: podBody('job', ['sh', '-c', 'echo one; sleep 0.3; echo two'], { nodeName: 'sim-node-2' }),
      });
      await podWhen('job', (p) => p.status.phase === 'Running');
      const followed = await api(`/api/v1/namespaces/${NS}/pods/job/log?follow=true`);
      expect(followed.text).toBe('one\ntwo\n');
      const pod = await podWhen('job', (p) => p.status.phase === 'Succeeded');
      expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({
        exitCode: 0,
        reason: 'Completed',
      });
    },
    TEST_TIMEOUT_MS,
  );

  test('a container that exits 2 with restartPolicy Never makes the pod Failed', async () => {
    await api(`/api/v1/namespaces/${NS}/pods`, {
      method: 'POST',
      json: podBody('fails', ['sh', '-c', 'exit 2'], { nodeName: 'sim-node-2' }),
    });
    const pod = await podWhen('fails', (p) => p.status.phase === 'Failed');
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
  });

  test(
    'a tcpSocket readiness probe keeps a Running pod not Ready until something listens on its port',
    async () => {
      // The container listens only once the test creates the trigger file: nothing races the probe.
      const trigger = join(folder, 'listen-now');
      const listenLater = 'while [ ! -e "$0" ]; do sleep 0.05; done; exec netserver -D -4 -p 12866';
      const body = podBody('probed', ['sh', '-c', listenLater, trigger], { nodeName: 'sim-node-2' });
      const [container] = body.spec?.containers ?? [];
      if (container) container.readinessProbe = { tcpSocket: { port: 12866 }, periodSeconds: 1 };
      await api(`/api/v1/namespaces/${NS}/pods`, { method: 'POST', json: body });
      const running = await podWhen('probed', (p) => p.status.phase === 'Running');
      expect(running.status.conditions.find((c: Json) => c.type === 'Ready')).toMatchObject({
        status: 'False',
        reason: 'ContainersNotReady',
      });
      expect(running.status.containerStatuses[0]).toMatchObject({ started: true, ready: false });
      writeFileSync(trigger, '');
      const ready = await podWhen('probed', (p) =>
        p.status.conditions.some((c: Json) => c.type === 'Ready' && c.status === 'True'),
      );
      expect(ready.status.containerStatuses[0]).toMatchObject({ started: true, ready: true });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a hostNetwork pod uses the node IP; a 2-core limit pins to two cores',
    async () => {
      const body = podBody('host', ['sh', '-c', 'ip -4 -o addr show eth0; taskset -pc $$; sleep 60'], {
        nodeName: 'sim-node-2',
        cpu: '2',
        hostNetwork: true,
      });
      await api(`/api/v1/namespaces/${NS}/pods`, { method: 'POST', json: body });
      const pod = await podWhen('host', (p) => p.status.phase === 'Running');
      expect(pod.status.podIP).toBe('198.19.0.12');
      let log = '';
      await waitUntil(
        async () => {
          log = (await api(`/api/v1/namespaces/${NS}/pods/host/log`)).text;
          return log.includes('affinity');
        },
        POD_WAIT_MS,
        'the host pod to log its affinity',
        () => `log: ${JSON.stringify(log)}`,
      );
      expect(log).toContain('inet 198.19.0.12/16');
      expect(log).toMatch(/current affinity list: (0,1|0-1)\n/);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'delete with a grace period sends SIGTERM, then SIGKILL when the process ignores it',
    async () => {
      const body = podBody(
        'stubborn',
        ['sh', '-c', 'trap "" TERM; echo ready; while true; do sleep 0.1; done'],
        {
          nodeName: 'sim-node-2',
        },
      );
      await api(`/api/v1/namespaces/${NS}/pods`, { method: 'POST', json: body });
      await podWhen('stubborn', (p) => p.status.phase === 'Running');
      // SIGTERM must come after the trap is set, or the shell dies of it at once.
      await waitUntil(
        async () => (await api(`/api/v1/namespaces/${NS}/pods/stubborn/log`)).text.includes('ready'),
        POD_WAIT_MS,
        'the stubborn pod to set its trap and log "ready"',
      );
      const started = Date.now();
      const deleted = await api(`/api/v1/namespaces/${NS}/pods/stubborn?gracePeriodSeconds=1`, {
        method: 'DELETE',
      });
      expect(deleted.body.metadata.deletionTimestamp).toBeDefined();
      await podWhen('stubborn', (p) => p.code === 404);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'gives a pod its own /tmp (TMPDIR), and what a killed process left there goes with the pod',
    async () => {
      // The fan-out script's `mktemp -d`, killed before its `rm -rf`, as a hard-cancelled run leaves it.
      const script = 'd=$(mktemp -d) && touch "$d/1.out" && echo "dir=$d" && sleep 600';
      await api(`/api/v1/namespaces/${NS}/pods`, {
        method: 'POST',
        json: podBody('scratch', ['sh', '-c', script], { nodeName: 'sim-node-1' }),
      });
      let dir = '';
      await waitUntil(
        async () => {
          dir = /dir=(\S+)/.exec((await api(`/api/v1/namespaces/${NS}/pods/scratch/log`)).text)?.[1] ?? '';
          return dir !== '';
        },
        POD_WAIT_MS,
        'the scratch pod to log its temporary folder',
      );
      expect(dir.startsWith('/tmp/tmp.')).toBe(false);
      expect(existsSync(join(dir, '1.out'))).toBe(true);
      await api(`/api/v1/namespaces/${NS}/pods/scratch?gracePeriodSeconds=0`, { method: 'DELETE' });
      // Deleted at once, the object goes first; the kubelet then kills the process and removes the rest.
      await waitUntil(async () => !existsSync(dir), POD_WAIT_MS, "the scratch pod's temporary folder to go");
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'exec speaks v4.channel.k8s.io to a client that offers only v4',
    async () => {
      await podWhen('free', (p) => p.status.phase === 'Running');
      const url = `${sim.url.replace('http', 'ws')}/api/v1/namespaces/${NS}/pods/free/exec?command=sh&command=-c&command=echo%20hi%3B%20exit%205&stdout=true&stderr=true`;
      const ws = new WebSocket(url, ['v4.channel.k8s.io']);
      ws.binaryType = 'arraybuffer';
      const frames: Buffer[] = [];
      ws.onmessage = (event) => frames.push(Buffer.from(event.data as ArrayBuffer));
      await new Promise((resolve) => {
        ws.onclose = resolve;
      });
      expect(ws.protocol).toBe('v4.channel.k8s.io');
      const byChannel = (channel: number) =>
        frames
          .filter((f) => f[0] === channel)
          .map((f) => f.subarray(1).toString())
          .join('');
      expect(byChannel(1)).toBe('hi\n');
      expect(JSON.parse(byChannel(3))).toMatchObject({
        status: 'Failure',
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: '5' }] },
      });
    },
    TEST_TIMEOUT_MS,
  );

  test('every request is in the audit log, in memory and in the file', async () => {
    const lines = readFileSync(join(folder, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(sim.audit.length);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      verb: 'create',
      method: 'POST',
      path: '/api/v1/namespaces',
      resource: 'namespaces',
      code: 201,
    });
    expect(sim.audit).toContainEqual(expect.objectContaining({ verb: 'watch', resource: 'pods', code: 200 }));
    expect(sim.audit).toContainEqual(
      expect.objectContaining({ verb: 'create', resource: 'pods/exec', code: 101 }),
    );
  });
});
