/**
 * `netperf-gate doctor --target kubernetes` against kube-sim with RBAC enforced: a good setup passes every
 * check and exits 0; each broken setup fails (or warns about) the check that names its cause, and nothing
 * is left behind. Needs root (the simulator creates network namespaces).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1NamespaceList, V1PodList } from '@kubernetes/client-node';
import { DEFAULT_IMAGE, type RunConfig } from '../../src/config/run-config.js';
import { type DoctorCheck, doctor, doctorExitCode } from '../../src/run/doctor-command.js';
import { EXIT_INFRA, EXIT_OK } from '../../src/util/errors.js';
import { manifest, withoutVerb } from '../helpers/rbac-manifests.js';
import { capturingIo } from '../helpers/run-io.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('doctor integration tests skipped: kube-sim needs root for network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 180_000;

const folder = mkdtempSync(join(tmpdir(), 'npg-doctor-'));
const kubeconfigPath = join(folder, 'kubeconfig');
let sim: KubeSim;

beforeAll(async () => {
  if (!asRoot) return;
  sim = await startKubeSim({
    nodes: [
      { cpu: '34', requestedCpu: '4' },
      { cpu: '34' },
      { cpu: '34', cpuManager: 'none' },
      { cpu: '34', cpuManager: 'none' },
    ],
    kubeconfigPath,
    rbac: { manifests: manifest('namespace-per-run.yaml') },
    log: () => {},
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
});

afterEach(async () => {
  if (!asRoot) return;
  sim.rbac?.setManifests(manifest('namespace-per-run.yaml'));
  expect(await leftovers()).toEqual({ namespaces: [], pods: [] });
});

function config(overrides: Partial<RunConfig['kubernetes']> = {}, reference = true): RunConfig {
  return {
    target: 'kubernetes',
    local: {},
    kubernetes: {
      kubeconfigPath,
      tolerations: [],
      image: DEFAULT_IMAGE,
      hostNetworkReference: reference,
      ...overrides,
    },
    reference,
    scenarioNames: ['tcp_rr_1cpu'],
    outPath: join(folder, 'unused.json'),
    debug: false,
  };
}

async function adminGet<T>(path: string): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { Authorization: `Bearer ${sim.adminToken}` },
  });
  return (await response.json()) as T;
}

async function leftovers() {
  const namespaces = (await adminGet<V1NamespaceList>('/api/v1/namespaces')).items
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => name.startsWith('netperf-gate-'));
  const pods = (await adminGet<V1PodList>('/api/v1/pods?labelSelector=netperf-gate/run-id')).items.map(
    (pod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`,
  );
  return { namespaces, pods };
}

function byName(checks: readonly DoctorCheck[], name: string): DoctorCheck | undefined {
  return checks.find((check) => check.name === name);
}

describeAsRoot('doctor --target kubernetes against kube-sim', () => {
  it(
    'passes a good setup: every check ok, exit 0',
    async () => {
      const checks = await doctor(config(), capturingIo());
      const notOk = checks.filter(
        (check) => check.status !== 'pass' && check.name !== 'optional permissions',
      );
      expect(notOk).toEqual([]);
      expect(checks.map((check) => check.name)).toEqual(
        expect.arrayContaining([
          'API server',
          'permissions',
          'nodes (1-CPU pods)',
          'image',
          'exclusive cores',
          'netperf pod path',
          'netperf reference path',
        ]),
      );
      expect(doctorExitCode(checks)).toBe(EXIT_OK);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'names a missing RBAC rule and creates nothing',
    async () => {
      sim.rbac?.setManifests(withoutVerb(manifest('namespace-per-run.yaml'), 'pods/exec', 'create'));
      const checks = await doctor(config(), capturingIo());
      expect(byName(checks, 'permissions')).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining('create pods/exec in netperf-gate-'),
      });
      expect(byName(checks, 'setup')?.status).toBe('skip');
      expect(doctorExitCode(checks)).toBe(EXIT_INFRA);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'names too little free CPU for a profile: CPU other pods request counts',
    async () => {
      const nodes = { clientNode: 'sim-node-1', serverNode: 'sim-node-2' };
      const checks = await doctor({ ...config(nodes), scenarioNames: ['tcp_rr_32cpu'] }, capturingIo());
      expect(byName(checks, 'nodes (32-CPU pods)')).toMatchObject({
        status: 'fail',
        detail: expect.stringMatching(/32\.1 CPUs.*sim-node-1 30 free of 34 allocatable/),
        fix: expect.stringContaining('tcp_rr_32cpu cannot run'),
      });
      expect(doctorExitCode(checks)).toBe(EXIT_INFRA);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'warns that a restricted namespace turns the host-network reference off',
    async () => {
      sim.rbac?.setManifests(
        `${manifest('namespace-per-run.yaml')}\n---\n${manifest('existing-namespace.yaml')}`,
      );
      const checks = await doctor(config({ namespace: 'netperf-gate' }), capturingIo());
      expect(byName(checks, 'namespace')).toMatchObject({
        status: 'warn',
        detail: expect.stringContaining('enforces Pod Security "restricted"'),
        fix: expect.stringContaining('--no-reference'),
      });
      expect(byName(checks, 'netperf reference path')?.status).toBe('skip');
      expect(doctorExitCode(checks)).toBe(EXIT_OK);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'warns when the CPU manager policy is none: the 1-CPU pods may use every core',
    async () => {
      const checks = await doctor(
        config({ clientNode: 'sim-node-3', serverNode: 'sim-node-4' }),
        capturingIo(),
      );
      expect(byName(checks, 'exclusive cores')).toMatchObject({
        status: 'warn',
        detail: expect.stringContaining('CPU manager policy is not static'),
        fix: expect.stringContaining('cpuManagerPolicy: static'),
      });
      expect(doctorExitCode(checks)).toBe(EXIT_OK);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fails when the containers end up running as root (a mutating webhook rewrote runAsUser)',
    async () => {
      const id = sim.faults.add({ kind: 'mutating-webhook', name: 'set-user.kyverno.io', runAsUser: 0 });
      try {
        const checks = await doctor(config(), capturingIo());
        expect(byName(checks, 'image')).toMatchObject({
          status: 'fail',
          detail: expect.stringContaining('run as root (uid 0)'),
        });
        expect(doctorExitCode(checks)).toBe(EXIT_INFRA);
      } finally {
        sim.faults.remove(id);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
