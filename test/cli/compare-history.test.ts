import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeResults } from '../../src/results/read.js';
import { compareFiles } from '../../src/run/gate-command.js';
import { noisyHistory } from '../helpers/history-sim.js';
import { capturingIo } from '../helpers/run-io.js';

describe('compare with a baseline folder that spans a level shift', () => {
  const folder = mkdtempSync(join(tmpdir(), 'npg-compare-history-'));
  const baselines = join(folder, 'baselines');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  // 12 push runs, the pod path 12 % slower from the 8th on (a regression that landed), and a pull
  // request's run at that new level.
  const runs = noisyHistory(4242, {
    runs: 13,
    noise: 'iid',
    withReference: true,
    samples: 6,
    scenarios: ['tcp_rr_1cpu'],
    shiftAt: 7,
    dropPct: 12,
  });
  beforeAll(() => {
    mkdirSync(baselines);
    for (const [i, run] of runs.slice(0, 12).entries()) {
      writeFileSync(join(baselines, `push-${String(i + 1).padStart(2, '0')}.json`), serializeResults(run));
    }
    writeFileSync(join(folder, 'current.json'), serializeResults(runs[12] as never));
  });

  it('compares with the runs since the shift only, so the pull request is not blamed for it', async () => {
    const io = capturingIo();
    const outcome = await compareFiles(
      {
        baselinePaths: [baselines],
        currentPath: join(folder, 'current.json'),
        environmentPolicy: 'warn',
        debug: false,
      },
      io,
    );
    expect(outcome.baselines).toHaveLength(5);
    expect(outcome.comparison?.baselineRuns).toBe(5);
    expect(outcome.verdict).not.toBe('regression');
    expect(outcome.history?.runs).toHaveLength(12);
    expect(outcome.history?.shift).toMatchObject({ runIndex: 7, where: 'push-08.json' });
    expect(io.logged.join('\n')).toMatch(
      /baseline: level shift -1\d\.\d% rate_ratio of tcp_rr_1cpu from push-08\.json; comparing with the 5 runs since it/,
    );
  });

  it('blames the pull request when the baseline stops before the shift (the frozen baseline the issue describes)', async () => {
    const before = join(folder, 'before');
    mkdirSync(before);
    for (const [i, run] of runs.slice(0, 7).entries()) {
      writeFileSync(join(before, `push-${i + 1}.json`), serializeResults(run));
    }
    const outcome = await compareFiles(
      {
        baselinePaths: [before],
        currentPath: join(folder, 'current.json'),
        environmentPolicy: 'warn',
        debug: false,
      },
      capturingIo(),
    );
    expect(outcome.verdict).toBe('regression');
    expect(outcome.history?.shift).toBeUndefined();
  });
});
