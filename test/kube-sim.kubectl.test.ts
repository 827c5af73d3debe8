/**
 * The real kubectl against the cluster simulator: get nodes, run, wait, get pods -o wide -A, logs,
 * exec (WebSocket v5), label/annotate/taint/patch, apply --server-side, auth can-i, create and delete namespace, describe. kubectl runs asynchronously because the
 * simulator answers from this same process. Needs root and kubectl on PATH (skipped, saying so, otherwise).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';
import { findExecutable } from './kube-sim/processes.js';
import { netnsWithPrefix } from './kube-sim/test-helpers.js';

const asRoot = process.getuid?.() === 0;
const kubectlPath = findExecutable('kubectl', process.env.PATH ?? '');
const skipReason = !asRoot
  ? 'they need root to create network namespaces'
  : !kubectlPath
    ? 'kubectl is not installed (Debian 12 images ship v1.32; elsewhere install it to run these)'
    : undefined;
if (skipReason) console.warn(`kube-sim kubectl tests skipped: ${skipReason}`);
const describeWithKubectl = skipReason ? describe.skip : describe;

const TEST_TIMEOUT_MS = 30_000;

interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

describeWithKubectl('kubectl against kube-sim', () => {
  let sim: KubeSim;
  let folder: string;
  let kubeconfigPath: string;

  function kubectl(...args: string[]): Promise<KubectlResult> {
    const argv = ['--kubeconfig', kubeconfigPath, '--cache-dir', join(folder, 'cache'), ...args];
    return new Promise((resolve) => {
      execFile(kubectlPath ?? 'kubectl', argv, { timeout: 20_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-'));
    sim = await startKubeSim({ nodes: 2 });
    kubeconfigPath = join(folder, 'kubeconfig.yaml');
    writeFileSync(kubeconfigPath, sim.kubeconfig);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('kubectl get nodes shows both nodes Ready with the simulated kubelet version', async () => {
    const result = await kubectl('get', 'nodes');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/m);
    expect(result.stdout).toMatch(/^sim-node-1\s+Ready\s+<none>\s+\S+\s+v1\.32\.0-sim$/m);
    expect(result.stdout).toMatch(/^sim-node-2\s+Ready\s+/m);
  });

  test(
    'kubectl run starts a real sleep process that kubectl wait and get pods -o wide -A see Running',
    async () => {
      expect(await kubectl('run', 'x', '--image=y', '--restart=Never', '--', 'sleep', '100')).toMatchObject({
        code: 0,
        stdout: 'pod/x created\n',
      });
      const waited = await kubectl('wait', '--for=condition=Ready', 'pod/x', '--timeout=10s');
      expect(waited).toMatchObject({ code: 0, stdout: 'pod/x condition met\n' });
      const wide = await kubectl('get', 'pods', '-o', 'wide', '-A');
      expect(wide.code).toBe(0);
      expect(wide.stdout).toMatch(
        /^default\s+x\s+1\/1\s+Running\s+0\s+\S+\s+198\.19\.10[12]\.\d+\s+sim-node-[12]\s+<none>\s+<none>$/m,
      );
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'kubectl exec runs netperf -V in the pod over WebSocket and passes the exit code through',
    async () => {
      const version = await kubectl('exec', 'x', '--', 'netperf', '-V');
      expect(version).toMatchObject({ code: 0, stdout: 'Netperf version 2.7.0\n' });
      const failing = await kubectl('exec', 'x', '--', 'sh', '-c', 'echo bad >&2; exit 3');
      expect(failing.code).toBe(3);
      expect(failing.stderr).toContain('bad');
      expect(sim.audit.some((a) => a.resource === 'pods/exec' && a.code === 101)).toBe(true);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'kubectl label, annotate, taint and patch go through PATCH; a pod spec change is refused as by the API server',
    async () => {
      expect((await kubectl('label', 'pod', 'x', 'tier=perf')).stdout).toBe('pod/x labeled\n');
      expect((await kubectl('annotate', 'namespace', 'default', 'team=net')).stdout).toBe(
        'namespace/default annotated\n',
      );
      expect((await kubectl('taint', 'node', 'sim-node-2', 'perf=only:PreferNoSchedule')).stdout).toBe(
        'node/sim-node-2 tainted\n',
      );
      const patched = await kubectl(
        'patch',
        'pod',
        'x',
        '--type=json',
        '-p',
        '[{"op":"remove","path":"/metadata/labels/tier"}]',
      );
      expect(patched).toMatchObject({ code: 0, stdout: 'pod/x patched\n' });
      expect((await kubectl('get', 'pod', 'x', '-o', 'jsonpath={.metadata.labels}')).stdout).not.toContain(
        'tier',
      );
      const refused = await kubectl('patch', 'pod', 'x', '-p', '{"spec":{"restartPolicy":"Always"}}');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('spec: Forbidden: pod updates may not change fields other than');
    },
    TEST_TIMEOUT_MS,
  );

  test('kubectl auth can-i says yes with RBAC off, and kubectl get serviceaccounts lists the default ones', async () => {
    expect(await kubectl('auth', 'can-i', 'delete', 'nodes')).toMatchObject({ code: 0, stdout: 'yes\n' });
    const accounts = await kubectl('get', 'serviceaccounts', '-n', 'kube-system');
    expect(accounts.stdout).toMatch(/^default\s+0\s+\S+$/m);
  });

  test(
    'kubectl apply --server-side creates deploy/rbac/existing-namespace.yaml’s objects, the namespace included',
    async () => {
      const applied = await kubectl('apply', '--server-side', '-f', 'deploy/rbac/existing-namespace.yaml');
      expect(applied).toMatchObject({ code: 0, stderr: '' });
      expect(applied.stdout).toContain('namespace/netperf-gate serverside-applied');
      expect(applied.stdout).toContain(
        'rolebinding.rbac.authorization.k8s.io/netperf-gate serverside-applied',
      );
      const labels = await kubectl('get', 'namespace', 'netperf-gate', '-o', 'jsonpath={.metadata.labels}');
      expect(labels.stdout).toContain('"pod-security.kubernetes.io/enforce":"restricted"');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'kubectl create namespace, run netserver there, and read its logs',
    async () => {
      expect(await kubectl('create', 'namespace', 'perf')).toMatchObject({
        code: 0,
        stdout: 'namespace/perf created\n',
      });
      const run = await kubectl(
        'run',
        '-n',
        'perf',
        'srv',
        '--image=y',
        '--restart=Never',
        '--command',
        '--',
        'netserver',
        '-D',
        '-4',
      );
      expect(run.code).toBe(0);
      expect(
        (await kubectl('wait', '-n', 'perf', '--for=condition=Ready', 'pod/srv', '--timeout=10s')).code,
      ).toBe(0);
      const logs = await kubectl('logs', '-n', 'perf', 'srv');
      expect(logs).toMatchObject({ code: 0 });
      expect(logs.stdout).toContain('Starting netserver');
      const events = await kubectl('get', 'events', '-n', 'perf');
      expect(events.stdout).toMatch(/Normal\s+Started\s+pod\/srv\s+Started container srv/);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'kubectl delete namespace waits until its pods and their network namespaces are gone',
    async () => {
      const before = netnsWithPrefix(sim.netnsPrefix).filter((n) => /-p\d+$/.test(n)).length;
      const deleted = await kubectl('delete', 'namespace', 'perf');
      expect(deleted).toMatchObject({ code: 0, stdout: 'namespace "perf" deleted\n' });
      const gone = await kubectl('get', 'namespace', 'perf');
      expect(gone.code).toBe(1);
      expect(gone.stderr).toContain('Error from server (NotFound): namespaces "perf" not found');
      expect(netnsWithPrefix(sim.netnsPrefix).filter((n) => /-p\d+$/.test(n))).toHaveLength(before - 1);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'kubectl delete pod stops the process gracefully',
    async () => {
      const result = await kubectl('delete', 'pod', 'x');
      expect(result).toMatchObject({ code: 0, stdout: 'pod "x" deleted\n' });
      expect((await kubectl('get', 'pods', '-A')).stderr).toContain('No resources found');
    },
    TEST_TIMEOUT_MS,
  );
});
