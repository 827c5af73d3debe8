/**
 * A small GitHub REST client on @actions/http-client (loaded when first used): it honours HTTPS_PROXY,
 * HTTP_PROXY and NO_PROXY like GitHub's own actions do on self-hosted runners; JSON in and out, a
 * bounded wait, one-line errors.
 */
import { InfraError } from '../util/errors.js';

/** Bound for one REST request (the socket's idle time). */
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

function messageOf(text: string, statusText: string | undefined): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: fall through to the status text
  }
  return statusText || 'no message';
}

/** Node's socket error codes in words (the code alone is what reaches us from a refused connection). */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
};

/** One line for a request that got no HTTP answer. */
export function networkFailure(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_ERRORS[code] !== undefined) return NETWORK_ERRORS[code];
  if (error instanceof Error && /timeout/i.test(error.message)) {
    return `no answer within ${REST_REQUEST_TIMEOUT_MS / 1000} s`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A REST client for `apiUrl` authenticated with `token`. */
export function createRestClient(options: { apiUrl: string; token: string }): RestClient {
  let client: import('@actions/http-client').HttpClient | undefined;
  const clientOf = async () => {
    const { HttpClient } = await import('@actions/http-client');
    client ??= new HttpClient('netperf-gate', [], { socketTimeout: REST_REQUEST_TIMEOUT_MS });
    return client;
  };
  return {
    async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const headers = {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${options.token}`,
        'x-github-api-version': API_VERSION,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      };
      const http = await clientOf();
      let status: number;
      let text: string;
      let statusText: string | undefined;
      try {
        const payload = body === undefined ? null : JSON.stringify(body);
        const response = await http.request(method, `${options.apiUrl}${path}`, payload, headers);
        status = response.message.statusCode ?? 0;
        statusText = response.message.statusMessage;
        text = await response.readBody();
      } catch (error) {
        throw new InfraError(
          `GitHub API ${method} ${path} failed: ${networkFailure(error)}; check GITHUB_API_URL and the network`,
        );
      }
      if (status < 200 || status > 299) {
        throw new GitHubApiError(
          `GitHub API ${method} ${path} answered ${status} (${messageOf(text, statusText)}); ${hint(status)}`,
          status,
        );
      }
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new InfraError(
          `GitHub API ${method} ${path} answered ${status} with no JSON; run the job again`,
        );
      }
    },
  };
}
