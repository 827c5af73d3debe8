import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine } from '../../src/cli/program.js';
import { serializeResults } from '../../src/results/read.js';
import { HISTORY_PAGE, history } from '../../src/run/history-command.js';
import { UsageError } from '../../src/util/errors.js';
import { noisyHistory } from '../helpers/history-sim.js';
import { capturingIo } from '../helpers/run-io.js';

interface ChangePointJson {
  runIndex: number;
  file: string;
  run: string;
  changePct: number;
}

describe('netperf-gate history', () => {
  const folder = mkdtempSync(join(tmpdir(), 'npg-history-'));
  const runs = join(folder, 'runs');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  beforeAll(() => {
    mkdirSync(runs);
    // 20 runs of the whole default suite, a day apart; from the 9th on every pod rate is 15 % lower.
    const history = noisyHistory(20_261_129, {
      runs: 20,
      noise: 'iid',
      withReference: false,
      samples: 5,
      shiftAt: 8,
      dropPct: 15,
    });
    for (const [i, run] of history.entries()) {
      writeFileSync(join(runs, `run-${String(i + 1).padStart(2, '0')}.json`), serializeResults(run));
    }
  });

  it('names the file where the −15 % level starts and no other, in the JSON and the text', async () => {
    const io = capturingIo();
    const jsonPath = join(folder, 'history.json');
    await history({ paths: [runs], jsonPath, reportDir: join(folder, 'report') }, io);
    const document = JSON.parse(readFileSync(jsonPath, 'utf8'));
    const points: ChangePointJson[] = document.trends.flatMap(
      (t: { changePoints: ChangePointJson[] }) => t.changePoints,
    );
    expect(points.length).toBeGreaterThan(0);
    expect(new Set(points.map((p) => p.file))).toEqual(new Set(['run-09.json']));
    for (const p of points) expect(p.changePct).toBeLessThan(-10);
    expect(document.runs).toHaveLength(20);
    expect(document.runs[8]).toMatchObject({ index: 8, file: 'run-09.json', label: 'run-09.json' });
    const text = io.printed.join('');
    expect(text).toContain('change point: throughput_gbps');
    expect(text).toContain('from run-09.json');
    expect(text).toContain('▶ run-09.json');
  });

  it('writes a self-contained trend page with a chart per scenario and metric', async () => {
    const io = capturingIo();
    const reportDir = join(folder, 'page');
    await history({ paths: [runs], reportDir }, io);
    const page = readFileSync(join(reportDir, HISTORY_PAGE), 'utf8');
    expect(page.match(/<svg /g)).toHaveLength(12);
    expect(page).toContain('new level');
    expect(page).not.toContain('<script');
    await history({ paths: [runs], reportDir }, capturingIo());
    expect(readFileSync(join(reportDir, HISTORY_PAGE), 'utf8')).toBe(page);
    expect(io.logged).toContain(`wrote ${join(reportDir, HISTORY_PAGE)}`);
  });

  it('takes files one by one as well as folders, oldest first whatever the order given', async () => {
    const io = capturingIo();
    const files = ['run-03.json', 'run-01.json', 'run-02.json'].map((name) => join(runs, name));
    const { runs: read } = await history({ paths: files }, io);
    expect(read.names).toEqual(['run-01.json', 'run-02.json', 'run-03.json']);
    expect(io.printed.join('')).toContain('no change point');
  });

  it('says so in one line when there are no results files', async () => {
    const empty = join(folder, 'empty');
    mkdirSync(empty);
    await expect(history({ paths: [empty] }, capturingIo())).rejects.toThrow(UsageError);
    await expect(history({ paths: [empty] }, capturingIo())).rejects.toThrow(/no results files at .*empty/);
  });

  it('parses its command line: paths, --json, --report-dir', () => {
    const request = parseCommandLine(
      ['history', 'a.json', 'runs/', '--json', 'h.json', '--report-dir', 'out'],
      () => {},
    );
    expect(request).toEqual({
      command: 'history',
      config: { paths: ['a.json', 'runs/'], jsonPath: 'h.json', reportDir: 'out' },
    });
  });
});
