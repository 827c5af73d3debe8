// Overhead benchmark: wall time of `run` over the netperf time it schedules (samples × duration per
// scenario). Prints figures; asserts nothing. Target: ≤ 1.05 for the default suite on the local target.
// Usage: npm run bench:overhead -- [--samples N] [--duration S] [--repeat R]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    repeat: { type: 'string', default: '1' },
    scenarios: { type: 'string' },
  },
});

interface ResultsFile {
  startedAt: string;
  finishedAt: string;
  scenarios: { settings: { samples: number; durationSeconds: number } }[];
}

const folder = mkdtempSync(join(tmpdir(), 'npg-bench-'));
try {
  console.log(`bench:overhead — local target, samples ${values.samples}, duration ${values.duration} s`);
  for (let round = 1; round <= Number(values.repeat); round++) {
    const out = join(folder, `results-${round}.json`);
    const args = [
      'dist/cli/index.js',
      'run',
      '--target',
      'local',
      '--samples',
      values.samples,
      '--duration',
      values.duration,
      '--out',
      out,
    ];
    if (values.scenarios) args.push('--scenarios', values.scenarios);
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status !== 0) throw new Error(`run exited with ${child.status}`);
    const results = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
    const scheduled = results.scenarios.reduce(
      (sum, s) => sum + s.settings.samples * s.settings.durationSeconds,
      0,
    );
    const inside = (Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000;
    console.log(
      `round ${round}: scheduled netperf ${scheduled.toFixed(0)} s, process wall ${wallSeconds.toFixed(2)} s ` +
        `(overhead ${(wallSeconds / scheduled).toFixed(3)}), measured span ${inside.toFixed(2)} s (${(inside / scheduled).toFixed(3)})`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
