/**
 * The built action on the local target, run like the runner runs it: first without a baseline, then
 * with that run's results as the baseline; then the post step with the saved state. Measures for real
 * (needs root for the network namespaces); run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResults } from '../../src/results/read.js';
import { annotations, runActionStep } from './run-action.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn('action local-target tests skipped: the local target needs root (network namespaces)');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 200_000;
const workspace = mkdtempSync(join(tmpdir(), 'npg-action-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Short local measurement: one scenario, three 1-second samples. */
const SHORT_RUN = { target: 'local', scenarios: 'tcp_rr_1cpu', samples: '3', duration: '1' };

describe('the built action', () => {
  it.each([
    [{ samples: 'lots' }, 'input samples must be a whole number, got "lots"'],
    [{ target: 'cloud' }, 'input target must be one of local, kubernetes, got "cloud"'],
    [{ 'fail-on-regression': 'yes' }, 'input fail-on-regression must be true or false, got "yes"'],
    [{ threshold: '-3' }, 'input threshold must be a percentage above 0 and at most 1000, got "-3"'],
    [{ scenarios: 'tcp_nope', target: 'local' }, 'unknown scenario "tcp_nope"'],
  ])(
    'answers inputs %j with verdict error, exit code 2 and one line saying what was wrong',
    async (inputs, message) => {
      const step = await runActionStep({ workspace, inputs: { baseline: 'none.json', ...inputs } });
      expect(step.code).toBe(2);
      expect(step.outputs.verdict).toBe('error');
      expect(step.outputs.summary).toContain(message);
      expect(annotations(step.stdout, 'error')).toEqual([expect.stringContaining(message)]);
      expect(step.summary).toMatch(/^## netperf-gate: ERROR/);
    },
    // A cold start of the bundled action: about a second, several on a loaded machine.
    TEST_TIMEOUT_MS,
  );

  describeAsRoot('on the local target', () => {
    const reportDir = 'first-report';

    it(
      'measures without a baseline: verdict no-baseline, passes, and says so in outputs and job summary',
      async () => {
        const step = await runActionStep({
          workspace,
          inputs: { ...SHORT_RUN, baseline: 'baseline/results.json', 'report-dir': reportDir },
        });
        expect(step.stderr).toBe('');
        expect(step.code).toBe(0);
        expect(step.outputs).toMatchObject({
          verdict: 'no-baseline',
          regressions: '0',
          improvements: '0',
          'results-path': `${reportDir}/results.json`,
          'report-path': `${reportDir}/report.html`,
        });
        expect(step.outputs.summary).toBe(
          'NO BASELINE: there is no file `baseline/results.json`; these results can become the baseline',
        );
        expect(step.summary).toMatch(/^## netperf-gate: NO BASELINE/);
        expect(step.summary).toContain('No baseline: there is no file `baseline/results.json`.');
        expect(step.summary).toContain(
          'sudo node dist/cli/index.js gate --target local --scenarios tcp_rr_1cpu',
        );
        const results = parseResults(
          readFileSync(join(workspace, reportDir, 'results.json'), 'utf8'),
          'results',
        );
        expect(results.scenarios.map((s) => s.samples.length)).toEqual([3]);
        expect(readFileSync(join(workspace, reportDir, 'report.html'), 'utf8')).toContain('<html');
        expect(annotations(step.stdout, 'notice').join('\n')).toContain('artifact upload skipped');
        expect(step.state.isPost).toBe('true');
        // The log folds by phase; the verdict line is outside every group.
        const groups = step.stdout.split('\n').filter((line) => line.startsWith('::group::'));
        expect(groups).toEqual([
          '::group::Baseline',
          '::group::Measure and compare',
          '::group::Reports',
          '::group::Upload and comment',
        ]);
        const verdictLine = step.stdout.indexOf('netperf-gate: NO BASELINE');
        expect(step.stdout.lastIndexOf('::endgroup::', verdictLine)).toBeGreaterThan(
          step.stdout.lastIndexOf('::group::Reports'),
        );
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'gates against that run as the baseline: verdict pass, outputs, summary, baseline copy',
      async () => {
        const baseline = `${reportDir}/results.json`;
        const step = await runActionStep({
          workspace,
          inputs: { ...SHORT_RUN, baseline, threshold: '1000', 'report-dir': 'second-report' },
        });
        expect(step.code).toBe(0);
        expect(step.outputs.verdict).toBe('pass');
        expect(step.outputs.regressions).toBe('0');
        expect(step.outputs.summary).toMatch(
          /^PASS: 0 regressed, \d+ improved, \d+ unchanged, \d+ inconclusive$/,
        );
        expect(step.summary).toMatch(/^## netperf-gate: PASS/);
        expect(step.summary).toContain(`Baseline from the file \`${baseline}\`.`);
        expect(step.summary.match(/Baseline:/g)).toHaveLength(1); // the run line, not the source again
        expect(step.summary).toContain('```mermaid');
        expect(existsSync(join(workspace, 'second-report', 'baseline.json'))).toBe(true);
        expect(annotations(step.stdout, 'error')).toEqual([]);

        const post = await runActionStep({ workspace, state: step.state });
        expect(post.code).toBe(0);
        expect(post.stdout).toContain('post: no cluster resources were recorded');
        expect(post.stdout).toContain('post: the local target left nothing behind');
        expect(annotations(post.stdout, 'warning')).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'a baseline file of a newer schemaVersion: a warning, no-baseline, and the step passes',
      async () => {
        const newer = JSON.parse(readFileSync(join(workspace, reportDir, 'results.json'), 'utf8'));
        writeFileSync(join(workspace, 'newer.json'), JSON.stringify({ ...newer, schemaVersion: 2 }));
        const step = await runActionStep({
          workspace,
          inputs: { ...SHORT_RUN, baseline: 'newer.json', 'report-dir': 'newer-report' },
        });
        expect(step.code).toBe(0);
        expect(step.outputs.verdict).toBe('no-baseline');
        expect(annotations(step.stdout, 'warning').join('\n')).toContain(
          'baseline file newer.json has schemaVersion 2, newer than this netperf-gate understands (1)',
        );
        expect(annotations(step.stdout, 'error')).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'after a main step killed while measuring, the post step removes the network namespaces it left',
      async () => {
        let pid: string | undefined;
        const step = await runActionStep({
          workspace,
          inputs: { ...SHORT_RUN, samples: '30', baseline: 'none.json', 'report-dir': 'killed-report' },
          // Once this step (not another run on the machine) has created its server namespace.
          killWhen: async (stepPid) => {
            pid = String(stepPid);
            return namespacesOfPid(pid).includes(`npg-${pid}-srv`);
          },
        });
        expect(step.code).toBeNull();
        // killWhen saw the namespaces before the kill. Not asserted again here: another suite's local run
        // on this machine may sweep a killed run's leftovers first (its job); the post step must then still pass.
        const post = await runActionStep({ workspace, state: step.state });
        expect(post.code).toBe(0);
        expect(annotations(post.stdout, 'warning')).toEqual([]);
        expect(namespacesOfPid(pid ?? '')).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  });
});

/** The local target's namespaces are `npg-<pid>-cli|srv`, named after the measuring process. */
function namespacesOfPid(pid: string): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(`npg-${pid}-`));
}
