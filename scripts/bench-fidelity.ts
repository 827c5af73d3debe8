// Fidelity: does netperf-gate report what netperf itself reports? Alternates a tool run (local target,
// one sample) with a direct netperf run between two network namespaces set up the same way, and prints
// the median ratio tool/direct for throughput and transactions/s. Target: 1.00 ± 0.03.
// Usage: npm run bench:fidelity -- [--pairs 7] [--duration 3]   (as root)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { pairs: { type: 'string', default: '7' }, duration: { type: 'string', default: '3' } },
});
const duration = values.duration;
const folder = mkdtempSync(join(tmpdir(), 'npg-fidelity-'));
const [CLI, SRV] = ['npgfid-cli', 'npgfid-srv'];

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'ignore' });
}

function setUp(): ReturnType<typeof spawn> {
  ip('netns', 'add', CLI);
  ip('netns', 'add', SRV);
  ip('link', 'add', 'npgfidc', 'netns', CLI, 'type', 'veth', 'peer', 'name', 'npgfids', 'netns', SRV);
  ip('-n', CLI, 'addr', 'add', '198.18.0.1/30', 'dev', 'npgfidc');
  ip('-n', SRV, 'addr', 'add', '198.18.0.2/30', 'dev', 'npgfids');
  for (const [ns, dev] of [
    [CLI, 'npgfidc'],
    [SRV, 'npgfids'],
  ] as const) {
    ip('-n', ns, 'link', 'set', dev, 'up');
    ip('-n', ns, 'link', 'set', 'lo', 'up');
  }
  return spawn('ip', ['netns', 'exec', SRV, 'netserver', '-D', '-4', '-L', '198.18.0.2'], {
    stdio: 'ignore',
  });
}

function tearDown(netserver: ReturnType<typeof spawn>): void {
  netserver.kill('SIGKILL');
  for (const ns of [CLI, SRV]) spawnSync('ip', ['netns', 'del', ns]);
}

/** netperf run directly, the way a person would, with the same test options as the suite below. */
function direct(test: 'TCP_STREAM' | 'TCP_RR'): number {
  const extra = test === 'TCP_STREAM' ? ['-m', '65536'] : ['-r', '1,1'];
  const out = execFileSync(
    'ip',
    [
      'netns',
      'exec',
      CLI,
      'netperf',
      '-H',
      '198.18.0.2',
      '-t',
      test,
      '-l',
      duration,
      '-P',
      '0',
      '--',
      '-o',
      'THROUGHPUT',
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  const value = Number(out.trim().split('\n').at(-1));
  return test === 'TCP_STREAM' ? value / 1000 : value;
}

function viaTool(): { gbps: number; tps: number } {
  const out = join(folder, 'r.json');
  execFileSync(
    process.execPath,
    [
      'dist/cli/index.js',
      'run',
      '--suite',
      join(folder, 'suite.yml'),
      '--samples',
      '1',
      '--duration',
      duration,
      '--out',
      out,
    ],
    { stdio: 'ignore' },
  );
  const results = JSON.parse(readFileSync(out, 'utf8')) as {
    scenarios: { aggregates: Record<string, { median: number }> }[];
  };
  return {
    gbps: results.scenarios[0]?.aggregates.throughput_gbps?.median ?? 0,
    tps: results.scenarios[1]?.aggregates.transactions_per_sec?.median ?? 0,
  };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

writeFileSync(
  join(folder, 'suite.yml'),
  'scenarios:\n  - {name: stream, test: TCP_STREAM}\n  - {name: rr, test: TCP_RR}\n',
);
const netserver = setUp();
try {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const streamRatios: number[] = [];
  const rrRatios: number[] = [];
  console.log(
    `bench:fidelity — ${values.pairs} alternated pairs, ${duration} s runs, one stream and one TCP_RR process, no CPU pinning`,
  );
  for (let i = 1; i <= Number(values.pairs); i++) {
    const tool = viaTool();
    const gbps = direct('TCP_STREAM');
    const tps = direct('TCP_RR');
    streamRatios.push(tool.gbps / gbps);
    rrRatios.push(tool.tps / tps);
    console.log(
      `pair ${i}: tool ${tool.gbps.toFixed(2)} Gbit/s ${tool.tps.toFixed(0)} tps; direct ${gbps.toFixed(2)} Gbit/s ${tps.toFixed(0)} tps`,
    );
  }
  console.log(
    `median ratio tool/direct: throughput ${median(streamRatios).toFixed(3)}, transactions/s ${median(rrRatios).toFixed(3)}`,
  );
} finally {
  tearDown(netserver);
  rmSync(folder, { recursive: true, force: true });
}
