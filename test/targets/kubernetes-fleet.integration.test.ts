/**
 * The Kubernetes fleet target for real against kube-sim: nodes are network namespaces, pods run
 * netserver, sleep and netperf as real processes, every request lands in the simulator's audit log.
 * Needs root (the simulator creates network namespaces).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1NamespaceList, V1PodList } from '@kubernetes/client-node';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import type { NodePair } from '../../src/fleet/plan.js';
import { buildNetperfArgs } from '../../src/netperf/command.js';
import { parseNetperfOutput } from '../../src/netperf/parse.js';
import type { Scenario } from '../../src/suite/model.js';
import {
  createKubernetesFleetTarget,
  type KubernetesFleetOptions,
} from '../../src/targets/kubernetes/fleet-target.js';
import { sweepCluster } from '../../src/targets/kubernetes/sweep.js';
import type { NetperfPair } from '../../src/targets/target.js';
import { UsageError } from '../../src/util/errors.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn('kubernetes fleet integration tests skipped: kube-sim needs root for network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 180_000;
/** API requests one sample of one path may cost: its exec, and room for retries. */
const MAX_REQUESTS_PER_SAMPLE_PATH = 4;

/** TCP_RR, one instance, 1-CPU pods: what every pair measures here. */
function tcpRr(durationSeconds: number): Scenario {
  return {
    name: 'tcp_rr_1cpu',
    test: 'TCP_RR',
    concurrency: 1,
    cpus: 1,
    sendSizeBytes: null,
    requestSizeBytes: 1,
    responseSizeBytes: 1,
    durationSeconds,
    samples: 1,
  };
}

const folder = mkdtempSync(join(tmpdir(), 'npg-fleet-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** One sample on a path: netperf as the runner would start it, parsed; transactions/s. */
async function transactionsPerSec(path: NetperfPair, scenario: Scenario): Promise<number> {
  const argv = buildNetperfArgs(scenario, path.endpoint(scenario), { instance: 0 });
  const [output] = await path.runNetperf(scenario, [argv]);
  if (output === undefined) throw new Error('no netperf output');
  return parseNetperfOutput(output).transactionsPerSec ?? Number.NaN;
}

async function getJson<T>(sim: KubeSim, path: string): Promise<T> {
  return (await (await fetch(`${sim.url}${path}`)).json()) as T;
}

/** Our namespaces and pods still in the simulator. */
async function leftovers(sim: KubeSim) {
  const namespaces = (await getJson<V1NamespaceList>(sim, '/api/v1/namespaces')).items
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => name.startsWith('netperf-gate-'));
  const pods = (await getJson<V1PodList>(sim, '/api/v1/pods')).items
    .map((pod) => pod.metadata?.name ?? '')
    .filter((name) => name.startsWith('npg-'));
  return { namespaces, pods };
}

/** A fleet on the simulator's kubeconfig, its log lines collected. */
function fleet(kubeconfigPath: string, extra: Partial<KubernetesFleetOptions> = {}) {
  const lines: string[] = [];
  const target = createKubernetesFleetTarget(
    { kubeconfigPath, tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: true, ...extra },
    { log: (line) => lines.push(line), cleanupWaitMs: 30_000 },
  );
  return { target, lines };
}

/** Pairs (0→1, 2→3, …) of the nodes: disjoint, as a round's are. */
function disjointPairs(nodes: readonly string[]): NodePair[] {
  const pairs: NodePair[] = [];
  for (let i = 0; i + 1 < nodes.length; i += 2)
    pairs.push({ client: nodes[i] ?? '', server: nodes[i + 1] ?? '' });
  return pairs;
}

/** Requests in the audit log since `start`, per sample and path, when `samples` path samples were taken. */
function requestsPerSamplePath(sim: KubeSim, start: number, samples: number) {
  const entries = sim.audit.slice(start);
  const execs = entries.filter((entry) => entry.resource === 'pods/exec').length;
  return { perSamplePath: entries.length / samples, execs, others: entries.length - execs };
}

describeAsRoot('the kubernetes fleet on a 4-worker kube-sim', () => {
  let sim: KubeSim;
  const kubeconfigPath = join(folder, 'kubeconfig-4');

  beforeAll(async () => {
    sim = await startKubeSim({
      controlPlane: true,
      nodes: [
        { cpu: '8' },
        { cpu: '8' },
        { cpu: '8' },
        { cpu: '8' },
        {
          cpu: '8',
          name: 'sim-node-tainted',
          taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
        },
        { cpu: '8', name: 'sim-node-busy', requestedCpu: '7' },
      ],
      kubeconfigPath,
      log: () => {},
    });
  }, 60_000);

  afterAll(async () => {
    await sim?.close();
  });

  afterEach(async () => {
    sim.faults.clear();
    expect(await leftovers(sim)).toEqual({ namespaces: [], pods: [] });
  });

  it(
    'takes the 4 eligible workers, says why the others were left out, measures 2 disjoint pairs at once on both paths, and leaves nothing',
    async () => {
      const { target, lines } = fleet(kubeconfigPath, { runId: 'fleet4' });
      try {
        const nodes = await target.prepare([tcpRr(1)]);
        expect(nodes).toEqual(['sim-node-1', 'sim-node-2', 'sim-node-3', 'sim-node-4']);
        const excluded = lines.filter((line) => line.includes('not chosen:'));
        expect(excluded).toEqual([
          expect.stringContaining('sim-control-plane (control-plane node'),
          expect.stringContaining('sim-node-busy (1 free of 8 allocatable < 2.2 needed)'),
          expect.stringContaining('sim-node-tainted (taint dedicated=gpu:NoSchedule not tolerated'),
        ]);
        const referencePath = target.referencePath;
        if (referencePath === undefined) throw new Error('the reference should be on');
        const pairs = disjointPairs(nodes);
        const start = sim.audit.length;
        const rates = await Promise.all(
          pairs.flatMap((pair) => [
            transactionsPerSec(target.path(pair), tcpRr(1)),
            transactionsPerSec(referencePath(pair), tcpRr(1)),
          ]),
        );
        const cost = requestsPerSamplePath(sim, start, rates.length);
        expect(rates).toHaveLength(4);
        for (const rate of rates) expect(rate).toBeGreaterThan(0);
        expect(cost.execs).toBe(4);
        expect(cost.perSamplePath).toBeLessThanOrEqual(MAX_REQUESTS_PER_SAMPLE_PATH);
        const fingerprint = await target.fingerprint();
        expect(fingerprint.nodes.map((node) => node.name)).toEqual(nodes);
        expect(fingerprint.netperfVersion).toMatch(/^2\./);
        expect(fingerprint.details.reference).toContain('host-network');
      } finally {
        await target.cleanup();
      }
      await target.cleanup(); // safe twice
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'takes the first 2 by name when asked for 2, without the reference when it is off',
    async () => {
      const { target } = fleet(kubeconfigPath, { nodes: 2, hostNetworkReference: false });
      try {
        expect(await target.prepare([tcpRr(1)])).toEqual(['sim-node-1', 'sim-node-2']);
        expect(target.referencePath).toBeUndefined();
        const pods = (await getJson<V1PodList>(sim, '/api/v1/pods')).items.filter((pod) =>
          pod.metadata?.name?.startsWith('npg-'),
        );
        expect(pods.map((pod) => pod.spec?.nodeName).sort()).toEqual([
          'sim-node-1',
          'sim-node-1',
          'sim-node-2',
          'sim-node-2',
        ]);
      } finally {
        await target.cleanup();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it('refuses in one line, naming why each node was left out, when fewer than 2 are eligible, and creates nothing', async () => {
    const { target } = fleet(kubeconfigPath, {
      nodeSelector: 'kubernetes.io/hostname in (sim-node-1,sim-node-busy)',
    });
    const start = sim.audit.length;
    const error = await target.prepare([tcpRr(1)]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      "A fleet needs at least 2 eligible nodes matching --node-selector 'kubernetes.io/hostname in (sim-node-1,sim-node-busy)', each with 2.2 CPUs (a server and a client pod of each CPU size: 1, all at once, plus 0.2 for the host-network reference pods) free; of the 2: sim-node-1 (ok), sim-node-busy (1 free of 8 allocatable < 2.2 needed).",
    );
    expect(sim.audit.slice(start).filter((entry) => entry.verb === 'create')).toEqual([]);
    await target.cleanup();
  });

  it(
    'in a given namespace whose Pod Security forbids host network: goes on without the reference (one line), and the cleanup command finds its pods',
    async () => {
      const namespace = 'npg-given';
      const created = await fetch(`${sim.url}/api/v1/namespaces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: namespace, labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } },
        }),
      });
      expect(created.status).toBe(201);
      const { target, lines } = fleet(kubeconfigPath, { namespace, nodes: 3 });
      try {
        await target.prepare([tcpRr(1)]);
        expect(lines.filter((line) => line.includes('reference is off'))).toEqual([
          expect.stringContaining(`namespace ${namespace} enforces Pod Security "baseline"`),
        ]);
        expect(target.referencePath).toBeUndefined();
        const swept: string[] = [];
        const outcome = await sweepCluster(
          { kubeconfigPath },
          { olderThanMs: 0, namespace, log: (l) => swept.push(l) },
        );
        expect(outcome.deleted.map((run) => [run.runId, run.pods.length])).toEqual([[target.runId, 6]]);
      } finally {
        await target.cleanup();
        await fetch(`${sim.url}/api/v1/namespaces/${namespace}`, { method: 'DELETE' });
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'cleans up while a pair is mid-exec: cleanup resolves and no pod of the run is left',
    async () => {
      const { target } = fleet(kubeconfigPath, { nodes: 2, hostNetworkReference: false });
      const nodes = await target.prepare([tcpRr(5)]).catch(async (error: unknown) => {
        await target.cleanup();
        throw error;
      });
      const [pair] = disjointPairs(nodes);
      if (pair === undefined) throw new Error('no pair');
      const sample = transactionsPerSec(target.path(pair), tcpRr(5)).then(
        () => 'ended',
        () => 'cut',
      );
      await new Promise((resume) => setTimeout(resume, 1_000));
      await target.cleanup();
      expect(await leftovers(sim)).toEqual({ namespaces: [], pods: [] });
      expect(['ended', 'cut']).toContain(await sample);
      await expect(target.path(pair).runNetperf(tcpRr(1), [[]])).rejects.toThrow('cleaned up');
    },
    TEST_TIMEOUT_MS,
  );
});

describeAsRoot('the kubernetes fleet on a 16-node kube-sim', () => {
  let sim: KubeSim;
  const kubeconfigPath = join(folder, 'kubeconfig-16');

  beforeAll(async () => {
    sim = await startKubeSim({
      nodes: 16,
      kubeconfigPath,
      auditLogPath: join(folder, 'audit-16.jsonl'),
      log: () => {},
    });
  }, 120_000);

  afterAll(async () => {
    await sim?.close();
  });

  it(
    'measures 8 disjoint pairs at once on both paths, each sample and path costing a bounded number of requests',
    async () => {
      const { target, lines } = fleet(kubeconfigPath);
      try {
        const prepareStart = sim.audit.length;
        const nodes = await target.prepare([tcpRr(1)]);
        expect(nodes).toEqual(Array.from({ length: 16 }, (_, i) => `sim-node-${i + 1}`));
        const prepareEntries = sim.audit.slice(prepareStart);
        const creates = prepareEntries.filter(
          (entry) => entry.verb === 'create' && entry.resource === 'pods',
        );
        const watches = prepareEntries.filter((entry) => entry.verb === 'watch');
        expect(creates).toHaveLength(16 * 4);
        expect(watches.length).toBeLessThanOrEqual(3);
        const referencePath = target.referencePath;
        if (referencePath === undefined) throw new Error('the reference should be on');
        const pairs = disjointPairs(nodes);
        expect(pairs).toHaveLength(8);
        const start = sim.audit.length;
        const rates = await Promise.all(
          pairs.flatMap((pair) => [
            transactionsPerSec(target.path(pair), tcpRr(1)),
            transactionsPerSec(referencePath(pair), tcpRr(1)),
          ]),
        );
        for (const rate of rates) expect(rate).toBeGreaterThan(0);
        const cost = requestsPerSamplePath(sim, start, rates.length);
        expect(cost.execs).toBe(16);
        expect(cost.perSamplePath).toBeLessThanOrEqual(MAX_REQUESTS_PER_SAMPLE_PATH);
        const byCall = new Map<string, number>();
        for (const entry of prepareEntries) {
          const call = `${entry.verb} ${entry.resource ?? entry.path}`;
          byCall.set(call, (byCall.get(call) ?? 0) + 1);
        }
        console.log(
          `fleet of 16: prepare ${prepareEntries.length} requests (${[...byCall].map(([call, n]) => `${n} ${call}`).join(', ')}); 8 pairs × 2 paths × 1 sample: ${cost.execs} execs, ${cost.others} other requests (${cost.perSamplePath} per sample and path); ${lines.find((line) => line.includes('Ready'))}`,
        );
        expect((await target.fingerprint()).nodes).toHaveLength(16);
      } finally {
        await target.cleanup();
      }
      expect(await leftovers(sim)).toEqual({ namespaces: [], pods: [] });
    },
    TEST_TIMEOUT_MS,
  );
});
