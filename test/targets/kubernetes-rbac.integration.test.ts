/**
 * The RBAC manifests of deploy/rbac, enforced: kube-sim authenticates the run's requests by the
 * kubeconfig's service account token and authorizes them with the manifests' rules as the API
 * server's RBAC authorizer would. The default suite runs through the real runner under each mode's
 * manifests; with one rule taken away the run ends with one line naming what was refused, and
 * nothing is left. Needs root (the simulator creates network namespaces).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1NamespaceList, V1PodList } from '@kubernetes/client-node';
import { parseAllDocuments, stringify } from 'yaml';
import { DEFAULT_IMAGE, type RunConfig } from '../../src/config/run-config.js';
import { parseResults } from '../../src/results/read.js';
import { runBenchmarks } from '../../src/run/run-command.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { EXIT_INFRA, exitCodeOf, InfraError } from '../../src/util/errors.js';
import { manifest, withoutVerb } from '../helpers/rbac-manifests.js';
import { capturingIo } from '../helpers/run-io.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('RBAC integration tests skipped: kube-sim needs root for network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 180_000;
const SERVICE_ACCOUNT = 'system:serviceaccount:netperf-gate:netperf-gate';
/** The namespace the existing-namespace manifests create and grant in. */
const GIVEN_NAMESPACE = 'netperf-gate';
const POD_PROGRAMS = new Set(['netserver', 'netperf', 'sleep']);

/** The manifests without the ClusterRoles' rules on `resource` (the namespaced Role keeps its own). */
function withoutClusterRule(text: string, resource: string): string {
  type Doc = { kind?: string; rules?: { resources: string[] }[] };
  const docs = parseAllDocuments(text).map((doc) => doc.toJSON() as Doc);
  for (const doc of docs)
    if (doc.kind === 'ClusterRole')
      doc.rules = doc.rules?.filter((rule) => !rule.resources.includes(resource));
  return docs.map((doc) => stringify(doc)).join('---\n');
}

const folder = mkdtempSync(join(tmpdir(), 'npg-rbac-'));
const kubeconfigPath = join(folder, 'kubeconfig');
let sim: KubeSim;

beforeAll(async () => {
  if (!asRoot) return;
  sim = await startKubeSim({
    nodes: [{ cpu: '64' }, { cpu: '64' }],
    kubeconfigPath,
    rbac: { manifests: manifest('namespace-per-run.yaml') },
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
  expect(await leftovers()).toEqual({ namespaces: [], pods: [], processes: [] });
});

function runConfig(out: string, namespace?: string, reference = false): RunConfig {
  return {
    target: 'kubernetes',
    local: {},
    kubernetes: {
      kubeconfigPath,
      tolerations: [],
      image: DEFAULT_IMAGE,
      hostNetworkReference: reference,
      ...(namespace ? { namespace } : {}),
    },
    reference,
    outPath: join(folder, out),
    debug: false,
    samples: 1,
    durationSeconds: 1,
  };
}

/** A GET as the simulator's superuser (the test's own view, not the run's). */
async function adminGet<T>(path: string): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { Authorization: `Bearer ${sim.adminToken}` },
  });
  return (await response.json()) as T;
}

/** Run namespaces, pods of runs (labelled with a run id) and pod processes still here. */
async function leftovers() {
  const namespaces = (await adminGet<V1NamespaceList>('/api/v1/namespaces')).items
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => name.startsWith('netperf-gate-'));
  const pods = (await adminGet<V1PodList>('/api/v1/pods?labelSelector=netperf-gate/run-id')).items.map(
    (pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`,
  );
  return { namespaces, pods, processes: podProcessesLeft() };
}

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
  return rows.filter((row) => POD_PROGRAMS.has(row.comm) && ours(row.pid)).map((row) => `${row.comm}`);
}

/** `verb resource code` of the requests since `start` that were refused (401/403). */
function refusedSince(start: number): string[] {
  return sim.audit
    .slice(start)
    .filter((entry) => entry.code === 401 || entry.code === 403)
    .map((entry) => `${entry.verb} ${entry.resource} ${entry.path.split('?')[0]}`);
}

function usersSince(start: number): (string | undefined)[] {
  return [...new Set(sim.audit.slice(start).map((entry) => entry.user))];
}

describeAsRoot('deploy/rbac enforced by kube-sim', () => {
  it(
    'lets the namespace-per-run service account run the default suite with the reference, with no request refused, and leaves nothing',
    async () => {
      sim.rbac?.setManifests(manifest('namespace-per-run.yaml'));
      const start = sim.audit.length;
      await runBenchmarks(runConfig('per-run.json', undefined, true), capturingIo());
      const results = parseResults(readFileSync(join(folder, 'per-run.json'), 'utf8'), 'per-run.json');
      expect(results.scenarios.map((s) => s.settings.name)).toEqual(
        defaultSuite().scenarios.map((s) => s.name),
      );
      for (const scenario of results.scenarios) expect(scenario.reference?.samples).toHaveLength(1);
      expect(refusedSince(start)).toEqual([]);
      expect(usersSince(start)).toEqual([SERVICE_ACCOUNT]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lets the existing-namespace service account run the default suite in its namespace, with no request refused',
    async () => {
      sim.rbac?.setManifests(manifest('existing-namespace.yaml'));
      const start = sim.audit.length;
      const io = capturingIo();
      await runBenchmarks(runConfig('given.json', GIVEN_NAMESPACE, true), io);
      const results = parseResults(readFileSync(join(folder, 'given.json'), 'utf8'), 'given.json');
      expect(results.scenarios).toHaveLength(defaultSuite().scenarios.length);
      expect(results.environment.details.cni).toBe('unknown');
      // The manifests' namespace enforces restricted: read before anything is created, the reference is off.
      const why = 'namespace netperf-gate enforces Pod Security "restricted", which forbids host network';
      expect(results.environment.details.reference).toBe(`off: ${why}`);
      expect(results.scenarios.every((scenario) => scenario.reference === undefined)).toBe(true);
      expect(io.logged.filter((line) => line.includes('reference is off'))).toEqual([
        expect.stringContaining(why),
      ]);
      expect(refusedSince(start)).toEqual([]);
      expect(io.logged.some((line) => line.includes('free CPU per node unknown'))).toBe(false);
      const namespaces = await adminGet<V1NamespaceList>('/api/v1/namespaces');
      expect(namespaces.items.map((ns) => ns.metadata?.name)).toContain(GIVEN_NAMESPACE);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'without namespaces get, tries the host-network pods, drops the reference when Pod Security refuses them, and measures',
    async () => {
      sim.rbac?.setManifests(withoutVerb(manifest('existing-namespace.yaml'), 'namespaces', 'get'));
      const start = sim.audit.length;
      const io = capturingIo();
      const out = 'given-unread.json';
      await runBenchmarks({ ...runConfig(out, GIVEN_NAMESPACE, true), scenarioNames: ['tcp_rr_1cpu'] }, io);
      const results = parseResults(readFileSync(join(folder, out), 'utf8'), out);
      expect(results.scenarios[0]?.aggregates.transactions_per_sec?.median).toBeGreaterThan(0);
      expect(results.scenarios[0]?.reference).toBeUndefined();
      const why =
        'namespace netperf-gate refused the host-network pods: violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPort (container "netserver" uses hostPort 12866)';
      expect(results.environment.details.reference).toBe(`off: ${why}`);
      expect(io.logged.filter((line) => line.includes('reference is off'))).toEqual([
        expect.stringContaining(`reference is off: ${why}; gating on raw metrics only`),
      ]);
      expect(refusedSince(start)).toEqual([
        'get namespaces /api/v1/namespaces/netperf-gate',
        'create pods /api/v1/namespaces/netperf-gate/pods',
        'create pods /api/v1/namespaces/netperf-gate/pods',
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'without list on pods at cluster scope, warns once that free CPU is unknown, compares allocatable CPU and measures',
    async () => {
      sim.rbac?.setManifests(withoutClusterRule(manifest('existing-namespace.yaml'), 'pods'));
      const start = sim.audit.length;
      const io = capturingIo();
      const out = 'given-no-cluster-pods.json';
      await runBenchmarks({ ...runConfig(out, GIVEN_NAMESPACE), scenarioNames: ['tcp_rr_1cpu'] }, io);
      const results = parseResults(readFileSync(join(folder, out), 'utf8'), out);
      expect(results.scenarios[0]?.aggregates.transactions_per_sec?.median).toBeGreaterThan(0);
      expect(io.logged.filter((line) => line.includes('free CPU per node unknown'))).toEqual([
        expect.stringContaining('grant list on pods at cluster scope'),
      ]);
      expect(io.logged.some((line) => line.includes('≥ 1 allocatable CPUs'))).toBe(true);
      expect(refusedSince(start)).toEqual([
        'list pods /api/v1/pods',
        'list pods /api/v1/namespaces/kube-system/pods',
        'list pods /api/v1/namespaces/calico-system/pods',
        'list pods /api/v1/namespaces/kube-flannel/pods',
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it('keeps discovery open, answers 401 to an unknown token, and writes the service account token in the kubeconfig', async () => {
    const status = async (path: string, token?: string) =>
      (await fetch(`${sim.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }))
        .status;
    expect([
      await status('/version'),
      await status('/api/v1'),
      await status('/api/v1/nodes', 'nope'),
    ]).toEqual([200, 200, 401]);
    expect(readFileSync(kubeconfigPath, 'utf8')).toContain(`token: ${sim.rbac?.token}`);
    expect(sim.rbac?.user).toBe(SERVICE_ACCOUNT);
  });

  it('forbids the existing-namespace service account to create namespaces', async () => {
    sim.rbac?.setManifests(manifest('existing-namespace.yaml'));
    const response = await fetch(`${sim.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sim.rbac?.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'netperf-gate-x' } }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `namespaces is forbidden: User "${SERVICE_ACCOUNT}" cannot create resource "namespaces" in API group "" at the cluster scope`,
      reason: 'Forbidden',
      details: { kind: 'namespaces' },
      code: 403,
    });
  });

  it(
    'without pods watch, waits for the pods by listing again (each watch refused) and still completes',
    async () => {
      sim.rbac?.setManifests(withoutVerb(manifest('namespace-per-run.yaml'), 'pods', 'watch'));
      const start = sim.audit.length;
      await runBenchmarks({ ...runConfig('no-watch.json'), scenarioNames: ['tcp_rr_1cpu'] }, capturingIo());
      const refused = new Set(refusedSince(start).map((line) => line.split(' ').slice(0, 2).join(' ')));
      expect([...refused]).toEqual(['watch pods']);
    },
    TEST_TIMEOUT_MS,
  );

  /** The exec's refusal reaches the client without the API server's Status (see api-errors.ts). */
  const execRefused =
    /^could not exec in pod netperf-gate-\w+\/npg-\w+-cli-\w+: the API server refused the exec's WebSocket upgrade \(403 Forbidden\): the user needs get and create on pods\/exec/;

  it.each([
    ['pods/exec', 'get', execRefused],
    ['pods/exec', 'create', execRefused],
    [
      'pods',
      'create',
      /^RBAC at \S+ refused .*: user \S+ may not create pods in namespace netperf-gate-\w+;/,
    ],
    ['namespaces', 'create', /^RBAC at \S+ refused .*: user \S+ may not create namespaces cluster-wide;/],
    ['nodes', 'list', /^RBAC at \S+ refused .*: user \S+ may not list nodes cluster-wide;/],
  ])(
    'without %s %s in the ClusterRole, the run ends with one line naming it, exit code 3, and leaves nothing',
    async (resource, verb, named) => {
      sim.rbac?.setManifests(withoutVerb(manifest('namespace-per-run.yaml'), resource, verb));
      const io = capturingIo();
      const error = await runBenchmarks(runConfig(`without-${verb}.json`), io).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(InfraError);
      expect(exitCodeOf(error)).toBe(EXIT_INFRA);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(named);
      expect(message).toMatch(/deploy\/rbac/);
    },
    TEST_TIMEOUT_MS,
  );
});
