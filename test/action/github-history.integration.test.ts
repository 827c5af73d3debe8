/**
 * The built action's `baseline: default-branch` against github-sim with the real @actions/artifact: the
 * history of the base branch's push runs (expired artifacts and failed runs among them) becomes the
 * baseline; GitHub Enterprise Server and a refused API give no-baseline and a passing step. Measures
 * for real on the local target (needs root); run `npm run build` first.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResults } from '../../src/results/read.js';
import { type GitHubSim, type SimRun, startGitHubSim } from '../github-sim/index.js';
import { startProxySim } from '../github-sim/proxy.js';
import { type PastRun, seedHistory } from '../helpers/run-history.js';
import { annotations, runActionStep, type StepResult } from './run-action.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('action history tests skipped: the local target needs root (network namespaces)');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 200_000;
const SHORT_RUN = {
  target: 'local',
  scenarios: 'tcp_rr_1cpu',
  samples: '3',
  duration: '1',
  threshold: '1000',
};
const workspace = mkdtempSync(join(tmpdir(), 'npg-action-history-'));
let sim: GitHubSim;

beforeAll(async () => {
  sim = await startGitHubSim({ defaultBranch: 'main' });
});
beforeEach(() => sim.store.reset());
afterAll(async () => {
  await sim?.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** A pull request run into main (id 200) as a step, with `env` on top of the stand-in's. */
async function pullRequestStep(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const run: SimRun = sim.store.addRun({
    id: 200,
    workflowFile: 'perf.yml',
    branch: 'feature',
    event: 'pull_request',
    status: 'in_progress',
    conclusion: null,
    pullRequest: 7,
  });
  const eventPath = join(workspace, `event-${Date.now()}.json`);
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { ref: 'main' } } }));
  const step = await runActionStep({
    workspace,
    env: { ...sim.env(run, eventPath), ...env },
    inputs: { ...SHORT_RUN, 'github-token': sim.token, ...inputs },
  });
  return { run, step };
}

/** 12 push runs on main, 3 with expired artifacts and 2 failed; newer pull request runs. */
const HISTORY: PastRun[] = [
  ...Array.from({ length: 12 }, (_, i) => 101 + i).map((id) => ({
    id,
    artifact: [105, 110, 112].includes(id) ? ('expired' as const) : ('present' as const),
    conclusion: [107, 111].includes(id) ? ('failure' as const) : ('success' as const),
  })),
  ...[113, 114, 115].map((id) => ({ id, event: 'pull_request', branch: 'feature' })),
];

function expectNoBaselineAndPass(step: StepResult): void {
  expect(step.code).toBe(0);
  expect(step.outputs.verdict).toBe('no-baseline');
  expect(annotations(step.stdout, 'error')).toEqual([]);
}

describeAsRoot('baseline default-branch on GitHub (github-sim)', () => {
  it(
    'gates against the newest 6 push runs with a readable artifact, failed runs included, expired ones skipped with a notice',
    async () => {
      seedHistory(sim, HISTORY);
      const { run, step } = await pullRequestStep({
        'baseline-runs': '6',
        'report-dir': 'report-history',
        exports: 'csv=report-history/netperf.csv',
      });
      expect(step.code).toBe(0);
      expect(step.summary).toContain(
        'Baseline from the artifact `netperf-gate-results` of 6 runs (104, 106, 107, 108, 109, 111) (perf.yml on main).',
      );
      expect(annotations(step.stdout, 'notice').filter((line) => line.includes('has expired'))).toHaveLength(
        3,
      );
      const report = join(workspace, 'report-history');
      expect(
        parseResults(readFileSync(join(report, 'baseline.json'), 'utf8'), 'b').provenance?.workflowRunId,
      ).toBe(111);
      expect(readFileSync(join(report, 'netperf.csv'), 'utf8')).toContain('tcp_rr_1cpu');
      const own = parseResults(readFileSync(join(report, 'results.json'), 'utf8'), 'own');
      expect(own.provenance).toEqual({
        repository: 'octo/cluster',
        commitSha: run.headSha,
        ref: 'refs/pull/7/merge',
        event: 'pull_request',
        workflowRunId: 200,
        workflowRunUrl: `${sim.serverUrl}/octo/cluster/actions/runs/200`,
      });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a level shift at the 8th push run is named and the baseline follows it: only the runs since it',
    async () => {
      // Runs 101-107 at 30 000 trans/s, then -15 % from run 108 (the 8th) on: 108, 109, 111 readable after it.
      const shifted = HISTORY.map((run) =>
        run.id >= 108 && run.id <= 112 ? { ...run, transactionsPerSec: 25_500 } : run,
      );
      seedHistory(sim, shifted);
      const { step } = await pullRequestStep({ 'report-dir': 'report-shift' });
      expect(step.code).toBe(0);
      expect(step.summary).toMatch(
        /Level shift: -15.0% .* from run 108; the baseline is the 3 runs since it\./,
      );
      expect(step.summary).toContain('Compared with 3 baseline runs');
      const report = readFileSync(join(workspace, 'report-shift', 'report.md'), 'utf8');
      expect(report).toContain('Level shift:');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a 403 from the API: a warning, no-baseline, and the step passes',
    async () => {
      seedHistory(sim, HISTORY);
      sim.store.faults.push({
        path: /\/actions\/workflows\//,
        status: 403,
        message: 'Resource not accessible by integration',
      });
      const { step } = await pullRequestStep({ 'report-dir': 'report-403' });
      expectNoBaselineAndPass(step);
      expect(annotations(step.stdout, 'warning').join('\n')).toContain(
        'answered 403 (Resource not accessible by integration)',
      );
      expect(step.summary).toContain('No baseline: the GitHub API refused the search');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'GitHub Enterprise Server: one notice, no-baseline, no artifact calls, and the step passes',
    async () => {
      seedHistory(sim, HISTORY);
      const { step } = await pullRequestStep(
        { 'report-dir': 'report-ghes' },
        { GITHUB_SERVER_URL: sim.enterpriseServerUrl },
      );
      expectNoBaselineAndPass(step);
      const notices = annotations(step.stdout, 'notice').join('\n');
      expect(notices).toContain('baseline default-branch: GitHub Enterprise Server');
      expect(notices).toContain('artifact upload skipped: GitHub Enterprise Server');
      expect(sim.store.requests).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'behind HTTPS_PROXY / HTTP_PROXY: REST, artifact service and blob downloads and uploads go through the proxy',
    async () => {
      seedHistory(sim, [{ id: 101 }, { id: 102 }]);
      const proxy = await startProxySim();
      try {
        // api.github.test resolves only inside the proxy: the step can reach GitHub only through it.
        const apiUrl = sim.url.replace('127.0.0.1', 'api.github.test');
        const { step } = await pullRequestStep(
          { 'report-dir': 'report-proxy', 'comment-on-pr': 'true' },
          {
            GITHUB_API_URL: apiUrl,
            ACTIONS_RESULTS_URL: `${apiUrl}/`,
            HTTPS_PROXY: proxy.url,
            HTTP_PROXY: proxy.url,
          },
        );
        expect(step.code).toBe(0);
        expect(step.summary).toContain('of 2 runs (101, 102)');
        expect(sim.store.commentsOf(7)).toHaveLength(1);
        expect(sim.store.artifacts.filter((a) => a.runId === 200 && a.finalized)).toHaveLength(1);
        expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(apiUrl).host]));
      } finally {
        await proxy.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
