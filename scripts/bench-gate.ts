// Gate quality on the local target: false alarms over K unchanged reruns and detections over K reruns
// with a known regression, all against one baseline. Prints figures; asserts nothing.
// Usage: npm run bench:gate -- [--k 5] [--samples 5] [--duration 2] [--scenarios a,b]
//        [--thresholds FILE] [--qdisc ARGS] [--server-setup CMD] [--hogs N]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    k: { type: 'string', default: '5' },
    samples: { type: 'string', default: '5' },
    duration: { type: 'string', default: '2' },
    scenarios: { type: 'string', default: 'tcp_stream_1,tcp_rr_1cpu' },
    thresholds: { type: 'string', default: 'examples/thresholds-local.yml' },
    qdisc: { type: 'string', default: 'tbf rate 500mbit burst 256kb latency 10ms' },
    'server-setup': { type: 'string', default: 'sh examples/slow-input-chain.sh 5000' },
    // Busy-loop processes kept running through every run (baseline included): a second, noisier level.
    hogs: { type: 'string', default: '0' },
  },
});

const folder = mkdtempSync(join(tmpdir(), 'npg-bench-gate-'));
const common = [
  '--target',
  'local',
  '--scenarios',
  values.scenarios,
  '--samples',
  values.samples,
  '--duration',
  values.duration,
];

function cli(args: string[]): { code: number | null; verdictLine: string } {
  const child = spawnSync(process.execPath, ['dist/cli/index.js', ...args], { encoding: 'utf8' });
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`netperf-gate exited ${child.status}: ${child.stderr.trim()}`);
  const lines = child.stdout.split('\n');
  const verdict = lines.find((line) => line.startsWith('Verdict:'));
  // Exit 1 is a regression only with a verdict; without one the CLI itself failed.
  if (verdict === undefined && args[0] === 'gate')
    throw new Error(`netperf-gate gave no verdict (exit ${child.status}): ${child.stderr.trim()}`);
  // The "Why:" lines name each regressed metric: "  tcp_rr_1cpu transactions_per_sec: regression — …".
  const regressed = lines
    .filter((line) => line.includes(': regression — '))
    .map((line) => line.trim().split(':')[0]?.replace(' ', '/'));
  const verdictLine = regressed.length > 0 ? `${verdict} [${regressed.join(', ')}]` : (verdict ?? '');
  return { code: child.status, verdictLine };
}

const hogs = Array.from({ length: Number(values.hogs) }, () =>
  spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }),
);

try {
  const k = Number(values.k);
  const baseline = join(folder, 'baseline.json');
  console.log(
    `bench:gate — local target, ${values.scenarios}, ${values.samples} samples × ${values.duration} s, thresholds ${values.thresholds}`,
  );
  console.log(`noise: ${values.hogs} busy-loop process(es) running throughout`);
  console.log(`injection: qdisc "${values.qdisc}", server setup "${values['server-setup']}"`);
  cli(['run', ...common, '--out', baseline]);
  const gateArgs = [
    'gate',
    ...common,
    '--baseline',
    baseline,
    '--thresholds',
    values.thresholds,
    '--out',
    join(folder, 'current.json'),
  ];
  let falseAlarms = 0;
  let detections = 0;
  for (let i = 1; i <= k; i++) {
    const unchanged = cli(gateArgs);
    if (unchanged.code === 1) falseAlarms += 1;
    console.log(`unchanged ${i}/${k}: exit ${unchanged.code} — ${unchanged.verdictLine}`);
    const injected = cli([
      ...gateArgs,
      '--local-qdisc',
      values.qdisc,
      '--local-server-setup',
      values['server-setup'],
    ]);
    if (injected.code === 1) detections += 1;
    console.log(`injected  ${i}/${k}: exit ${injected.code} — ${injected.verdictLine}`);
  }
  console.log(
    `false alarms: ${falseAlarms}/${k} unchanged runs; detections: ${detections}/${k} injected runs`,
  );
} finally {
  for (const hog of hogs) hog.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
}
