// The fleet's done-when, live on the local target: R runs of a local fleet with one node slowed by a
// what-if (default: a tbf on node-4's pod link) and R runs with no what-if, alternating so drift during
// the bench weighs on both alike. Counts runs where exactly the slowed node is named, and runs with no
// what-if that name any node; prints figures with exact (Clopper–Pearson) 95 % intervals and the wall
// time of each run. Asserts nothing (a benchmark, not a timed test).
// Usage: npm run bench:fleet-live -- [--runs 10] [--nodes 6] [--plan all] [--scenarios a,b]
//        [--samples 2] [--duration 1] [--slow-node node-4] [--slow CMD] [--hogs N]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseFleet } from '../src/fleet/analysis.js';
import { parseFleetResults } from '../src/results/fleet-schema.js';
import { clopperPearson } from './verdict-sim.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    nodes: { type: 'string', default: '6' },
    plan: { type: 'string', default: 'all' },
    scenarios: { type: 'string', default: 'tcp_stream_1,tcp_rr_1cpu' },
    samples: { type: 'string', default: '2' },
    duration: { type: 'string', default: '1' },
    'slow-node': { type: 'string', default: 'node-4' },
    // Egress of the node's pod link shaped: it slows the node as a stream client (what it sends).
    slow: {
      type: 'string',
      default: 'tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf rate 2gbit burst 256kb latency 20ms',
    },
    hogs: { type: 'string', default: '0' },
  },
});

const folder = mkdtempSync(join(tmpdir(), 'npg-bench-fleet-'));
const common = [
  'fleet',
  '--target',
  'local',
  '--nodes',
  values.nodes,
  '--plan',
  values.plan,
  '--scenarios',
  values.scenarios,
  '--samples',
  values.samples,
  '--duration',
  values.duration,
];

interface FleetRun {
  code: number | null;
  named: string[];
  seconds: number;
  worst: string;
}

function fleet(extra: string[], index: number): FleetRun {
  const out = join(folder, `fleet-${index}.json`);
  const started = Date.now();
  const child = spawnSync(process.execPath, ['dist/cli/index.js', ...common, '--out', out, ...extra], {
    encoding: 'utf8',
  });
  const seconds = (Date.now() - started) / 1000;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`netperf-gate fleet exited ${child.status}: ${child.stderr.trim().split('\n').at(-1)}`);
  }
  const analysis = analyseFleet(parseFleetResults(readFileSync(out, 'utf8'), out));
  const top = analysis.ranking[0];
  const worst = top === undefined ? '-' : `${top.node} ${top.worstPct.toFixed(1)} %`;
  return { code: child.status, named: analysis.named, seconds, worst };
}

function rate(k: number, n: number): string {
  const { low, high } = clopperPearson(k, n);
  return `${k}/${n} (95% CI ${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)} %)`;
}

const hogs = Array.from({ length: Number(values.hogs) }, () =>
  spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }),
);

try {
  const runs = Number(values.runs);
  const slowNode = values['slow-node'];
  console.log(
    `bench:fleet-live — local fleet of ${values.nodes} nodes, plan ${values.plan}, ${values.scenarios}, ` +
      `${values.samples} pairs of ${values.duration} s per node pair; ${values.hogs} busy loop(s)`,
  );
  console.log(`what-if on ${slowNode}: ${values.slow}`);
  const tally = { exact: 0, slowNamed: 0, clean: 0 };
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const slowed = fleet(['--local-node-setup', `${slowNode}=${values.slow}`], 2 * i);
    times.push(slowed.seconds);
    if (slowed.named.includes(slowNode)) tally.slowNamed += 1;
    if (slowed.named.length === 1 && slowed.named[0] === slowNode) tally.exact += 1;
    console.log(
      `slowed    ${i}/${runs}: exit ${slowed.code} — named [${slowed.named.join(', ')}] — slowest ${slowed.worst} — ${slowed.seconds.toFixed(0)} s`,
    );
    const plain = fleet([], 2 * i + 1);
    times.push(plain.seconds);
    if (plain.named.length === 0) tally.clean += 1;
    console.log(
      `no what-if ${i}/${runs}: exit ${plain.code} — named [${plain.named.join(', ')}] — slowest ${plain.worst} — ${plain.seconds.toFixed(0)} s`,
    );
  }
  console.log(
    `slowed node named, no other: ${rate(tally.exact, runs)} (named at all: ${tally.slowNamed}/${runs})`,
  );
  console.log(`no what-if, no node named: ${rate(tally.clean, runs)}`);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`wall time per fleet run: mean ${mean.toFixed(0)} s, max ${Math.max(...times).toFixed(0)} s`);
} finally {
  for (const hog of hogs) hog.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
}
