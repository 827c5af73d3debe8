/**
 * The built action against github-sim (test/github-sim), with the real @actions/artifact: a push run on
 * the default branch uploads the results artifact; pull request runs take it as their baseline
 * (`baseline: default-branch`), upload their own, and keep one PR comment updated in place. Measures
 * for real on the local target (needs root); run `npm run build` first.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENT_MARKER } from '../../src/action/constants.js';
import { type GitHubSim, type SimRun, startGitHubSim } from '../github-sim/index.js';
import { annotations, runActionStep, type StepResult } from './run-action.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn('action GitHub integration tests skipped: the local target needs root (network namespaces)');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 200_000;
const WORKFLOW = 'perf.yml';
const PR_NUMBER = 7;
const SHORT_RUN = {
  target: 'local',
  scenarios: 'tcp_rr_1cpu',
  samples: '3',
  duration: '1',
  threshold: '1000',
};

const workspace = mkdtempSync(join(tmpdir(), 'npg-action-gh-'));
let sim: GitHubSim;

beforeAll(async () => {
  sim = await startGitHubSim({ defaultBranch: 'main' });
});
afterAll(async () => {
  await sim?.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** Runs the action as a step of `run`, with the event payload GitHub would give it. */
async function stepOf(run: SimRun, inputs: Record<string, string>): Promise<StepResult> {
  const eventPath = join(workspace, `event-${run.id}.json`);
  const payload = {
    repository: { default_branch: 'main' },
    ...(run.event === 'pull_request' ? { pull_request: { number: PR_NUMBER } } : {}),
  };
  writeFileSync(eventPath, JSON.stringify(payload));
  const step = await runActionStep({
    workspace,
    env: sim.env(run, eventPath),
    inputs: { ...SHORT_RUN, 'github-token': sim.token, 'report-dir': `report-${run.id}`, ...inputs },
  });
  run.status = 'completed';
  run.conclusion = step.code === 0 ? 'success' : 'failure';
  return step;
}

/** The requests so far as "METHOD path" with the query reduced to the blob operation. */
function requestLines(): string[] {
  return sim.store.requests.map(({ method, path, status }) => {
    const [pathname, query = ''] = path.split('?');
    const comp = new URLSearchParams(query).get('comp');
    return `${method} ${pathname}${comp ? ` comp=${comp}` : ''} ${status}`;
  });
}

function artifactOf(run: SimRun) {
  const found = sim.store.artifacts.filter((a) => a.runId === run.id && a.finalized);
  expect(found.map((a) => a.name)).toEqual(['netperf-gate-results']);
  const [artifact] = found;
  if (artifact === undefined) throw new Error(`run ${run.id} has no artifact`);
  return artifact;
}

describeAsRoot('the action on GitHub (github-sim)', () => {
  const runs = () => ({
    push: sim.store.addRun({
      id: 301,
      workflowFile: WORKFLOW,
      branch: 'main',
      event: 'push',
      status: 'in_progress',
      conclusion: null,
    }),
    pr1: sim.store.addRun({
      id: 302,
      workflowFile: WORKFLOW,
      branch: 'feature',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
    }),
    pr2: sim.store.addRun({
      id: 303,
      workflowFile: WORKFLOW,
      branch: 'feature',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
    }),
  });
  let run: ReturnType<typeof runs>;
  beforeAll(() => {
    run = runs();
  });

  it(
    'a push to the default branch without an earlier run: no-baseline, and the results artifact is uploaded',
    async () => {
      const step = await stepOf(run.push, { 'comment-on-pr': 'true' });
      expect(step.code).toBe(0);
      expect(step.outputs.verdict).toBe('no-baseline');
      const reason = `no push run of ${WORKFLOW} on main has a readable artifact netperf-gate-results yet`;
      expect(step.outputs.summary).toContain(reason);
      expect(step.summary).toContain(`No baseline: ${reason}.`);
      expect(annotations(step.stdout, 'notice').join('\n')).toContain(
        'is not about a pull request; no comment',
      );
      const artifact = artifactOf(run.push);
      for (const file of ['results.json', 'report.md', 'report.html']) {
        expect(artifact.content?.includes(Buffer.from(file))).toBe(true);
      }
      expect(artifact.contentType).toBe('application/zip');
      expect(sim.store.comments).toEqual([]);
      const twirp = '/twirp/github.actions.results.api.v1.ArtifactService';
      expect(requestLines()).toEqual([
        `GET /repos/octo/cluster/actions/workflows/${WORKFLOW}/runs 200`,
        `POST ${twirp}/CreateArtifact 200`,
        `PUT /blob/${artifact.id} comp=block 201`,
        `PUT /blob/${artifact.id} comp=blocklist 201`,
        `POST ${twirp}/FinalizeArtifact 200`,
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a pull request takes that artifact as its baseline, passes, uploads its own and comments once',
    async () => {
      const step = await stepOf(run.pr1, { 'comment-on-pr': 'true' });
      expect(step.code).toBe(0);
      expect(step.outputs.verdict).toBe('pass');
      expect(step.summary).toContain(
        `Baseline from the artifact \`netperf-gate-results\` of run ${run.push.id} (${WORKFLOW} on main).`,
      );
      expect(step.summary).toContain(
        `gh run download ${run.push.id} --repo octo/cluster --name netperf-gate-results --dir baseline/${run.push.id}`,
      );
      const baselineUsed = readFileSync(join(workspace, `report-${run.pr1.id}`, 'baseline.json'), 'utf8');
      expect(baselineUsed).toBe(
        readFileSync(join(workspace, `report-${run.push.id}`, 'results.json'), 'utf8'),
      );
      expect(artifactOf(run.pr1).content?.includes(Buffer.from('baseline.json'))).toBe(true);
      const baselineArtifact = artifactOf(run.push).id;
      expect(requestLines()).toEqual(
        expect.arrayContaining([
          `GET /repos/octo/cluster/actions/runs/${run.push.id}/artifacts 200`,
          `GET /repos/octo/cluster/actions/artifacts/${baselineArtifact}/zip 302`,
          `GET /blob/${baselineArtifact} 200`,
        ]),
      );
      const comments = sim.store.commentsOf(PR_NUMBER);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body.startsWith(`${COMMENT_MARKER}\n## netperf-gate: PASS`)).toBe(true);
      expect(step.stdout).toContain(`comment created on pull request #${PR_NUMBER}`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the next pull request run still gates against the push run (never a PR run) and updates the same comment',
    async () => {
      const before = sim.store.commentsOf(PR_NUMBER)[0];
      const step = await stepOf(run.pr2, { 'comment-on-pr': 'true' });
      expect(step.code).toBe(0);
      expect(step.summary).toContain(`of run ${run.push.id} (`);
      const comments = sim.store.commentsOf(PR_NUMBER);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.id).toBe(before?.id);
      expect(step.stdout).toContain(`comment updated on pull request #${PR_NUMBER}`);
      const patches = sim.store.requests.filter((r) => r.method === 'PATCH');
      expect(patches).toEqual([
        { method: 'PATCH', path: `/repos/octo/cluster/issues/comments/${before?.id}`, status: 200 },
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
