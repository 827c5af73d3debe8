/**
 * The real kubectl against an RBAC-enforcing kube-sim: `kubectl apply -f deploy/rbac/` (client-side
 * apply: OpenAPI v3, GET, POST, then PATCH with the last-applied annotation), `auth can-i` (a
 * SelfSubjectAccessReview kubectl posts as protobuf) before and after, `auth can-i --list`, and
 * describe of what was applied. Needs root and kubectl on PATH (skipped, saying so, otherwise).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';
import { kubeconfigText } from './kube-sim/kubeconfig.js';
import { findExecutable } from './kube-sim/processes.js';

const asRoot = process.getuid?.() === 0;
const kubectlPath = findExecutable('kubectl', process.env.PATH ?? '');
const skipReason = !asRoot
  ? 'they need root to create network namespaces'
  : !kubectlPath
    ? 'kubectl is not installed (Debian 12 images ship v1.32; elsewhere install it to run these)'
    : undefined;
if (skipReason) console.warn(`kube-sim kubectl RBAC tests skipped: ${skipReason}`);
const describeWithKubectl = skipReason ? describe.skip : describe;

const TEST_TIMEOUT_MS = 30_000;
/** The token the run's ServiceAccount (from deploy/rbac/) authenticates with here. */
const RUNNER_TOKEN = 'runner-token';
const RUNNER = 'system:serviceaccount:netperf-gate:netperf-gate';
/** Who the simulator's own manifests declare: a ServiceAccount nothing is bound to yet. */
const START_MANIFESTS = `
apiVersion: v1
kind: ServiceAccount
metadata: { name: nobody, namespace: default }
`;

interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

describeWithKubectl('kubectl apply and auth can-i against kube-sim with RBAC', () => {
  let sim: KubeSim;
  let folder: string;

  function kubectl(as: 'admin' | 'runner', ...args: string[]): Promise<KubectlResult> {
    const argv = ['--kubeconfig', join(folder, `${as}.yaml`), '--cache-dir', join(folder, 'cache'), ...args];
    return new Promise((resolve) => {
      execFile(kubectlPath ?? 'kubectl', argv, { timeout: 20_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-rbac-'));
    sim = await startKubeSim({
      nodes: 1,
      https: true, // kubectl sends a kubeconfig's token only over TLS
      rbac: { manifests: START_MANIFESTS, tokens: { [RUNNER_TOKEN]: RUNNER } },
    });
    writeFileSync(join(folder, 'admin.yaml'), sim.adminKubeconfig);
    writeFileSync(join(folder, 'runner.yaml'), kubeconfigText(sim.url, 'default', RUNNER_TOKEN));
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('before the manifests are applied the run’s ServiceAccount may not create pods', async () => {
    expect(await kubectl('runner', 'auth', 'can-i', 'create', 'pods', '-n', 'run-1')).toMatchObject({
      code: 1,
      stdout: 'no\n',
    });
  });

  test(
    'kubectl apply -f deploy/rbac/ creates every object, and applying again changes nothing',
    async () => {
      const first = await kubectl('admin', 'apply', '-f', 'deploy/rbac/');
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toContain('serviceaccount/netperf-gate created');
      expect(first.stdout).toContain('clusterrole.rbac.authorization.k8s.io/netperf-gate created');
      expect(first.stdout).toContain('rolebinding.rbac.authorization.k8s.io/netperf-gate created');
      const again = await kubectl('admin', 'apply', '-f', 'deploy/rbac/namespace-per-run.yaml');
      expect(again).toMatchObject({ code: 0, stderr: '' });
      expect(again.stdout).toContain('clusterrolebinding.rbac.authorization.k8s.io/netperf-gate unchanged');
    },
    TEST_TIMEOUT_MS,
  );

  test('after apply, auth can-i answers from the applied rules', async () => {
    expect(await kubectl('runner', 'auth', 'can-i', 'create', 'pods', '-n', 'run-1')).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    });
    expect(await kubectl('runner', 'auth', 'can-i', 'create', 'pods/exec', '-n', 'run-1')).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    });
    expect(await kubectl('runner', 'auth', 'can-i', 'delete', 'nodes')).toMatchObject({
      code: 1,
      stdout: 'no\n',
    });
    const list = await kubectl('runner', 'auth', 'can-i', '--list', '-n', 'run-1');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^pods\s+\[\]\s+\[\]\s+\[create delete get list watch\]$/m);
  });

  test('kubectl get and describe show the applied RBAC objects', async () => {
    const bindings = await kubectl('admin', 'get', 'rolebindings', '-A');
    expect(bindings.stdout).toMatch(/^netperf-gate\s+netperf-gate\s+Role\/netperf-gate\s+\S+$/m);
    const role = await kubectl('admin', 'describe', 'clusterrole', 'netperf-gate');
    expect(role).toMatchObject({ code: 0 });
    expect(role.stdout).toMatch(/^\s+pods\/exec\s+\[\]\s+\[\]\s+\[create get\]$/m);
  });

  test('deleting the binding with kubectl takes the permission back', async () => {
    expect((await kubectl('admin', 'delete', 'clusterrolebinding', 'netperf-gate')).stdout).toContain(
      'deleted',
    );
    expect(await kubectl('runner', 'auth', 'can-i', 'create', 'pods', '-n', 'run-1')).toMatchObject({
      code: 1,
      stdout: 'no\n',
    });
  });
});
