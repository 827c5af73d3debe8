/** The REST side against github-sim: the PR comment kept single, the default-branch search, errors, the context. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMENT_MARKER, commentMarkerOf } from '../../src/action/constants.js';
import { isEnterpriseServer, readGitHubContext, runUrl, workflowFileOf } from '../../src/github/context.js';
import { commentBody, MAX_COMMENT_CHARS, upsertComment } from '../../src/github/pr-comment.js';
import { provenanceFromEnv } from '../../src/github/provenance.js';
import { createRestClient, GitHubApiError } from '../../src/github/rest.js';
import { type GitHubSim, startGitHubSim } from '../github-sim/index.js';
import { startProxySim } from '../github-sim/proxy.js';

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

  it('edits only its own comment: a marker pasted by someone else is left alone', async () => {
    const rest = createRestClient({ apiUrl: sim.url, token: sim.token });
    const pasted = {
      id: sim.store.newId(),
      issueNumber: 13,
      body: `${COMMENT_MARKER}\nfake`,
      author: 'mallory',
    };
    sim.store.comments.push(pasted);
    const result = await upsertComment(
      rest,
      { ...target(), issueNumber: 13 },
      COMMENT_MARKER,
      `${COMMENT_MARKER}\nreal`,
    );
    expect(result.action).toBe('created');
    expect(sim.store.commentsOf(13).map((c) => [c.author, c.body])).toEqual([
      ['mallory', `${COMMENT_MARKER}\nfake`],
      ['github-actions[bot]', `${COMMENT_MARKER}\nreal`],
    ]);
  });

  it("with a personal token finds its user's comment (GET /user), not the bot's", async () => {
    sim.store.users.set('ghp_personal_0123456789', 'octocat');
    const rest = createRestClient({ apiUrl: sim.url, token: 'ghp_personal_0123456789' });
    const bot = {
      id: sim.store.newId(),
      issueNumber: 14,
      body: `${COMMENT_MARKER}\nbot`,
      author: 'github-actions[bot]',
    };
    sim.store.comments.push(bot);
    const first = await upsertComment(
      rest,
      { ...target(), issueNumber: 14 },
      COMMENT_MARKER,
      `${COMMENT_MARKER}\n1`,
    );
    const second = await upsertComment(
      rest,
      { ...target(), issueNumber: 14 },
      COMMENT_MARKER,
      `${COMMENT_MARKER}\n2`,
    );
    expect([first.action, second.action]).toEqual(['created', 'updated']);
    expect(sim.store.commentsOf(14).map((c) => [c.author, c.body])).toEqual([
      ['github-actions[bot]', `${COMMENT_MARKER}\nbot`],
      ['octocat', `${COMMENT_MARKER}\n2`],
    ]);
  });

  it('keeps one comment per artifact name: matrix legs do not overwrite each other', async () => {
    const rest = createRestClient({ apiUrl: sim.url, token: sim.token });
    const pr = { ...target(), issueNumber: 15 };
    for (const run of [1, 2]) {
      for (const name of ['netperf-gate-results', 'results-arm64']) {
        const marker = commentMarkerOf(name);
        await upsertComment(rest, pr, marker, `${marker}\n${name} run ${run}`);
      }
    }
    expect(sim.store.commentsOf(15).map((c) => c.body)).toEqual([
      `${COMMENT_MARKER}\nnetperf-gate-results run 2`,
      '<!-- netperf-gate results-arm64 -->\nresults-arm64 run 2',
    ]);
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

  it.each(['http://127.0.0.1:9', 'https://127.0.0.1:9'])(
    'says "connection refused" when nothing listens at %s',
    async (apiUrl) => {
      const rest = createRestClient({ apiUrl, token: 'x' });
      await expect(rest.request('GET', '/repos/octo/cluster')).rejects.toThrow(
        'GitHub API GET /repos/octo/cluster failed: connection refused; check GITHUB_API_URL and the network',
      );
    },
  );

  it('goes through HTTPS_PROXY / HTTP_PROXY, and around it for NO_PROXY hosts', async () => {
    const proxy = await startProxySim();
    const port = new URL(sim.url).port;
    const saved = { ...process.env };
    try {
      process.env.HTTP_PROXY = proxy.url;
      process.env.HTTPS_PROXY = proxy.url;
      // api.github.test resolves only inside the proxy: an answer proves the request went through it.
      const rest = createRestClient({ apiUrl: `http://api.github.test:${port}`, token: sim.token });
      await expect(rest.request('GET', '/repos/octo/cluster')).resolves.toMatchObject({
        default_branch: 'main',
      });
      expect(proxy.tunnels).toEqual([`api.github.test:${port}`]);
      process.env.NO_PROXY = 'api.github.test';
      await expect(rest.request('GET', '/repos/octo/cluster')).rejects.toThrow(
        /failed: host (not found|name lookup failed)/,
      );
      expect(proxy.tunnels).toHaveLength(1);
    } finally {
      process.env = saved;
      await proxy.close();
    }
  });
});

describe('provenanceFromEnv', () => {
  it('records where a run inside a workflow was made, and nothing outside one', () => {
    expect(provenanceFromEnv({})).toBeUndefined();
    expect(
      provenanceFromEnv({
        GITHUB_REPOSITORY: 'octo/cluster',
        GITHUB_SHA: 'abc1234def',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_RUN_ID: '4711',
        GITHUB_SERVER_URL: 'https://github.com',
      }),
    ).toEqual({
      repository: 'octo/cluster',
      commitSha: 'abc1234def',
      ref: 'refs/heads/main',
      event: 'push',
      workflowRunId: 4711,
      workflowRunUrl: 'https://github.com/octo/cluster/actions/runs/4711',
    });
  });

  it.each([
    ['https://github.com', false],
    ['https://octo.ghe.com', false],
    ['http://github.localhost:8080', false],
    ['https://github.example.corp', true],
  ])('tells GitHub Enterprise Server by its server URL: %s → %s', (serverUrl, enterprise) => {
    expect(isEnterpriseServer(serverUrl)).toBe(enterprise);
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
