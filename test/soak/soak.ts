/**
 * Fault soak: many short runs of the built CLI against the cluster simulator, each with a fault chosen
 * by a seeded generator; then a census of what is left. Shared by scripts/soak.ts (long) and
 * test/soak.integration.test.ts (short CI variant).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../src/stats/random.js';
import type { FaultInput } from '../kube-sim/faults.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

/** The faults a run may meet; `undefined` is a clean run. */
export const SOAK_FAULTS: (FaultInput | undefined)[] = [
  undefined,
  { kind: 'api-error', verb: 'create', resource: 'pods', code: 500, times: 1 },
  { kind: 'api-error', verb: 'list', resource: 'pods', code: 429, retryAfterSeconds: 1, times: 2 },
  { kind: 'api-error', verb: 'get', resource: 'nodes', code: 503, times: 1 },
  { kind: 'api-error', verb: 'create', resource: 'namespaces', code: 500, times: 10 },
  { kind: 'pod-state', state: 'ImagePullBackOff' },
  { kind: 'pod-state', state: 'CrashLoopBackOff' },
  { kind: 'exec-drop', afterMs: 300 },
  { kind: 'api-error', verb: 'delete', resource: 'namespaces', code: 500, times: 1 },
];

export interface SoakRun {
  fault: string;
  exitCode: number | null;
  /** Last line on stderr: the verdict or the one-line error. */
  lastLine: string;
  /** The run ended with a result (0) or one clear infrastructure/usage error line (2, 3). */
  clean: boolean;
}

export interface SoakReport {
  runs: SoakRun[];
  /** Namespaces, pods, network namespaces and processes left after all runs. */
  leftovers: string[];
}

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli/index.js', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

async function census(sim: KubeSim): Promise<string[]> {
  const response = await fetch(`${sim.url}/api/v1/pods`);
  const pods = ((await response.json()) as { items: { metadata: { namespace: string; name: string } }[] })
    .items;
  const namespaces = (await (await fetch(`${sim.url}/api/v1/namespaces`)).json()) as {
    items: { metadata: { name: string } }[];
  };
  const simNamespaces = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(sim.netnsPrefix));
  const netns = simNamespaces.filter((name) => name.startsWith(`${sim.netnsPrefix}-p`));
  // Every process still inside one of the simulator's namespaces (nodes included: host-network pods).
  const processes = simNamespaces.flatMap((name) =>
    execFileSync('ip', ['netns', 'pids', name], { encoding: 'utf8' })
      .split('\n')
      .filter((pid) => pid.trim() !== '')
      .map((pid) => `process ${pid.trim()} in ${name}`),
  );
  return [
    ...pods.map((p) => `pod ${p.metadata.namespace}/${p.metadata.name}`),
    ...namespaces.items
      .map((n) => n.metadata.name)
      .filter((n) => n.startsWith('netperf-gate-'))
      .map((n) => `namespace ${n}`),
    ...netns.map((n) => `netns ${n}`),
    ...processes,
  ];
}

/** Runs `count` soak runs with faults drawn by `seed`; always closes the simulator. */
export async function soak(
  count: number,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<SoakReport> {
  const folder = mkdtempSync(join(tmpdir(), 'npg-soak-'));
  const kubeconfigPath = join(folder, 'kubeconfig');
  const sim = await startKubeSim({
    nodes: 2,
    kubeconfigPath,
    imagePullBackoffMs: 200,
    crashBackoffMs: 200,
    log: () => {},
  });
  const next = createRng(seed);
  const runs: SoakRun[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const fault = SOAK_FAULTS[Math.floor(next() * SOAK_FAULTS.length)];
      sim.faults.clear();
      if (fault) sim.faults.add(fault);
      const out = join(folder, `r${i}.json`);
      const args = [
        'run',
        '--target',
        'kubernetes',
        '--kubeconfig',
        kubeconfigPath,
        '--scenarios',
        'tcp_rr_1cpu',
        '--samples',
        '1',
        '--duration',
        '1',
        '--out',
        out,
      ];
      const { code, stderr } = await runCli(args);
      const lines = stderr.trim().split('\n');
      const lastLine = lines.at(-1) ?? '';
      const errorLines = lines.filter((line) => line.startsWith('netperf-gate:'));
      const clean =
        code === 0
          ? errorLines.length === 0
          : (code === 2 || code === 3) && errorLines.length === 1 && !/\n\s+at /.test(stderr);
      const label = fault ? JSON.stringify(fault) : 'none';
      runs.push({ fault: label, exitCode: code, lastLine, clean });
      log(`run ${i + 1}/${count} fault ${label}: exit ${code} — ${lastLine}`);
    }
    sim.faults.clear();
    return { runs, leftovers: await census(sim) };
  } finally {
    await sim.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
