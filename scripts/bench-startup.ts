// Cold start and memory of the built entry points. Prints figures; asserts nothing.
//  - CLI and action from dist/ to a usage error (median of --repeat runs, wall time and peak RSS);
//  - CLI to the first netperf process of a local run;
//  - peak RSS of the CLI process during the 32-stream scenario.
// Usage: npm run bench:startup -- [--repeat 10]   (as root for the local-run figures)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '10' } } });
const repeat = Number(values.repeat);
const folder = mkdtempSync(join(tmpdir(), 'npg-startup-'));

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Wall seconds and peak RSS (MB) of one run, measured by GNU time. */
function timed(args: string[], env: NodeJS.ProcessEnv = {}): { seconds: number; peakMb: number } {
  const out = spawnSync('/usr/bin/time', ['-f', '@@%e %M', process.execPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const [seconds, kb] = (out.stderr.split('@@').at(-1) ?? '0 0').trim().split(' ').map(Number);
  return { seconds: seconds ?? 0, peakMb: (kb ?? 0) / 1024 };
}

function report(label: string, runs: { seconds: number; peakMb: number }[]): void {
  const seconds = median(runs.map((r) => r.seconds));
  const peak = median(runs.map((r) => r.peakMb));
  console.log(
    `${label}: median ${seconds.toFixed(2)} s, peak RSS ${peak.toFixed(0)} MB (${runs.length} runs)`,
  );
}

/** Seconds from spawning the CLI until a netperf process exists. */
async function untilFirstNetperf(): Promise<number> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      'dist/cli/index.js',
      'run',
      '--scenarios',
      'tcp_rr_1cpu',
      '--samples',
      '1',
      '--duration',
      '1',
      '--out',
      join(folder, 'r.json'),
    ],
    { stdio: 'ignore' },
  );
  let seen = 0;
  while (seen === 0 && child.exitCode === null) {
    const found = spawnSync('pgrep', ['-x', 'netperf']).status === 0;
    if (found) seen = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => child.once('exit', resolve));
  return seen;
}

try {
  console.log(
    `bench:startup — node ${process.version}, ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores`,
  );
  report(
    'CLI to a usage error',
    Array.from({ length: repeat }, () => timed(['dist/cli/index.js', 'run', '--samples', 'x'])),
  );
  report(
    'action to a usage error',
    Array.from({ length: repeat }, () =>
      timed(['dist/action/index.js'], {
        INPUT_SAMPLES: 'x',
        INPUT_TARGET: 'local',
        GITHUB_OUTPUT: join(folder, 'out'),
        GITHUB_STATE: join(folder, 'state'),
      }),
    ),
  );
  if (process.getuid?.() === 0) {
    const firsts: number[] = [];
    for (let i = 0; i < Math.min(repeat, 5); i++) firsts.push(await untilFirstNetperf());
    console.log(
      `CLI to the first netperf process: median ${median(firsts).toFixed(2)} s (${firsts.length} runs)`,
    );
    report('CLI during tcp_stream_32 (3 s, 32 instances)', [
      timed([
        'dist/cli/index.js',
        'run',
        '--scenarios',
        'tcp_stream_32',
        '--samples',
        '1',
        '--duration',
        '3',
        '--out',
        join(folder, 's.json'),
      ]),
    ]);
  } else {
    console.log('not root: local-run figures skipped');
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
