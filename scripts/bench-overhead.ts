// Overhead benchmark: wall time of `run` over the netperf time it schedules (samples × duration per
// scenario, twice with the host-network reference). Prints figures; asserts nothing.
// Targets: ≤ 1.05 for the default suite on the local target; ≤ 1.10 on the Kubernetes target (on the
// cluster simulator, test/kube-sim), counted from pod start.
//
// Pod start: on Kubernetes the first pods must be created and become Ready before anything can be
// measured, which depends on the cluster (image pulls, scheduling), not on us. It is the time from
// spawning the CLI until the first netperf starts, read from the results file (the first sample's
// startedAt, stamped by the runner just before it starts netperf; same machine, same clock). The
// overhead counted is everything after it: per-sample netperf setup, the starts of concurrent
// instances, switching pods between CPU profiles (delete the old pair, create and await the new one),
// and fingerprint and cleanup at the end. The switches are also printed on their own.
//
// Usage: npm run bench:overhead -- [--target local|kubernetes] [--samples N] [--duration S]
//        [--repeat R] [--scenarios a,b] [--host-network-reference]   (needs root and `npm run build`)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    target: { type: 'string', default: 'local' },
    samples: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    repeat: { type: 'string', default: '1' },
    scenarios: { type: 'string' },
    'host-network-reference': { type: 'boolean', default: false },
  },
});

/** Allocatable CPU of each simulated node: the largest default profile (32) twice, for the reference pods. */
const SIM_NODE_CPU = '64';

interface Sample {
  startedAt: string;
  wallSeconds: number;
}

interface ResultsFile {
  startedAt: string;
  finishedAt: string;
  scenarios: {
    settings: { samples: number; durationSeconds: number };
    samples: Sample[];
    reference?: { samples: Sample[] };
  }[];
}

/** Where a kube-sim is listening, and how to stop it. */
interface Sim {
  kubeconfigPath: string;
  close(): Promise<void>;
}

/**
 * Starts the cluster simulator in this process. Its sources import each other with `.js` suffixes
 * (for tsc and jest); under Node's type stripping a relative `.js` import maps to the `.ts` beside it,
 * as in scripts/kube-sim.ts.
 */
async function startSim(folder: string): Promise<Sim> {
  const { startKubeSim } = await import('../test/kube-sim/index.js');
  const kubeconfigPath = join(folder, 'kubeconfig');
  const sim = await startKubeSim({
    nodes: [{ cpu: SIM_NODE_CPU }, { cpu: SIM_NODE_CPU }],
    kubeconfigPath,
    log: () => {},
  });
  return { kubeconfigPath, close: () => sim.close() };
}

/**
 * Runs the built CLI without blocking this process (the simulator answers from its event loop);
 * resolves with the wall time in seconds and the spawn time (epoch ms).
 */
function runCli(args: readonly string[]): Promise<{ wallSeconds: number; spawnedMs: number }> {
  return new Promise((resolve, reject) => {
    const spawnedMs = Date.now();
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['dist/cli/index.js', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`run exited with ${code}`));
      else resolve({ wallSeconds: Number(process.hrtime.bigint() - started) / 1e9, spawnedMs });
    });
  });
}

function cliArgs(out: string, sim: Sim | undefined): string[] {
  const args = ['run', '--target', values.target ?? 'local', '--samples', values.samples ?? '3'];
  args.push('--duration', values.duration ?? '5', '--out', out);
  if (values.scenarios) args.push('--scenarios', values.scenarios);
  if (sim !== undefined) args.push('--kubeconfig', sim.kubeconfigPath);
  if (values['host-network-reference']) args.push('--host-network-reference');
  return args;
}

const endMs = (sample: Sample) => Date.parse(sample.startedAt) + sample.wallSeconds * 1000;

/** Seconds of netperf the results scheduled; the seconds between one scenario's last sample and the next's first. */
function timings(results: ResultsFile): { scheduled: number; switches: number; firstNetperfMs: number } {
  let scheduled = 0;
  let switches = 0;
  let previousEnd: number | undefined;
  for (const scenario of results.scenarios) {
    const series = [scenario.samples, scenario.reference?.samples ?? []];
    for (const samples of series) scheduled += samples.length * scenario.settings.durationSeconds;
    const first = scenario.samples[0];
    if (first !== undefined && previousEnd !== undefined)
      switches += Date.parse(first.startedAt) - previousEnd;
    const last = series.flat().at(-1);
    if (last !== undefined) previousEnd = endMs(last);
  }
  const firstNetperfMs = Date.parse(results.scenarios[0]?.samples[0]?.startedAt ?? results.startedAt);
  return { scheduled, switches: switches / 1000, firstNetperfMs };
}

async function round(index: number, folder: string, sim: Sim | undefined): Promise<void> {
  const out = join(folder, `results-${index}.json`);
  const { wallSeconds, spawnedMs } = await runCli(cliArgs(out, sim));
  const results = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
  const { scheduled, switches, firstNetperfMs } = timings(results);
  const podStart = (firstNetperfMs - spawnedMs) / 1000;
  const beyond = wallSeconds - podStart;
  console.log(
    `round ${index}: scheduled netperf ${scheduled.toFixed(0)} s, process wall ${wallSeconds.toFixed(2)} s ` +
      `(overhead ${(wallSeconds / scheduled).toFixed(3)}); until the first netperf ${podStart.toFixed(2)} s; ` +
      `wall beyond it ${beyond.toFixed(2)} s (overhead ${(beyond / scheduled).toFixed(3)}), of which ` +
      `between scenarios ${switches.toFixed(2)} s`,
  );
}

const folder = mkdtempSync(join(tmpdir(), 'npg-bench-'));
let sim: Sim | undefined;
try {
  if (values.target !== 'local' && values.target !== 'kubernetes')
    throw new Error(`--target must be local or kubernetes, got ${values.target}`);
  const reference = values['host-network-reference'] ? ', host-network reference' : '';
  console.log(
    `bench:overhead — ${values.target} target${values.target === 'kubernetes' ? ' on kube-sim (2 nodes, 64 CPUs each)' : ''}, ` +
      `samples ${values.samples}, duration ${values.duration} s${reference}`,
  );
  if (values.target === 'kubernetes') sim = await startSim(folder);
  for (let index = 1; index <= Number(values.repeat); index++) await round(index, folder, sim);
} finally {
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
}
