/**
 * `baseline: default-branch` gathers the base branch's history against github-sim with the real
 * @actions/artifact: the newest runs with an unexpired artifact, whatever their conclusion, oldest first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitHubContext } from '../../src/github/context.js';
import {
  type BaselineSearch,
  fetchBaselineHistory,
  MAX_API_CALLS,
} from '../../src/github/default-branch-baseline.js';
import { createRestClient } from '../../src/github/rest.js';
import { parseFleetResults, serializeFleetResults } from '../../src/results/fleet-schema.js';
import { serializeResults } from '../../src/results/read.js';
import { type GitHubSim, startGitHubSim, zipFiles } from '../github-sim/index.js';
import { buildFleetResults } from '../helpers/fleet-fixture.js';
import { type PastRun, pastResults, seedHistory } from '../helpers/run-history.js';

let sim: GitHubSim;
const folder = mkdtempSync(join(tmpdir(), 'npg-history-'));
const savedEnv = { ...process.env };
/** Bound for starting github-sim and the first import of @actions/artifact (large; slow under load). */
const SETUP_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 60_000;

beforeAll(async () => {
  sim = await startGitHubSim({ defaultBranch: 'main' });
  // @actions/artifact (imported lazily by the search) reads these when it is first imported.
  process.env.GITHUB_API_URL = sim.url;
  process.env.GITHUB_SERVER_URL = sim.serverUrl;
  await import('@actions/artifact');
}, SETUP_TIMEOUT_MS);
beforeEach(() => sim.store.reset());
afterAll(async () => {
  process.env = savedEnv;
  await sim.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The search a pull request run (id 900) into `base` makes, collecting its notices. */
function searchOf(runCount: number, base = 'main'): BaselineSearch & { notices: string[] } {
  const run = sim.store.addRun({
    id: 900,
    workflowFile: 'perf.yml',
    branch: 'feature',
    event: 'pull_request',
    status: 'in_progress',
    conclusion: null,
  });
  const eventPath = join(folder, `event-${Math.random()}.json`);
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { ref: base } } }));
  const notices: string[] = [];
  return {
    context: readGitHubContext(sim.env(run, eventPath), folder),
    rest: createRestClient({ apiUrl: sim.url, token: sim.token }),
    token: sim.token,
    artifactName: 'netperf-gate-results',
    runCount,
    folder: mkdtempSync(join(folder, 'download-')),
    resultsFile: 'results.json',
    log: () => {},
    notice: (line) => notices.push(line),
    notices,
  };
}

/** 12 push runs on main (3 expired, 2 failed), newer pull request runs, and runs of elsewhere. */
function twelvePushRuns(): PastRun[] {
  const expired = new Set([105, 110, 112]);
  const failed = new Set([107, 111]);
  const push = Array.from({ length: 12 }, (_, i) => 101 + i).map((id) => ({
    id,
    artifact: expired.has(id) ? ('expired' as const) : ('present' as const),
    conclusion: failed.has(id) ? ('failure' as const) : ('success' as const),
  }));
  const pullRequests = Array.from({ length: 25 }, (_, i) => ({
    id: 113 + i,
    event: 'pull_request',
    branch: 'feature',
  }));
  return [
    ...push,
    ...pullRequests,
    { id: 150, workflowFile: 'other.yml' },
    { id: 151, branch: 'release' },
    { id: 152, artifact: 'none' },
  ];
}

const runIds = (history: { runs: { runId: number }[] }) => history.runs.map((run) => run.runId);

describe('fetchBaselineHistory', () => {
  it(
    'gathers the newest runs with an unexpired artifact, failed ones too, oldest first, past a page of pull request runs',
    async () => {
      seedHistory(sim, twelvePushRuns());
      const search = searchOf(7);
      const history = await fetchBaselineHistory(search);
      expect(runIds(history)).toEqual([103, 104, 106, 107, 108, 109, 111]);
      expect(history).toMatchObject({ branch: 'main', workflowFile: 'perf.yml' });
      expect(history.runs.map((run) => run.results.provenance?.workflowRunId)).toEqual(runIds(history));
      expect(search.notices).toEqual(
        [112, 110, 105].map(
          (id) => `baseline: skipped run ${id}: its artifact netperf-gate-results has expired`,
        ),
      );
      const zips = sim.store.requests.filter((r) => r.path.endsWith('/zip')).map((r) => r.status);
      expect(zips).toEqual(Array(7).fill(302)); // expired artifacts are never downloaded
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'skips a download GitHub refuses (410) and goes further back',
    async () => {
      const [, second] = seedHistory(sim, [{ id: 201 }, { id: 202 }, { id: 203 }]);
      const artifact = sim.store.artifacts.find((a) => a.runId === second?.id);
      sim.store.faults.push({
        path: new RegExp(`/actions/artifacts/${artifact?.id}/zip$`),
        status: 410,
        message: 'Artifact has expired',
      });
      const search = searchOf(2);
      expect(runIds(await fetchBaselineHistory(search))).toEqual([201, 203]);
      expect(search.notices).toHaveLength(1);
      expect(search.notices[0]).toMatch(
        /^baseline: skipped run 202's artifact netperf-gate-results: download failed \(.*\)$/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "takes the pull request's base branch, not the default one",
    async () => {
      seedHistory(sim, [{ id: 301 }, { id: 302, branch: 'release-1' }, { id: 303 }]);
      expect(runIds(await fetchBaselineHistory(searchOf(5, 'release-1')))).toEqual([302]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'skips a results file of a newer schemaVersion with a notice',
    async () => {
      seedHistory(sim, [{ id: 401 }]);
      const run = sim.store.addRun({
        id: 402,
        workflowFile: 'perf.yml',
        branch: 'main',
        event: 'push',
        status: 'completed',
        conclusion: 'success',
      });
      const newer = { ...pastResults({ id: 402 }), schemaVersion: 99 };
      const zip = zipFiles({ 'results.json': serializeResults(newer as never) });
      sim.store.seedArtifact(run.id, 'netperf-gate-results', zip);
      const search = searchOf(5);
      expect(runIds(await fetchBaselineHistory(search))).toEqual([401]);
      expect(search.notices.join('\n')).toContain(
        'schemaVersion 99 is newer than this netperf-gate understands',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reads no more than its bound of API calls when no run has the artifact, and says why there is none',
    async () => {
      seedHistory(
        sim,
        Array.from({ length: 150 }, (_, i) => ({ id: 1000 + i, artifact: 'none' as const })),
      );
      const history = await fetchBaselineHistory(searchOf(10));
      expect(history.runs).toEqual([]);
      expect(history.reason).toBe(
        'no push run of perf.yml on main has a readable artifact netperf-gate-results yet',
      );
      expect(sim.store.requests.length).toBeLessThanOrEqual(MAX_API_CALLS);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "with a parse function reads another results type: a fleet's fleet.json, skipping runs whose artifact has none",
    async () => {
      const addPush = (id: number) =>
        sim.store.addRun({
          id,
          workflowFile: 'perf.yml',
          branch: 'main',
          event: 'schedule',
          status: 'completed',
          conclusion: 'success',
        });
      const fleet = buildFleetResults({ nodes: 3, scenarios: ['tcp_stream_1'], samples: 1 });
      sim.store.seedArtifact(
        addPush(601).id,
        'netperf-gate-results',
        zipFiles({ 'fleet.json': serializeFleetResults(fleet) }),
      );
      // Newer: a single run's artifact (no fleet.json), and a fleet.json that holds a single run.
      sim.store.seedArtifact(
        addPush(602).id,
        'netperf-gate-results',
        zipFiles({ 'results.json': serializeResults(pastResults({ id: 602 })) }),
      );
      sim.store.seedArtifact(
        addPush(603).id,
        'netperf-gate-results',
        zipFiles({ 'fleet.json': serializeResults(pastResults({ id: 603 })) }),
      );
      const search = { ...searchOf(1), resultsFile: 'fleet.json', parse: parseFleetResults };
      const history = await fetchBaselineHistory(search);
      expect(runIds(history)).toEqual([601]);
      expect(history.runs[0]?.results.nodes.map((node) => node.name)).toEqual(['node-1', 'node-2', 'node-3']);
      expect(search.notices).toHaveLength(2);
      expect(search.notices[0]).toMatch(/^baseline: skipped run 603's artifact netperf-gate-results: /);
      expect(search.notices[1]).toMatch(/^baseline: skipped run 602's artifact netperf-gate-results: /);
    },
    TEST_TIMEOUT_MS,
  );
});
