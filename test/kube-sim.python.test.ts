/**
 * Debian's official Kubernetes Python client (python3-kubernetes) against kube-sim: list nodes, create
 * a pod and watch it to Running (`watch=True`), logs plain and followed (`follow=True`), exec over
 * v4.channel.k8s.io (`stdout=True`), what describe reads, a SelfSubjectAccessReview (RBAC off and on)
 * and creating deploy/rbac/ from YAML. Each step is test/kube-sim/python/client-steps.py, run by
 * Debian's python3. Needs root and python3-kubernetes (skipped, saying so, otherwise; `sudo
 * scripts/setup-debian.sh test` installs it).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KubeSim, startKubeSim } from './kube-sim/index.js';

/** Debian's interpreter: the package installs the client for it, not for a python3 elsewhere on PATH. */
const PYTHON = '/usr/bin/python3';
const STEPS = new URL('./kube-sim/python/client-steps.py', import.meta.url).pathname;

function pythonClientMissing(): string | undefined {
  try {
    execFileSync(PYTHON, ['-c', 'import kubernetes'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return `${PYTHON} cannot import kubernetes (apt-get install python3-kubernetes)`;
  }
}

const asRoot = process.getuid?.() === 0;
const skipReason = !asRoot ? 'they need root to create network namespaces' : pythonClientMissing();
if (skipReason) console.warn(`kube-sim Python client tests skipped: ${skipReason}`);
const describeWithPython = skipReason ? describe.skip : describe;

const TEST_TIMEOUT_MS = 60_000;
/** Bound for one step (the client's import alone takes a second or two on a loaded machine). */
const STEP_TIMEOUT_MS = 45_000;

// biome-ignore lint/suspicious/noExplicitAny: the steps print loose JSON
type Json = Record<string, any>;

function runStep(kubeconfigPath: string, ...args: string[]): Promise<Json> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [STEPS, kubeconfigPath, ...args],
      { timeout: STEP_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`python step ${args.join(' ')} failed: ${stderr.trim().split('\n').pop()}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? 'null'));
      },
    );
  });
}

describeWithPython('the official Python client against kube-sim', () => {
  let sim: KubeSim;
  let folder: string;
  const step = (...args: string[]) => runStep(join(folder, 'kubeconfig.yaml'), ...args);

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kube-sim-python-'));
    sim = await startKubeSim({ nodes: 2 });
    writeFileSync(join(folder, 'kubeconfig.yaml'), sim.kubeconfig);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test(
    'list_node sees both nodes',
    async () => {
      expect(await step('nodes')).toEqual(['sim-node-1', 'sim-node-2']);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a pod created with the client is watched to Running (the watch asks watch=True)',
    async () => {
      expect(await step('pod')).toMatchObject({ phase: 'Running' });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'its logs read plain and followed (follow=True)',
    async () => {
      expect(await step('logs')).toEqual({
        plain: 'hello from py\n',
        followedFirstLine: 'hello from py\n',
      });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'exec over v4.channel.k8s.io with stdout=True and stderr=True gets both streams and exit code 0',
    async () => {
      expect(await step('exec')).toEqual({ stdout: 'out\n', stderr: 'err\n', code: 0 });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'what describe reads: the pod’s node and its events by field selector',
    async () => {
      const described = await step('describe');
      expect(described.node).toMatch(/^sim-node-[12]$/);
      expect(described.reasons).toEqual(expect.arrayContaining(['Scheduled', 'Started']));
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a SelfSubjectAccessReview with RBAC off is allowed',
    async () => {
      expect(await step('review', 'delete', 'nodes')).toMatchObject({ allowed: true });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'create_from_yaml of deploy/rbac/namespace-per-run.yaml creates its four objects, read back',
    async () => {
      const applied = await step('apply', 'deploy/rbac/namespace-per-run.yaml');
      expect(applied.created).toBe(4);
      expect(applied.verbs).toContainEqual(['create', 'get']);
    },
    TEST_TIMEOUT_MS,
  );
});

describeWithPython('the official Python client against kube-sim with RBAC', () => {
  let sim: KubeSim;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kube-sim-python-rbac-'));
    const manifests = readFileSync(new URL('../deploy/rbac/namespace-per-run.yaml', import.meta.url), 'utf8');
    sim = await startKubeSim({ nodes: 1, rbac: { manifests } });
    writeFileSync(join(folder, 'kubeconfig.yaml'), sim.kubeconfig);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await sim?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test(
    'a SelfSubjectAccessReview answers from the rules: pods yes with the reason, deleting nodes no',
    async () => {
      const kubeconfigPath = join(folder, 'kubeconfig.yaml');
      expect(await runStep(kubeconfigPath, 'review', 'create', 'pods')).toEqual({
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "netperf-gate" of ClusterRole "netperf-gate" to ServiceAccount "netperf-gate/netperf-gate"',
      });
      expect(await runStep(kubeconfigPath, 'review', 'delete', 'nodes')).toEqual({
        allowed: false,
        reason: null,
      });
    },
    TEST_TIMEOUT_MS,
  );
});
