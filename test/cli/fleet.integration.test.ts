/**
 * `netperf-gate fleet` as users run it (the built CLI): a local fleet with one node slowed far beyond
 * this machine's noise is named and nothing is left; a 16-node fleet on the cluster simulator runs its
 * plan in rounds, writes its reports and leaves no pod; SIGTERM in the middle of a round stops it and
 * leaves nothing either. No assertion rests on this machine's noise: only the 50× slowed node is
 * asserted named, the unslowed fleets' verdicts are not asserted.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseFleet } from '../../src/fleet/analysis.js';
import { parseFleetResults } from '../../src/results/fleet-schema.js';
import { waitUntil } from '../helpers/wait-until.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'npg-fleet-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Bound for a short fleet to run (seconds of netperf plus prepare, on a loaded machine). */
const FLEET_TIMEOUT_MS = 240_000;

/**
 * Runs the CLI without blocking this process: the simulator answers from this process's event loop, so a
 * synchronous spawn would leave the CLI's requests unanswered.
 */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function namespacesOf(pid: number): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith(`npg-${pid}-`));
}

async function simList(sim: KubeSim, path: string): Promise<string[]> {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { Authorization: `Bearer ${sim.adminToken}` },
  });
  const body = (await response.json()) as { items: { metadata: { name: string } }[] };
  return body.items.map((item) => item.metadata.name);
}

async function leftovers(sim: KubeSim): Promise<string[]> {
  const pods = (await simList(sim, '/api/v1/pods')).filter((name) => name.startsWith('npg-'));
  const namespaces = (await simList(sim, '/api/v1/namespaces')).filter((name) =>
    name.startsWith('netperf-gate-'),
  );
  return [...pods, ...namespaces];
}

describe('netperf-gate fleet, local', () => {
  it(
    'names the node whose link is capped at 100 Mbit/s, writes its files and leaves no namespace',
    () => {
      const out = join(folder, 'local.json');
      const html = join(folder, 'local.html');
      const child = spawnSync(
        process.execPath,
        [
          CLI,
          'fleet',
          '--target',
          'local',
          '--nodes',
          '4',
          '--plan',
          'all',
          '--scenarios',
          'tcp_stream_1',
          '--samples',
          '1',
          '--duration',
          '1',
          '--out',
          out,
          '--html',
          html,
          '--local-node-setup',
          'node-2=tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf rate 100mbit burst 64kb latency 20ms',
        ],
        { encoding: 'utf8' },
      );
      expect({ code: child.status, stderr: child.stderr.split('\n').at(-2) }).toMatchObject({ code: 1 });
      expect(child.stdout).toMatch(/^Verdict: SLOW NODES \(.*node-2/m);
      const results = parseFleetResults(readFileSync(out, 'utf8'), out);
      expect(results.pairs).toHaveLength(12);
      expect(analyseFleet(results).named).toContain('node-2');
      expect(readFileSync(html, 'utf8')).toContain('<svg');
      expect(namespacesOf(child.pid as number)).toEqual([]);
    },
    FLEET_TIMEOUT_MS,
  );
});

describe('netperf-gate fleet, 16 simulated nodes', () => {
  let sim: KubeSim;
  let kubeconfigPath: string;
  beforeAll(async () => {
    kubeconfigPath = join(folder, 'kubeconfig.yaml');
    sim = await startKubeSim({ nodes: 16, kubeconfigPath, log: () => {} });
  }, 60_000);
  afterAll(async () => sim?.close());

  const common = () => ['fleet', '--target', 'kubernetes', '--kubeconfig', kubeconfigPath];

  it(
    'measures a ring of 16 in its rounds, writes the reports and leaves no pod or namespace',
    async () => {
      const out = join(folder, 'sim.json');
      const markdown = join(folder, 'sim.md');
      const { code, stdout, stderr } = await cli([
        ...common(),
        '--plan',
        'ring',
        '--scenarios',
        'tcp_rr_1cpu',
        '--samples',
        '1',
        '--duration',
        '1',
        '--out',
        out,
        '--markdown',
        markdown,
      ]);
      expect({ code, stderr: code === 0 || code === 1 ? '' : stderr }).toMatchObject({ stderr: '' });
      expect(stderr).toContain('fleet: 16 nodes, plan ring');
      const results = parseFleetResults(readFileSync(out, 'utf8'), out);
      expect(results.nodes).toHaveLength(16);
      expect(results.pairs).toHaveLength(16);
      expect(results.plan).toMatchObject({ spec: 'ring', rounds: 2, parallel: 8 });
      expect(new Set(results.pairs.map((p) => p.round))).toEqual(new Set([0, 1]));
      expect(stdout).toMatch(/^Verdict: /m);
      expect(readFileSync(markdown, 'utf8')).toContain('netperf-gate fleet');
      expect(await leftovers(sim)).toEqual([]);
    },
    FLEET_TIMEOUT_MS,
  );

  it(
    'stops on SIGTERM in the middle of a round, cleans up and exits 143',
    async () => {
      const child = spawn(
        process.execPath,
        [
          CLI,
          ...common(),
          '--plan',
          'all',
          '--scenarios',
          'tcp_rr_1cpu',
          '--samples',
          '1',
          '--duration',
          '5',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await waitUntil(
        () => stderr.includes('[round 1/') || child.exitCode !== null,
        FLEET_TIMEOUT_MS / 2,
        'the fleet to finish its first pair',
        () => `stderr: ${stderr}`,
      );
      expect({ exit: child.exitCode, stderr: child.exitCode === null ? '' : stderr }).toEqual({
        exit: null,
        stderr: '',
      });
      child.kill('SIGTERM');
      expect(await exited).toBe(143);
      expect(stderr).toContain('SIGTERM');
      expect(await leftovers(sim)).toEqual([]);
    },
    FLEET_TIMEOUT_MS,
  );
});
