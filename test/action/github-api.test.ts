/** The REST side against github-sim: the PR comment kept single, the default-branch search, errors, the context. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENT_MARKER } from '../../src/action/constants.js';
import { readGitHubContext, runUrl, workflowFileOf } from '../../src/github/context.js';
import { commentBody, MAX_COMMENT_CHARS, upsertComment } from '../../src/github/pr-comment.js';
import { createRestClient, GitHubApiError } from '../../src/github/rest.js';
import { type GitHubSim, startGitHubSim } from '../github-sim/index.js';

let sim: GitHubSim;
const folder = mkdtempSync(join(tmpdir(), 'npg-gh-api-'));
const savedEnv = { ...process.env };
/**
 * Bound for starting github-sim and the first import of @actions/artifact: a large module tree, over
 * a second on an idle 2-core machine and several on a loaded one.
 */
const SETUP_TIMEOUT_MS = 60_000;

beforeAll(async () => {
  sim = await startGitHubSim();
  // @actions/artifact (imported lazily by the search) reads these when it is first imported.
  process.env.GITHUB_API_URL = sim.url;
  process.env.GITHUB_SERVER_URL = sim.serverUrl;
  // Import it here, after the variables are set, rather than inside the first test that searches:
  // that test would spend its 5 s (jest's default) mostly loading modules.
  await import('@actions/artifact');
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  process.env = savedEnv;
  await sim.close();
  rmSync(folder, { recursive: true, force: true });
});

const target = () => ({ owner: 'octo', repo: 'cluster', issueNumber: 12 });

describe('upsertComment', () => {
  it('creates the comment once and then updates it in place, whatever else is on the pull request', async () => {
    const rest = createRestClient({ apiUrl: sim.url, token: sim.token });
    for (let i = 0; i < 120; i++)
      sim.store.comments.push({
        id: sim.store.newId(),
        issueNumber: 12,
        body: `chatter ${i}`,
        author: 'someone',
      });
    const first = await upsertComment(rest, target(), COMMENT_MARKER, `${COMMENT_MARKER}\nrun 1`);
    const second = await upsertComment(rest, target(), COMMENT_MARKER, `${COMMENT_MARKER}\nrun 2`);
    const third = await upsertComment(rest, target(), COMMENT_MARKER, `${COMMENT_MARKER}\nrun 3`);
    expect([first.action, second.action, third.action]).toEqual(['created', 'updated', 'updated']);
    expect(new Set([first.id, second.id, third.id]).size).toBe(1);
    const ours = sim.store.commentsOf(12).filter((c) => c.body.includes(COMMENT_MARKER));
    expect(ours.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nrun 3`]);
    expect(third.url).toBe(`${sim.serverUrl}/octo/cluster/pull/12#issuecomment-${third.id}`);
  });

  it('replaces a report too long for a comment by the short body', () => {
    expect(commentBody('<!-- m -->', 'x'.repeat(MAX_COMMENT_CHARS + 1), 'short')).toBe('<!-- m -->\nshort');
    expect(commentBody('<!-- m -->', 'report', 'short')).toBe('<!-- m -->\nreport');
  });
});

describe('createRestClient', () => {
  it('turns a refused request into one line with the status, GitHub message and what to check', async () => {
    const rest = createRestClient({ apiUrl: sim.url, token: 'wrong' });
    const failure = rest.request('GET', '/repos/octo/cluster');
    await expect(failure).rejects.toBeInstanceOf(GitHubApiError);
    await expect(failure).rejects.toThrow(
      'GitHub API GET /repos/octo/cluster answered 401 (Bad credentials); check the github-token input',
    );
  });

  it('names the API URL problem when nothing answers', async () => {
    const rest = createRestClient({ apiUrl: 'http://127.0.0.1:9', token: 'x' });
    await expect(rest.request('GET', '/repos/octo/cluster')).rejects.toThrow(
      /^GitHub API GET \/repos\/octo\/cluster failed: .*; check GITHUB_API_URL and the network$/,
    );
  });
});

describe('readGitHubContext', () => {
  it('reads the run, the workflow file and the pull request from the runner environment', () => {
    const eventPath = join(folder, 'pr.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ pull_request: { number: 9 }, repository: { default_branch: 'trunk' } }),
    );
    const context = readGitHubContext(
      {
        GITHUB_REPOSITORY: 'octo/cluster',
        GITHUB_RUN_ID: '77',
        GITHUB_WORKFLOW_REF: 'octo/cluster/.github/workflows/perf.yml@refs/pull/9/merge',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_SERVER_URL: 'https://github.com/',
        RUNNER_TEMP: '/runner/temp',
      },
      '/tmp',
    );
    expect(context).toEqual({
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      repository: { owner: 'octo', repo: 'cluster' },
      runId: 77,
      workflowFile: 'perf.yml',
      eventName: 'pull_request',
      pullRequestNumber: 9,
      defaultBranch: 'trunk',
      hasRuntimeToken: false,
      enterpriseServer: false,
      tempDir: '/runner/temp',
      hasStepSummary: false,
    });
    expect(runUrl(context)).toBe('https://github.com/octo/cluster/actions/runs/77');
  });

  it.each([
    ['o/r/.github/workflows/a.yaml@refs/heads/main', 'a.yaml'],
    ['o/r/.github/workflows/sub/x.yml@v1', undefined],
    [undefined, undefined],
  ])('takes the workflow file from %j', (ref, file) => {
    expect(workflowFileOf(ref)).toBe(file);
  });
});
