/**
 * What a real API server and kubelet refuse, against kube-sim's stricter admission: the service-account
 * race (retried by the target until the pods are admitted), an admission webhook's denial (named, not
 * called RBAC), a kubelet's admission refusal (its own hint) and cleanup's safe default age. The
 * simulator's answers are checked as sent, and the target is driven through them. Needs root.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreV1EventList, V1NamespaceList, V1Pod, V1Status } from '@kubernetes/client-node';
import { main } from '../../src/cli/main.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { createKubernetesTarget } from '../../src/targets/kubernetes/kubernetes-target.js';
import { parseFaultSpec } from '../kube-sim/faults.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';
import { podBody } from '../kube-sim/test-helpers.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kubernetes admission integration tests skipped: kube-sim needs root');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 120_000;
/** Bound for a refused pod to show its refusal (the simulator's kubelet acts at once; load may slow it). */
const REFUSAL_WAIT_MS = 30_000;
const folder = mkdtempSync(join(tmpdir(), 'npg-k8s-admission-'));
const kubeconfigPath = join(folder, 'kubeconfig');
const oneScenario = () => defaultSuite().scenarios.filter((s) => s.name === 'tcp_rr_1cpu');
let sim: KubeSim;

beforeAll(async () => {
  if (!asRoot) return;
  sim = await startKubeSim({ nodes: [{ cpu: '8' }, { cpu: '8' }], kubeconfigPath, log: () => {} });
  await api('POST', '/api/v1/namespaces', { metadata: { name: 'raw' } });
}, 60_000);

afterEach(() => sim?.faults.clear());

afterAll(async () => {
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function api<T>(method: string, path: string, body?: unknown): Promise<{ code: number; body: T }> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { code: response.status, body: (await response.json()) as T };
}

async function ourNamespaces(): Promise<string[]> {
  const list = await api<V1NamespaceList>('GET', '/api/v1/namespaces');
  return list.body.items
    .filter((ns) => ns.metadata?.deletionTimestamp === undefined)
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => name.startsWith('netperf-gate-'));
}

async function waitForPod(name: string, done: (pod: V1Pod) => boolean): Promise<V1Pod> {
  const deadline = Date.now() + REFUSAL_WAIT_MS;
  for (;;) {
    const { body } = await api<V1Pod>('GET', `/api/v1/namespaces/raw/pods/${name}`);
    if (done(body) || Date.now() > deadline) return body;
    await new Promise((resume) => setTimeout(resume, 200));
  }
}

function target(lines: string[] = []) {
  const settings = { kubeconfigPath, tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: false };
  return createKubernetesTarget(settings, { log: (line) => lines.push(line) });
}

/** Runs the CLI in this process, keeping what it writes to stderr. */
async function cleanupCli(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((text: string | Uint8Array) => {
    lines.push(...String(text).trimEnd().split('\n'));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(['cleanup', '--target', 'kubernetes', '--kubeconfig', kubeconfigPath, ...args]);
    return { code, lines };
  } finally {
    process.stderr.write = write;
  }
}

describeAsRoot('kube-sim admission as a real cluster does it', () => {
  it("refuses a pod while its namespace has no default service account, with the API server's Status", async () => {
    sim.faults.add(parseFaultSpec('sa-missing:namespace=raw,times=1'));
    const refused = await api<V1Status>(
      'POST',
      '/api/v1/namespaces/raw/pods',
      podBody('sa', ['sleep', '60']),
    );
    expect(refused.code).toBe(403);
    expect(refused.body).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
      message:
        'pods "sa" is forbidden: error looking up service account raw/default: serviceaccount "default" not found',
    });
    const admitted = await api('POST', '/api/v1/namespaces/raw/pods', podBody('sa', ['sleep', '60']));
    expect(admitted.code).toBe(201);
    await api('DELETE', '/api/v1/namespaces/raw/pods/sa?gracePeriodSeconds=0');
  });

  it('denies as an admission webhook does, with its name and message', async () => {
    sim.faults.add(parseFaultSpec('admission-webhook:name=validation.gatekeeper.sh,message=no,times=1'));
    const denied = await api<V1Status>('POST', '/api/v1/namespaces/raw/pods', podBody('wh', ['sleep', '60']));
    expect(denied.code).toBe(403);
    expect(denied.body.message).toBe('admission webhook "validation.gatekeeper.sh" denied the request: no');
  });

  it('fails a pod its kubelet refuses to admit: phase Failed with the reason and message, and an event', async () => {
    sim.faults.add(parseFaultSpec('kubelet-admission:reason=SMTAlignmentError,name=smt,times=1'));
    await api('POST', '/api/v1/namespaces/raw/pods', podBody('smt', ['sleep', '60'], { cpu: '3' }));
    const pod = await waitForPod('smt', (p) => p.status?.phase === 'Failed');
    expect(pod.status).toMatchObject({
      phase: 'Failed',
      reason: 'SMTAlignmentError',
      message: 'SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2',
    });
    const events = await api<CoreV1EventList>('GET', '/api/v1/namespaces/raw/events');
    expect(events.body.items.filter((e) => e.involvedObject.name === 'smt').map((e) => e.reason)).toContain(
      'SMTAlignmentError',
    );
    await api('DELETE', '/api/v1/namespaces/raw/pods/smt?gracePeriodSeconds=0');
  });
});

describeAsRoot("the Kubernetes target meets a real cluster's admission", () => {
  it(
    'retries pods refused for a service account the new namespace does not have yet, and gets them Ready',
    async () => {
      sim.faults.add({ kind: 'sa-missing', namespace: 'netperf-gate-*', times: 3 });
      const since = sim.audit.length;
      const run = target();
      try {
        await run.prepare(oneScenario());
      } finally {
        await run.cleanup();
      }
      const creates = sim.audit
        .slice(since)
        .filter((entry) => entry.verb === 'create' && entry.resource === 'pods')
        .map((entry) => entry.code);
      expect(creates.filter((code) => code === 403)).toHaveLength(3);
      expect(creates.filter((code) => code === 201)).toHaveLength(2);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'waits out a ServiceAccount controller that creates default a few seconds after the namespace',
    async () => {
      sim.faults.add(parseFaultSpec('sa-missing:namespace=netperf-gate-*,forMs=3000'));
      const since = sim.audit.length;
      const run = target();
      try {
        await run.prepare(oneScenario());
      } finally {
        await run.cleanup();
      }
      const creates = sim.audit.slice(since).filter((e) => e.verb === 'create' && e.resource === 'pods');
      expect(creates.some((entry) => entry.code === 403)).toBe(true);
      expect(creates.filter((entry) => entry.code === 201)).toHaveLength(2);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'names the admission webhook that denied the pods, without blaming RBAC, and leaves nothing',
    async () => {
      sim.faults.add({
        kind: 'admission-webhook',
        name: 'validation.gatekeeper.sh',
        message: '[no-perf] no',
      });
      const run = target();
      const failure = await run.prepare(oneScenario()).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      await run.cleanup();
      expect(failure?.message).toMatch(
        /^admission webhook "validation\.gatekeeper\.sh" at http:\/\/127\.0\.0\.1:\d+ refused creating pods in namespace netperf-gate-\w+: \[no-perf\] no; ask its owners/,
      );
      expect(failure?.message).not.toContain('deploy/rbac');
      expect(await ourNamespaces()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'says the kubelet refused a pod, not that netperf may be missing from the image',
    async () => {
      sim.faults.add({ kind: 'kubelet-admission', reason: 'SMTAlignmentError', name: '*-srv-*' });
      const run = target();
      const failure = await run.prepare(oneScenario()).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      await run.cleanup();
      expect(failure?.message).toMatch(
        /^server pod netperf-gate-\w+\/npg-\w+-srv-c1 \(node sim-node-\d\) SMTAlignmentError: SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2 .*; the node's kubelet refused the pod/,
      );
      expect(failure?.message).not.toContain('in the image');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'cleanup spares a run younger than an hour by default and removes it with --older-than 0',
    async () => {
      await target().prepare(oneScenario()); // killed after prepare: its namespace stays
      const [left] = await ourNamespaces();
      expect(left).toMatch(/^netperf-gate-r\w+$/);
      expect(await cleanupCli()).toEqual({
        code: 0,
        lines: ['cleanup: no netperf-gate leftovers in the cluster'],
      });
      expect(await ourNamespaces()).toEqual([left]);
      const swept = await cleanupCli('--older-than', '0');
      expect(swept.code).toBe(0);
      expect(swept.lines).toEqual([
        expect.stringMatching(new RegExp(`^cleanup: deleted namespace ${left} `)),
      ]);
      expect(await ourNamespaces()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
