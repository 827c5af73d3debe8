/** A small GitHub REST client on fetch: JSON in and out, a bounded wait, one-line errors. */
import { InfraError } from '../util/errors.js';

/** Bound for one REST request. */
export const REST_REQUEST_TIMEOUT_MS = 30_000;
/** GitHub's REST API version header value. */
const API_VERSION = '2022-11-28';

/** What the API answered with a status outside 2xx. */
export class GitHubApiError extends InfraError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The calls the action makes. */
export interface RestClient {
  /** `GET /repos/o/r/…` → parsed JSON; a non-2xx answer is a {@link GitHubApiError}. */
  request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
}

/** What to check for a refused request, by status. */
function hint(status: number): string {
  if (status === 401) return 'check the github-token input';
  if (status === 403 || status === 404) {
    return 'check that github-token may do this (permissions: pull-requests: write, actions: read)';
  }
  return 'run the job again';
}

async function messageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: fall through to the status text
  }
  return response.statusText || 'no message';
}

/** A REST client for `apiUrl` authenticated with `token`. */
export function createRestClient(options: { apiUrl: string; token: string }): RestClient {
  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const url = `${options.apiUrl}${path}`;
      const init: RequestInit = {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${options.token}`,
          'x-github-api-version': API_VERSION,
          'user-agent': 'netperf-gate',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        signal: AbortSignal.timeout(REST_REQUEST_TIMEOUT_MS),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      let response: Response;
      try {
        response = await fetch(url, init);
      } catch (error) {
        const why =
          error instanceof Error && error.name === 'TimeoutError'
            ? `no answer within ${REST_REQUEST_TIMEOUT_MS / 1000} s`
            : String(error instanceof Error ? (error.cause ?? error.message) : error);
        throw new InfraError(
          `GitHub API ${method} ${path} failed: ${why}; check GITHUB_API_URL and the network`,
        );
      }
      if (!response.ok) {
        const message = await messageOf(response);
        throw new GitHubApiError(
          `GitHub API ${method} ${path} answered ${response.status} (${message}); ${hint(response.status)}`,
          response.status,
        );
      }
      return (await response.json()) as T;
    },
  };
}
