/**
 * The action's `mode: fleet` on the local target, run like the runner runs it (INPUT_* variables,
 * GITHUB_* files, github-sim for the artifact service and the REST API): a 3-node fleet measured for
 * real, with no baseline, with a baseline fleet file, and with the fleet.json of an earlier run of the
 * workflow (`baseline: default-branch`); then the post step. Needs root (network namespaces); run
 * `npm run build` first, or set NPG_ACTION_FROM_SOURCE=1 to run the sources.
 *
 * This machine's noise decides whether a node of an unchanged fleet is named: the verdict is asserted
 * as pass or slow, never pass.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GitHubSim, type SimRun, startGitHubSim, zipFiles } from '../github-sim/index.js';
import {
  expectFleetStep,
  FAST_NODE_2,
  fixtureFleetText,
  listed,
  namespacesOfPid,
  SHORT_FLEET,
} from './fleet-step.js';
import { annotations, runActionStep, type StepResult } from './run-action.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('action fleet tests skipped: the local target needs root (network namespaces)');
const describeAsRoot = asRoot ? describe : describe.skip;

/** 6 pairs × 1 sample × 1 s × 2 paths, plus 3 nodes to set up: well under a minute. */
const TEST_TIMEOUT_MS = 200_000;
const WORKFLOW = 'fleet-nightly.yml';

const workspace = mkdtempSync(join(tmpdir(), 'npg-action-fleet-'));
let sim: GitHubSim;

beforeAll(async () => {
  sim = await startGitHubSim({ defaultBranch: 'main' });
});
beforeEach(() => sim.store.reset());
afterAll(async () => {
  await sim?.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** A scheduled run of the fleet workflow on main (the nightly check), as a step with `inputs`. */
async function scheduledStep(
  id: number,
  inputs: Record<string, string>,
): Promise<{ run: SimRun; step: StepResult }> {
  const run = sim.store.addRun({
    id,
    workflowFile: WORKFLOW,
    branch: 'main',
    event: 'schedule',
    status: 'in_progress',
    conclusion: null,
  });
  const eventPath = join(workspace, `event-${id}.json`);
  writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'main' } }));
  const step = await runActionStep({
    workspace,
    env: sim.env(run, eventPath),
    inputs: { ...SHORT_FLEET, 'github-token': sim.token, ...inputs },
  });
  return { run, step };
}

describeAsRoot('the action in mode fleet (local target, github-sim)', () => {
  it(
    'measures an unchanged 3-node fleet without a baseline: outputs, files, job summary, artifact with fleet.json',
    async () => {
      const { run, step } = await scheduledStep(501, { 'report-dir': 'fleet-first' });
      expectFleetStep(workspace, step, 'fleet-first');
      expect(step.summary).toContain('No baseline fleet: no push run of fleet-nightly.yml on main');
      expect(step.summary).not.toContain('Against the baseline fleet');
      const groups = step.stdout.split('\n').filter((line) => line.startsWith('::group::'));
      expect(groups).toEqual([
        '::group::Baseline',
        '::group::Measure the fleet',
        '::group::Reports',
        '::group::Upload',
      ]);
      const artifacts = sim.store.artifacts.filter((a) => a.runId === run.id && a.finalized);
      expect(artifacts.map((a) => a.name)).toEqual(['netperf-gate-results']);
      expect(step.state).toMatchObject({ isPost: 'true', localTarget: 'true' });

      const post = await runActionStep({ workspace, state: step.state });
      expect(post.code).toBe(0);
      expect(post.stdout).toContain('post: the local target left nothing behind');
      expect(annotations(post.stdout, 'warning')).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'compares with a baseline fleet file: the comparison is in the job summary and the file is copied',
    async () => {
      writeFileSync(join(workspace, 'last-fleet.json'), fixtureFleetText());
      const { step } = await scheduledStep(502, {
        'report-dir': 'fleet-vs-file',
        baseline: 'last-fleet.json',
      });
      expectFleetStep(workspace, step, 'fleet-vs-file');
      expect(step.summary).toContain('Baseline fleet from the file `last-fleet.json`.');
      expect(step.summary).toMatch(/### (Against the baseline fleet|Slower than the baseline fleet)/);
      expect(step.outputs.summary).toMatch(/(none slower than baseline|slower than baseline: node-)/);
      expect(existsSync(join(workspace, 'fleet-vs-file', 'fleet-baseline.json'))).toBe(true);
      expect(step.summary).toContain(
        'sudo node dist/cli/index.js fleet --target local --scenarios tcp_stream_1 --samples 1 --duration 1 --nodes 3 --plan all --baseline last-fleet.json --out fleet.json',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a missing baseline file is a notice, not an error: the fleet is judged on its own',
    async () => {
      const { step } = await scheduledStep(503, { 'report-dir': 'fleet-no-file', baseline: 'absent.json' });
      expectFleetStep(workspace, step, 'fleet-no-file');
      expect(annotations(step.stdout, 'notice').join('\n')).toContain(
        'no baseline fleet: there is no file `absent.json`',
      );
      expect(step.summary).toContain('No baseline fleet: there is no file `absent.json`.');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'baseline default-branch: the fleet.json of the newest earlier scheduled run with the artifact is used',
    async () => {
      const older = sim.store.addRun({
        id: 480,
        workflowFile: WORKFLOW,
        branch: 'main',
        event: 'schedule',
        status: 'completed',
        conclusion: 'success',
      });
      const newer = sim.store.addRun({
        id: 490,
        workflowFile: WORKFLOW,
        branch: 'main',
        event: 'schedule',
        status: 'completed',
        conclusion: 'failure',
      });
      const fleetZip = (text: string) => zipFiles({ 'fleet.json': text, 'fleet.md': '## fleet\n' });
      sim.store.seedArtifact(older.id, 'netperf-gate-results', fleetZip(fixtureFleetText()));
      // The newest one is the baseline: its node-2 was far faster, so node-2 is named slower now.
      sim.store.seedArtifact(newer.id, 'netperf-gate-results', fleetZip(fixtureFleetText(FAST_NODE_2)));
      const { step } = await scheduledStep(504, {
        'report-dir': 'fleet-history',
        'fail-on-regression': 'false',
      });
      expectFleetStep(workspace, step, 'fleet-history', false);
      expect(step.outputs.verdict).toBe('slow');
      expect(listed(step.outputs['slower-nodes'])).toContain('node-2');
      expect(step.code).toBe(0);
      expect(annotations(step.stdout, 'warning').join('\n')).toContain(
        'title=netperf-gate fleet%3A node-2 is slow',
      );
      expect(step.summary).toContain(
        `gh run download ${newer.id} --repo octo/cluster --name netperf-gate-results --dir baseline/${newer.id}`,
      );
      expect(step.summary).toContain(
        `Baseline fleet from the artifact \`netperf-gate-results\` of run ${newer.id} (${WORKFLOW} on main).`,
      );
      expect(step.summary).toMatch(/### (Against the baseline fleet|Slower than the baseline fleet)/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a node far faster in the baseline fleet file: verdict slow, named in slower-nodes and an error annotation, the step fails',
    async () => {
      writeFileSync(join(workspace, 'fast-fleet.json'), fixtureFleetText(FAST_NODE_2));
      const { step } = await scheduledStep(506, {
        'report-dir': 'fleet-slower',
        baseline: 'fast-fleet.json',
      });
      expectFleetStep(workspace, step, 'fleet-slower');
      expect(step.outputs.verdict).toBe('slow');
      expect(step.code).toBe(1);
      expect(listed(step.outputs['slower-nodes'])).toContain('node-2');
      expect(step.summary).toContain('### Slower than the baseline fleet');
      expect(annotations(step.stdout, 'error').join('\n')).toContain(
        'title=netperf-gate fleet%3A node-2 is slow::node-2 as',
      );
      expect(step.stdout).toContain('::error::netperf-gate fleet: SLOW: 3 nodes');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "after a main step killed while measuring, the post step removes the fleet's node and switch namespaces",
    async () => {
      let pid = '';
      const step = await runActionStep({
        workspace,
        inputs: { ...SHORT_FLEET, samples: '20', baseline: 'none.json', 'report-dir': 'fleet-killed' },
        // Once this step (not another run on the machine) has created its last node.
        killWhen: async (stepPid) => {
          pid = String(stepPid);
          return namespacesOfPid(pid).includes(`npg-${pid}-n3`);
        },
      });
      expect(step.code).toBeNull();
      // killWhen saw the namespaces before the kill. Not asserted again here: another suite's local run
      // on this machine may sweep a killed run's leftovers first (its job); the post step must then still pass.
      const post = await runActionStep({ workspace, state: step.state });
      expect(post.code).toBe(0);
      expect(annotations(post.stdout, 'warning')).toEqual([]);
      expect(namespacesOfPid(pid)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it('answers a gate-only input with verdict error, exit code 2 and one line naming it', async () => {
    const { step } = await scheduledStep(505, { 'report-dir': 'fleet-refused', threshold: '5' });
    expect(step.code).toBe(2);
    expect(step.outputs.verdict).toBe('error');
    expect(annotations(step.stdout, 'error')).toEqual([
      expect.stringContaining('input threshold is for mode gate; leave it out with mode: fleet'),
    ]);
  });
});
