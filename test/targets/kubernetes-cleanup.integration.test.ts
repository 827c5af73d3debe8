/**
 * `netperf-gate cleanup --target kubernetes` through the CLI's entry point against kube-sim: what a
 * killed run left (its namespace; its pods in a namespace given with --namespace) goes, anything else
 * stays. Needs root (the simulator's nodes are network namespaces).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1NamespaceList, V1PodList } from '@kubernetes/client-node';
import { main } from '../../src/cli/main.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import { createKubernetesTarget } from '../../src/targets/kubernetes/kubernetes-target.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';
import { podBody } from '../kube-sim/test-helpers.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kubernetes cleanup integration tests skipped: kube-sim needs root');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 120_000;
const folder = mkdtempSync(join(tmpdir(), 'npg-k8s-cleanup-'));
const kubeconfigPath = join(folder, 'kubeconfig');
let sim: KubeSim;

beforeAll(async () => {
  if (!asRoot) return;
  sim = await startKubeSim({ nodes: [{ cpu: '8' }, { cpu: '8' }], kubeconfigPath, log: () => {} });
}, 60_000);

afterAll(async () => {
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as T;
}

async function namespaces(): Promise<string[]> {
  const list = await api<V1NamespaceList>('GET', '/api/v1/namespaces');
  return list.items
    .filter((ns) => ns.metadata?.deletionTimestamp === undefined)
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => !name.startsWith('kube-') && name !== 'default')
    .sort();
}

async function pods(namespace: string): Promise<string[]> {
  const list = await api<V1PodList>('GET', `/api/v1/namespaces/${namespace}/pods`);
  return list.items.map((pod) => pod.metadata?.name ?? '').sort();
}

/** A run killed after prepare: its pods stay (no cleanup). */
async function killedRun(namespace?: string): Promise<void> {
  const settings = {
    kubeconfigPath,
    tolerations: [],
    image: DEFAULT_IMAGE,
    hostNetworkReference: false,
    ...(namespace === undefined ? {} : { namespace }),
  };
  const target = createKubernetesTarget(settings, { log: () => {} });
  await target.prepare(defaultSuite().scenarios.filter((s) => s.name === 'tcp_rr_1cpu'));
}

/** Runs the CLI in this process, keeping what it writes to stderr. */
async function cli(...args: string[]): Promise<{ code: number; lines: string[] }> {
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

describeAsRoot('cleanup --target kubernetes on kube-sim', () => {
  it(
    "deletes killed runs' namespaces and pods older than asked, one line each, and nothing else",
    async () => {
      await api('POST', '/api/v1/namespaces', { metadata: { name: 'shared' } });
      await api('POST', '/api/v1/namespaces', { metadata: { name: 'other' } });
      await api('POST', '/api/v1/namespaces/shared/pods', podBody('someone-else', ['sleep', '300']));
      await killedRun();
      await killedRun('shared');
      expect(await namespaces()).toEqual([expect.stringMatching(/^netperf-gate-r/), 'other', 'shared']);
      expect(await pods('shared')).toHaveLength(3);

      const young = await cli('--namespace', 'shared', '--older-than', '1h');
      expect(young).toEqual({ code: 0, lines: ['cleanup: no netperf-gate leftovers in the cluster'] });

      await new Promise((resume) => setTimeout(resume, 1_100));
      const swept = await cli('--namespace', 'shared', '--older-than', '1s');
      expect(swept.code).toBe(0);
      expect(swept.lines).toEqual([
        expect.stringMatching(/^cleanup: deleted namespace netperf-gate-r\w+ \(run r\w+, \d+ s old\)$/),
        expect.stringMatching(
          /^cleanup: deleted pods npg-r\w+-cli-c1, npg-r\w+-srv-c1 in namespace shared \(run r\w+, \d+ s old\)$/,
        ),
      ]);
      expect(await namespaces()).toEqual(['other', 'shared']);
      expect(await pods('shared')).toEqual(['someone-else']);
    },
    TEST_TIMEOUT_MS,
  );

  it('refuses a kubeconfig it cannot load with one line (exit 2)', async () => {
    const missing = join(folder, 'missing.yaml');
    const { code, lines } = await cli('--kubeconfig', missing);
    expect(code).toBe(2);
    expect(lines).toEqual([
      expect.stringMatching(/^netperf-gate: Cannot load '.*missing\.yaml': .*--kubeconfig\.$/),
    ]);
  });
});
