/**
 * The Kubernetes target for real against kube-sim (test/kube-sim): an API server speaking the
 * Kubernetes wire format whose nodes are network namespaces and whose pods run netserver, sleep and
 * netperf as real processes. The four default scenarios go through the real runner; faults are injected
 * through the simulator's switches. Needs root (the simulator creates network namespaces).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1NamespaceList, V1Pod, V1PodList } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import type { RunConfig } from '../../src/config/run-config.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { parseResults } from '../../src/results/read.js';
import { referenceRatio } from '../../src/results/reference.js';
import { runBenchmarks } from '../../src/run/run-command.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import {
  createKubernetesTarget,
  deleteRecordedResources,
} from '../../src/targets/kubernetes/kubernetes-target.js';
import { InfraError } from '../../src/util/errors.js';
import { capturingIo } from '../helpers/run-io.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn('kubernetes target integration tests skipped: kube-sim needs root for network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 180_000;
/** Processes a pod of ours runs (container commands and execs). */
const POD_PROGRAMS = new Set(['netserver', 'netperf', 'sleep']);

const folder = mkdtempSync(join(tmpdir(), 'npg-k8s-'));
const kubeconfigPath = join(folder, 'kubeconfig');
let sim: KubeSim;

beforeAll(async () => {
  if (!asRoot) return;
  sim = await startKubeSim({
    // A tainted control plane the target must skip, two workers with room for the largest profile
    // only (32 CPUs: one profile's pods at a time), and two with room for more (the host-network
    // reference pod's 0.1 CPU beside them), which the automatic choice takes when the reference is on.
    nodes: [
      { cpu: '8', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      { cpu: '32' },
      { cpu: '32' },
      { cpu: '64' },
      { cpu: '64' },
    ],
    kubeconfigPath,
    imagePullBackoffMs: 500,
    log: () => {},
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
});

afterEach(async () => {
  if (!asRoot) return;
  sim.faults.clear();
  expect(await leftovers()).toEqual({ namespaces: [], pods: [], processes: [] });
});

/** A run config as the CLI makes it: the reference (off unless overridden) in both places it is read. */
function kubernetesRunConfig(outPath: string, overrides: Partial<RunConfig> = {}): RunConfig {
  const reference = overrides.reference ?? false;
  return {
    target: 'kubernetes',
    local: {},
    kubernetes: { kubeconfigPath, tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: reference },
    outPath,
    debug: false,
    samples: 1,
    durationSeconds: 1,
    ...overrides,
    reference,
  };
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${sim.url}${path}`);
  return (await response.json()) as T;
}

/** Pods of ours in the simulator now, not being deleted (fast: the simulator serves from this process). */
async function livePods(): Promise<V1Pod[]> {
  const pods = (await getJson<V1PodList>('/api/v1/pods')).items;
  return pods.filter(
    (pod) => pod.metadata?.namespace?.startsWith('netperf-gate-') && !pod.metadata.deletionTimestamp,
  );
}

/** Our namespaces and pods still in the simulator, and processes of pods still running under us. */
async function leftovers() {
  const namespaces = (await getJson<V1NamespaceList>('/api/v1/namespaces')).items
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => name.startsWith('netperf-gate-'));
  const pods = (await getJson<V1PodList>('/api/v1/pods')).items.map((pod) => pod.metadata?.name);
  return { namespaces, pods, processes: podProcessesLeft() };
}

/** netserver / netperf / sleep processes whose parent chain leads to this test process. */
function podProcessesLeft(): string[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: comm ?? '' }));
  const parent = new Map(rows.map((row) => [row.pid, row.ppid]));
  const ours = (pid: number) => {
    for (let up = parent.get(pid); up !== undefined && up > 1; up = parent.get(up))
      if (up === process.pid) return true;
    return false;
  };
  return rows
    .filter((row) => POD_PROGRAMS.has(row.comm) && ours(row.pid))
    .map((row) => `${row.pid} ${row.comm}`);
}

/** `verb resource` pairs of the requests the run made that the namespace-per-run ClusterRole does not grant. */
function notGrantedByRbac(entries: readonly { verb: string; resource?: string }[]): string[] {
  const text = readFileSync(new URL('../../deploy/rbac/namespace-per-run.yaml', import.meta.url), 'utf8');
  type Rule = { resources: string[]; verbs: string[] };
  const rules = parseAllDocuments(text)
    .map((doc) => doc.toJSON() as { kind: string; rules?: Rule[] })
    .filter((doc) => doc.kind === 'ClusterRole')
    .flatMap((doc) => doc.rules ?? []);
  const calls = new Set(
    entries.filter((e) => e.resource !== undefined).map((e) => `${e.verb} ${e.resource}`),
  );
  return [...calls].filter((call) => {
    const [verb = '', resource = ''] = call.split(' ');
    return !rules.some((rule) => rule.resources.includes(resource) && rule.verbs.includes(verb));
  });
}

describeAsRoot('the kubernetes target on kube-sim', () => {
  it(
    "measures the four scenarios between pods on two 32-CPU nodes, one profile's pods at a time, sized as the suite says, and leaves nothing",
    async () => {
      const out = join(folder, 'four.json');
      const io = capturingIo();
      // The pods that exist while each scenario is measured (asked during its first of two samples).
      const seenWhileMeasuring: Promise<V1Pod[]>[] = [];
      const log = io.log;
      io.log = (line) => {
        if (/^\[\d\/4 \w+\] sample 1\/2:/.test(line)) seenWhileMeasuring.push(livePods());
        log(line);
      };
      const auditStart = sim.audit.length;
      await runBenchmarks(kubernetesRunConfig(out, { samples: 2 }), io);
      expect(notGrantedByRbac(sim.audit.slice(auditStart))).toEqual([]);
      const results = parseResults(readFileSync(out, 'utf8'), out);
      expect(results.scenarios.map((s) => s.settings.name)).toEqual(
        defaultSuite().scenarios.map((s) => s.name),
      );
      for (const scenario of results.scenarios) {
        const rate = scenario.settings.test === 'TCP_STREAM' ? 'throughput_gbps' : 'transactions_per_sec';
        expect(scenario.aggregates[rate]?.median).toBeGreaterThan(0);
        expect(scenario.samples[0]?.instances).toHaveLength(scenario.settings.concurrency);
        expect(scenario.reference).toBeUndefined();
      }
      expect(results.environment.client.name).toBe('sim-node-2');
      expect(results.environment.server.name).toBe('sim-node-3');
      expect(results.environment.netperfVersion).toMatch(/^\d+\.\d+/);
      expect(results.environment.details.kubernetesVersion).toMatch(/^v1\./);
      expect(results.target.settings).toMatchObject({
        kubeconfig: kubeconfigPath,
        kubeNamespace: 'one per run',
        kubeHostNetworkReference: 'off',
      });
      expect(io.logged).toContain(
        'kubernetes: client node sim-node-2, server node sim-node-3 (first by name among Ready, schedulable worker nodes with tolerated taints and ≥ 32 free CPUs)',
      );
      const placed = (await Promise.all(seenWhileMeasuring)).map((pods) =>
        pods
          .map((pod) => [
            pod.metadata?.labels?.['netperf-gate/role'],
            pod.metadata?.labels?.['netperf-gate/cpus'],
            pod.spec?.nodeName,
            pod.spec?.containers[0]?.resources?.limits?.cpu ?? 'none',
            pod.status?.qosClass,
          ])
          .sort(),
      );
      const pair = (cpus: string, limit: string, qos: string) => [
        ['client', cpus, 'sim-node-2', limit, qos],
        ['server', cpus, 'sim-node-3', limit, qos],
      ];
      expect(placed).toEqual([
        pair('any', 'none', 'Burstable'),
        pair('c32', '32', 'Guaranteed'),
        pair('c1', '1', 'Guaranteed'),
        pair('c32', '32', 'Guaranteed'),
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "measures the node-to-node reference between small Burstable host-network pods beside each scenario's pods",
    async () => {
      const out = join(folder, 'reference.json');
      const io = capturingIo();
      const seenWhileMeasuring: Promise<V1Pod[]>[] = [];
      const log = io.log;
      io.log = (line) => {
        if (/^\[2\/2 tcp_rr_32cpu\] pod 1\/2:/.test(line)) seenWhileMeasuring.push(livePods());
        log(line);
      };
      const config = kubernetesRunConfig(out, {
        samples: 2,
        scenarioNames: ['tcp_stream_1', 'tcp_rr_32cpu'],
        reference: true,
      });
      await runBenchmarks(config, io);
      const placed = (await Promise.all(seenWhileMeasuring))
        .flat()
        .map((pod) => [
          pod.metadata?.name?.replace(/^npg-\w+-/, ''),
          pod.spec?.nodeName,
          pod.spec?.containers[0]?.resources?.requests?.cpu,
          pod.spec?.containers[0]?.resources?.limits?.cpu ?? 'none',
          pod.status?.qosClass,
        ]);
      expect(placed.sort()).toEqual([
        ['cli-c32', 'sim-node-4', '32', '32', 'Guaranteed'],
        ['hcli-c32', 'sim-node-4', '100m', 'none', 'Burstable'],
        ['hsrv-c32', 'sim-node-5', '100m', 'none', 'Burstable'],
        ['srv-c32', 'sim-node-5', '32', '32', 'Guaranteed'],
      ]);
      const results = parseResults(readFileSync(out, 'utf8'), out);
      expect(results.environment.client.name).toBe('sim-node-4');
      expect(results.environment.server.name).toBe('sim-node-5');
      expect(results.target.settings.kubeHostNetworkReference).toBe('on');
      for (const scenario of results.scenarios) {
        expect(scenario.reference?.samples).toHaveLength(2);
        expect(scenario.reference?.samples[0]?.instances).toHaveLength(scenario.settings.concurrency);
        const ratio = referenceRatio(scenario);
        expect(ratio?.hostMedian).toBeGreaterThan(0);
        expect(ratio?.ratio).toBeGreaterThan(0);
      }
      expect(results.environment.details.reference).toBe(
        'host-network pods, 100m CPU requested, no limit (Burstable): shared CPU pool',
      );
      expect(io.logged.filter((line) => line.includes('reference is off'))).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'in a given namespace that enforces Pod Security "restricted", measures without the reference and says why in one line',
    async () => {
      const namespace = 'perf-restricted';
      await fetch(`${sim.url}/api/v1/namespaces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          metadata: { name: namespace, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
        }),
      });
      const out = join(folder, 'restricted.json');
      const io = capturingIo();
      const config = kubernetesRunConfig(out, { scenarioNames: ['tcp_rr_1cpu'], reference: true });
      config.kubernetes = { ...config.kubernetes, namespace };
      const auditStart = sim.audit.length;
      try {
        await runBenchmarks(config, io);
      } finally {
        await fetch(`${sim.url}/api/v1/namespaces/${namespace}`, { method: 'DELETE' });
      }
      const results = parseResults(readFileSync(out, 'utf8'), out);
      expect(results.scenarios[0]?.aggregates.transactions_per_sec?.median).toBeGreaterThan(0);
      expect(results.scenarios[0]?.reference).toBeUndefined();
      const why = `namespace ${namespace} enforces Pod Security "restricted", which forbids host network`;
      expect(results.environment.details.reference).toBe(`off: ${why}`);
      expect(io.logged.filter((line) => line.includes('reference'))).toEqual([
        `kubernetes: the node-to-node reference is off: ${why}; gating on raw metrics only (low confidence). Label the namespace pod-security.kubernetes.io/enforce=privileged or pass --no-reference to silence this.`,
      ]);
      const podCreates = sim.audit
        .slice(auditStart)
        .filter((entry) => entry.verb === 'create' && entry.resource === 'pods');
      expect(podCreates.map((entry) => entry.code)).toEqual([201, 201]); // no host-network pod was tried
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'retries a pod create, a list and an exec answered with 500 or 429, and measures all the same',
    async () => {
      // A create names no object in its path, so the fault hits whichever pod create comes first.
      sim.faults.add({ kind: 'api-error', verb: 'create', resource: 'pods', code: 500, times: 1 });
      sim.faults.add({
        kind: 'api-error',
        verb: 'list',
        resource: 'nodes',
        code: 429,
        retryAfterSeconds: 1,
        times: 1,
      });
      sim.faults.add({ kind: 'api-error', verb: 'create', resource: 'pods/exec', code: 503, times: 1 });
      const out = join(folder, 'retried.json');
      const before = sim.audit.length;
      await runBenchmarks(kubernetesRunConfig(out, { scenarioNames: ['tcp_rr_1cpu'] }), capturingIo());
      const creates = sim.audit
        .slice(before)
        .filter((entry) => entry.verb === 'create' && entry.resource === 'pods');
      expect(creates.map((entry) => entry.code).sort()).toEqual([201, 201, 500]);
      const codes = (resource: string) =>
        sim.audit
          .slice(before)
          .filter((entry) => entry.resource === resource)
          .map((entry) => entry.code);
      expect(codes('nodes')).toEqual([429, 200]);
      expect(codes('pods/exec').slice(0, 2)).toEqual([503, 101]);
      const results = parseResults(readFileSync(out, 'utf8'), out);
      expect(results.scenarios[0]?.aggregates.transactions_per_sec?.median).toBeGreaterThan(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails cleanly with the reason when the image cannot be pulled, and leaves nothing',
    async () => {
      sim.faults.add({ kind: 'pod-state', state: 'ImagePullBackOff', name: '*-srv-c1', times: 1 });
      const run = runBenchmarks(
        kubernetesRunConfig(join(folder, 'never.json'), { scenarioNames: ['tcp_rr_1cpu'] }),
        capturingIo(),
      );
      await expect(run).rejects.toThrow(InfraError);
      await expect(run).rejects.toThrow(
        /srv-c1 \(node sim-node-3\) (ErrImagePull|ImagePullBackOff): .*check --image/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails cleanly when the exec connection drops mid-run, and leaves nothing',
    async () => {
      // Only netperf's exec: the run also execs `cat /proc/self/status` in the pods (CPU check).
      sim.faults.add({ kind: 'exec-drop', afterMs: 300, pod: '*-cli-c1', command: '*netperf*', times: 1 });
      const run = runBenchmarks(
        kubernetesRunConfig(join(folder, 'dropped.json'), { scenarioNames: ['tcp_rr_1cpu'] }),
        capturingIo(),
      );
      await expect(run).rejects.toThrow(
        /the exec connection to pod netperf-gate-\w+\/npg-\w+-cli-c1 dropped before netperf ended/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails cleanly when the exec of 32 instances started together drops mid-run, and leaves no process',
    async () => {
      sim.faults.add({ kind: 'exec-drop', afterMs: 500, pod: '*-cli-c32', command: '*netperf*', times: 1 });
      const run = runBenchmarks(
        kubernetesRunConfig(join(folder, 'dropped32.json'), { scenarioNames: ['tcp_rr_32cpu'] }),
        capturingIo(),
      );
      await expect(run).rejects.toThrow(
        /the exec connection to pod netperf-gate-\w+\/npg-\w+-cli-c32 dropped before netperf ended/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails cleanly when a pod stays Pending, quoting the scheduler, and leaves nothing',
    async () => {
      sim.faults.add({ kind: 'pod-state', state: 'Pending', name: '*-cli-c1', times: 1 });
      const log: string[] = [];
      const target = createKubernetesTarget(
        { kubeconfigPath, tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: false },
        { log: (line) => log.push(line), bounds: { readyMs: 30_000, unschedulableMs: 2_000 } },
      );
      const scenarios = defaultSuite().scenarios.filter((s) => s.name === 'tcp_rr_1cpu');
      try {
        await expect(target.prepare(scenarios)).rejects.toThrow(
          /client pod netperf-gate-\w+\/npg-\w+-cli-c1 \(node sim-node-2\) stayed Pending for 2 s: Unschedulable: 0\/5 nodes are available: .*\(last event: FailedScheduling: /,
        );
      } finally {
        await target.cleanup();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lets a later process (the action post step) delete what a killed run recorded',
    async () => {
      const settings = { kubeconfigPath, tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: false };
      const killed = createKubernetesTarget(settings, { log: () => {} });
      await killed.prepare(defaultSuite().scenarios.filter((s) => s.name === 'tcp_rr_1cpu'));
      const recorded = killed.createdResources();
      expect(recorded).toMatchObject({
        namespaceCreated: true,
        pods: [expect.any(String), expect.any(String)],
      });
      expect((await leftovers()).pods).toHaveLength(2);
      const log: string[] = [];
      expect(
        await deleteRecordedResources(settings, JSON.parse(JSON.stringify(recorded)), (line) =>
          log.push(line),
        ),
      ).toBe(true);
      expect(log).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
