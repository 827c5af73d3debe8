/**
 * github-sim: a local stand-in for the parts of GitHub netperf-gate talks to, on 127.0.0.1 — the
 * artifact service (Twirp JSON + Azure-blob-style signed URLs) that the real @actions/artifact uploads
 * to and downloads from, and the REST API (workflow runs, run artifacts, zip download, PR comments,
 * GET /user). Strict like GitHub: `per_page`/`page` pagination (30 by default, at most 100);
 * expired artifacts stay listed (`expired: true`) and their download answers 410 "Artifact has
 * expired"; GET /user refuses the workflow token (403 "Resource not accessible by integration");
 * `store.faults` answers chosen requests with a status (403, 5xx …). `enterpriseServerUrl` is a
 * GITHUB_SERVER_URL of GitHub Enterprise Server; `proxy.ts` is an HTTP proxy stand-in.
 */
import { createServer, type Server } from 'node:http';
import { handleBlob, handleTwirp, runtimeTokenFor } from './artifact-service.js';
import { sendJson } from './http.js';
import { handleRest } from './rest-api.js';
import { type SimRun, SimStore } from './store.js';

export { runtimeTokenFor } from './artifact-service.js';
export type { SimArtifact, SimComment, SimFault, SimRequest, SimRun } from './store.js';
export { zipFiles } from './zip.js';

/** How to start the stand-in. */
export interface GitHubSimOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** The github-token the REST API accepts. */
  token?: string;
}

/** A running stand-in. */
export interface GitHubSim {
  /** `http://127.0.0.1:<port>`: GITHUB_API_URL and ACTIONS_RESULTS_URL. */
  url: string;
  /** `http://github.localhost:<port>`: a GITHUB_SERVER_URL @actions/artifact accepts (not Enterprise Server). */
  serverUrl: string;
  /** A GITHUB_SERVER_URL of GitHub Enterprise Server (any host but github.com, *.ghe.com, *.localhost). */
  enterpriseServerUrl: string;
  store: SimStore;
  token: string;
  /** The runner's environment for a step of `run` (event payload file written by the caller). */
  env(run: SimRun, eventPath: string): Record<string, string>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/** Starts the stand-in on a free port. */
export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const repository = { owner: options.owner ?? 'octo', repo: options.repo ?? 'cluster' };
  const token = options.token ?? 'ghs_simulated_token_0123456789';
  const store = new SimStore(repository, options.defaultBranch ?? 'main', token);
  const server = createServer();
  const port = await listen(server);
  const url = `http://127.0.0.1:${port}`;
  const serverUrl = `http://github.localhost:${port}`;
  server.on('request', (request, response) => {
    response.on('finish', () =>
      store.requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        status: response.statusCode,
      }),
    );
    // Signed blob URLs name the host the client asked for (api.github.test behind a proxy stand-in).
    const baseUrl = request.headers.host ? `http://${request.headers.host}` : url;
    const handled = async () =>
      (await handleTwirp(store, baseUrl, request, response)) ||
      (await handleBlob(store, request, response)) ||
      (await handleRest(store, { baseUrl, webUrl: serverUrl }, request, response));
    handled()
      .then((done) => done || sendJson(response, 404, { message: 'Not Found' }))
      .catch((error: unknown) => sendJson(response, 500, { message: String(error) }));
  });
  return {
    url,
    serverUrl,
    enterpriseServerUrl: `http://ghes.example.test:${port}`,
    store,
    token,
    env: (run, eventPath) => ({
      GITHUB_SERVER_URL: serverUrl,
      GITHUB_API_URL: url,
      ACTIONS_RESULTS_URL: `${url}/`,
      ACTIONS_RUNTIME_TOKEN: runtimeTokenFor(run),
      GITHUB_REPOSITORY: `${repository.owner}/${repository.repo}`,
      GITHUB_RUN_ID: String(run.id),
      GITHUB_WORKFLOW_REF: `${repository.owner}/${repository.repo}/.github/workflows/${run.workflowFile}@refs/heads/${run.branch}`,
      GITHUB_EVENT_NAME: run.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: run.event.startsWith('pull_request')
        ? `refs/pull/${run.pullRequest ?? 1}/merge`
        : `refs/heads/${run.branch}`,
      GITHUB_SHA: run.headSha,
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
