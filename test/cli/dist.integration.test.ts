/**
 * The built CLI (dist/cli/index.js) as users run it: exit codes, one-line errors, and cleanup after
 * SIGINT. `npm run check:dist` keeps dist/ equal to a fresh build of src/.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeResults } from '../../src/results/read.js';
import { noisyHistory } from '../helpers/history-sim.js';
import { newProcessTag, processesTagged } from '../helpers/tagged-processes.js';
import { waitUntil } from '../helpers/wait-until.js';

const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const RESULTS_FIXTURES = fileURLToPath(new URL('../../fixtures/results/', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'npg-dist-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Bound for the CLI to start, create its namespaces and start netperf (seconds; more on a loaded machine). */
const MEASURING_TIMEOUT_MS = 60_000;
/** Bound for the CLI to stop, clean up and exit after SIGINT. */
const EXIT_AFTER_SIGINT_TIMEOUT_MS = 60_000;

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function namespacesOf(pid: number): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith(`npg-${pid}-`));
}

describe('the built CLI', () => {
  const badSuite = join(folder, 'bad-suite.yml');
  const badBaseline = join(folder, 'bad-baseline.json');
  beforeAll(() => {
    writeFileSync(badSuite, 'scenarios: [{name: a, test: UDP_RR}]\n');
    writeFileSync(badBaseline, '{"schemaVersion": 7}');
  });

  it.each([
    [['run', '--samples', 'lots'], '--samples must be a whole number, got "lots"'],
    [['run', '--scenarios', 'tcp_nope'], 'unknown scenario "tcp_nope"; known: tcp_stream_1'],
    [['run', '--suite', 'missing.yml'], 'cannot read suite file "missing.yml": no such file; check the path'],
    [
      ['run', '--suite', '<bad-suite>'],
      'scenarios[0].test: expected one of "TCP_STREAM", "TCP_RR", got "UDP_RR"',
    ],
    [['run', '--target', 'cloud'], "option '--target <kind>' argument 'cloud' is invalid"],
    [
      ['compare', '--baseline', '<bad-baseline>', '--current', '<bad-baseline>'],
      'schemaVersion 7 is newer than',
    ],
    [['compare', '--current', 'x.json'], "required option '--baseline <path>' not specified"],
    [['gate', '--baseline', 'b.json', '--threshold', '-3'], '--threshold must be a percentage above 0'],
    [['calibrate', '--runs', '1'], '--runs must be from 3 to 50, got 1'],
  ])('answers %j with exit code 2 and one line saying what was wrong', (args, message) => {
    const resolved = args.map((arg) =>
      arg === '<bad-suite>' ? badSuite : arg === '<bad-baseline>' ? badBaseline : arg,
    );
    const { code, stderr } = cli(resolved);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('adds the stack trace only with --debug', () => {
    const { stderr } = cli(['run', '--suite', 'missing.yml', '--debug']);
    expect(stderr).toMatch(/\n\s+at /);
  });

  it('writes report.md, report.html and exports for compare, and exits 1 on a regression', () => {
    const reportDir = join(folder, 'report');
    const { code } = cli([
      'compare',
      '--baseline',
      join(RESULTS_FIXTURES, 'baseline.json'),
      '--current',
      join(RESULTS_FIXTURES, 'current-mixed.json'),
      '--report-dir',
      reportDir,
      '--export',
      `csv=${join(folder, 'r.csv')}`,
      '--export',
      `bencher=${join(folder, 'bencher.json')}`,
    ]);
    expect(code).toBe(1);
    expect(readFileSync(join(reportDir, 'report.md'), 'utf8')).toMatch(/REGRESSION/);
    expect(readFileSync(join(reportDir, 'report.html'), 'utf8')).toContain('<svg');
    expect(readFileSync(join(folder, 'r.csv'), 'utf8').length).toBeGreaterThan(100);
    expect(
      Object.keys(JSON.parse(readFileSync(join(folder, 'bencher.json'), 'utf8'))).length,
    ).toBeGreaterThan(0);
  });

  it('history names the results file where a −15 % level starts, and no other', () => {
    const runs = join(folder, 'history');
    mkdirSync(runs);
    const history = noisyHistory(11, {
      runs: 20,
      noise: 'iid',
      withReference: true,
      samples: 5,
      shiftAt: 8,
      dropPct: 15,
    });
    for (const [i, run] of history.entries())
      writeFileSync(join(runs, `push-${i + 1}.json`), serializeResults(run));
    const jsonPath = join(folder, 'history.json');
    const { code, stdout } = cli([
      'history',
      runs,
      '--json',
      jsonPath,
      '--report-dir',
      join(folder, 'trends'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('from push-9.json');
    const files = JSON.parse(readFileSync(jsonPath, 'utf8')).trends.flatMap(
      (t: { changePoints: { file: string }[] }) => t.changePoints.map((p) => p.file),
    );
    expect(new Set(files)).toEqual(new Set(['push-9.json']));
    expect(readFileSync(join(folder, 'trends', 'history.html'), 'utf8')).toContain('new level');
  });

  it('prints the results JSON Schema', () => {
    const { code, stdout } = cli(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).properties.schemaVersion).toBeDefined();
  });

  const itAsRoot = process.getuid?.() === 0 ? it : it.skip;

  itAsRoot(
    'cleans up its namespaces and processes after Ctrl-C and exits with 130',
    async () => {
      const { tag, env } = newProcessTag();
      const child = spawn(
        process.execPath,
        [
          CLI,
          'run',
          '--scenarios',
          'tcp_rr_1cpu',
          '--samples',
          '3',
          '--duration',
          '5',
          '--out',
          join(folder, 'x.json'),
        ],
        { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      const pid = child.pid ?? 0;
      const running = () => child.exitCode === null && child.signalCode === null;
      const measuring = () => processesTagged(tag).some((p) => p.name === 'netperf');
      // Ctrl-C while netperf measures: the namespaces exist and netperf runs in them.
      await waitUntil(
        () => !running() || (namespacesOf(pid).length === 2 && measuring()),
        MEASURING_TIMEOUT_MS,
        'the CLI to create its two namespaces and start netperf',
        () => `namespaces: ${namespacesOf(pid).join(', ') || 'none'}; stderr: ${stderr}`,
      );
      if (!running()) throw new Error(`the CLI ended before measuring (exit ${child.exitCode}): ${stderr}`);
      child.kill('SIGINT');
      await waitUntil(
        () => !running(),
        EXIT_AFTER_SIGINT_TIMEOUT_MS,
        'the CLI to exit after SIGINT',
        () => `stderr: ${stderr}`,
      );
      expect(await exited).toBe(130);
      expect(stderr).toContain('SIGINT: stopping and cleaning up');
      expect(namespacesOf(pid)).toEqual([]);
      expect(processesTagged(tag)).toEqual([]);
    },
    MEASURING_TIMEOUT_MS + EXIT_AFTER_SIGINT_TIMEOUT_MS + 10_000,
  );
});
