// Fleet scale, measured: wall time and API load of `netperf-gate fleet` against N nodes, for the ring
// and all plans, on the local target and on the cluster simulator (its nodes are network namespaces,
// its pods real processes). Short scenarios (one sample of 1 s of TCP_RR, with the reference) so the
// figures show the fleet's own costs: prepare, rounds, execs, cleanup. Prints a table; asserts nothing.
// Usage: npm run bench:fleet-scale -- [--sizes 4,8,16] [--plans ring,all] [--targets local,sim]
//        [--duration 1] [--samples 1] [--scenarios tcp_rr_1cpu]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFleetResults } from '../src/results/fleet-schema.js';
import { startKubeSim } from '../test/kube-sim/index.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4,8,16' },
    plans: { type: 'string', default: 'ring,all' },
    targets: { type: 'string', default: 'local,sim' },
    duration: { type: 'string', default: '1' },
    samples: { type: 'string', default: '1' },
    scenarios: { type: 'string', default: 'tcp_rr_1cpu' },
  },
});

const folder = mkdtempSync(join(tmpdir(), 'npg-bench-fleet-scale-'));
const list = (text: string) => text.split(',').filter((part) => part !== '');

interface Row {
  target: string;
  nodes: number;
  plan: string;
  pairs: number;
  rounds: number;
  seconds: number;
  requests?: number;
  execs?: number;
}

/** Runs the CLI without blocking: the simulator answers from this process's event loop. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli/index.js', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function fleet(
  args: string[],
  out: string,
): Promise<{ pairs: number; rounds: number; seconds: number }> {
  const started = Date.now();
  const child = await runCli([
    'fleet',
    ...args,
    '--scenarios',
    values.scenarios,
    '--samples',
    values.samples,
    '--duration',
    values.duration,
    '--out',
    out,
  ]);
  const seconds = (Date.now() - started) / 1000;
  if (child.code !== 0 && child.code !== 1) {
    throw new Error(`netperf-gate fleet exited ${child.code}: ${child.stderr.trim().split('\n').at(-1)}`);
  }
  const results = parseFleetResults(readFileSync(out, 'utf8'), out);
  return { pairs: results.pairs.length, rounds: results.plan.rounds, seconds };
}

async function simRow(nodes: number, plan: string): Promise<Row> {
  const kubeconfigPath = join(folder, `kc-${nodes}-${plan}.yaml`);
  const sim = await startKubeSim({ nodes, kubeconfigPath, log: () => {} });
  try {
    const before = sim.audit.length;
    const out = join(folder, `sim-${nodes}-${plan}.json`);
    const run = await fleet(['--target', 'kubernetes', '--kubeconfig', kubeconfigPath, '--plan', plan], out);
    const requests = sim.audit.slice(before);
    const execs = requests.filter((entry) => entry.resource === 'pods/exec').length;
    return { target: 'sim', nodes, plan, ...run, requests: requests.length, execs };
  } finally {
    await sim.close();
  }
}

async function localRow(nodes: number, plan: string): Promise<Row> {
  const out = join(folder, `local-${nodes}-${plan}.json`);
  const run = await fleet(['--target', 'local', '--nodes', String(nodes), '--plan', plan], out);
  return { target: 'local', nodes, plan, ...run };
}

try {
  console.log(
    `bench:fleet-scale — ${values.scenarios}, ${values.samples} sample(s) of ${values.duration} s per pair and path, reference on, default --parallel`,
  );
  console.log(
    '| target | N | plan | pairs | rounds | wall s | s per round | API requests | per pair | execs |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const target of list(values.targets)) {
    for (const nodes of list(values.sizes).map(Number)) {
      for (const plan of list(values.plans)) {
        const row = target === 'sim' ? await simRow(nodes, plan) : await localRow(nodes, plan);
        const perPair = row.requests === undefined ? '' : (row.requests / row.pairs).toFixed(1);
        console.log(
          `| ${row.target} | ${row.nodes} | ${row.plan} | ${row.pairs} | ${row.rounds} | ${row.seconds.toFixed(0)} | ` +
            `${(row.seconds / Math.max(1, row.rounds)).toFixed(1)} | ${row.requests ?? ''} | ${perPair} | ${row.execs ?? ''} |`,
        );
      }
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
