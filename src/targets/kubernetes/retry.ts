/**
 * Retries of Kubernetes API calls: pure policy plus a small loop with an injected clock.
 * Only calls that are safe to repeat are retried: GET/LIST/DELETE, and creates of objects with fixed
 * names (a repeated create answers 409, which the caller checks against its own run id).
 */
import { type ApiFailure, readApiFailure } from './api-errors.js';
import { isServiceAccountRace } from './refusals.js';

/** How often and how long to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Delay before the second attempt; doubled for each further one. */
  baseDelayMs: number;
  /** Ceiling of any delay, Retry-After included: a server asking for more is not waited for. */
  maxDelayMs: number;
  /**
   * Attempts in all for a pod create refused because the namespace's `default` ServiceAccount does not
   * exist yet (the ServiceAccount controller creates it a moment after the namespace): longer than
   * `maxAttempts`, since it passes by itself but not within a second on a busy control plane.
   */
  serviceAccountAttempts?: number;
}

/**
 * Four attempts within about 4 s (more for a Retry-After): transient errors pass, a dead server fails
 * fast. The service-account race gets eight: about 13 to 26 s of waiting in all.
 */
export const API_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  serviceAccountAttempts: 8,
};

/** Network failures worth another try: the connection broke or the server was briefly away. */
const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'TimeoutError',
]);

/**
 * Whether a failure may pass by itself: 429, 5xx (501 Not Implemented never does), network trouble,
 * and the 403 of a namespace whose `default` ServiceAccount is not there yet.
 */
export function isRetryable(failure: ApiFailure): boolean {
  if (isServiceAccountRace(failure)) return true;
  if (failure.status !== undefined)
    return failure.status === 429 || (failure.status >= 500 && failure.status !== 501);
  return failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode);
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1), or undefined to give up. Retry-After is
 * honoured; otherwise exponential backoff with "equal jitter" (half the step fixed, half random), so
 * many clients hit by the same outage do not come back in step. `random` returns [0, 1).
 */
export function retryDelayMs(
  failure: ApiFailure,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  const attempts = isServiceAccountRace(failure)
    ? (policy.serviceAccountAttempts ?? policy.maxAttempts)
    : policy.maxAttempts;
  if (attempt >= attempts || !isRetryable(failure)) return undefined;
  if (failure.retryAfterSeconds !== undefined)
    return Math.min(failure.retryAfterSeconds * 1000, policy.maxDelayMs);
  const step = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.round(step / 2 + (random() * step) / 2);
}

/** What the retry loop needs from outside; tests pass a fake clock. */
export interface RetryDeps {
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about each retry (for debug output). */
  onRetry?: (failure: ApiFailure, attempt: number, delayMs: number) => void;
}

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Calls `call` until it succeeds, fails for good, or the policy's attempts are used up; throws the last error. */
export async function withRetry<T>(call: (attempt: number) => Promise<T>, deps: RetryDeps = {}): Promise<T> {
  const policy = deps.policy ?? API_RETRY_POLICY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      const failure = readApiFailure(error);
      const delay = retryDelayMs(failure, attempt, policy, deps.random ?? Math.random);
      if (delay === undefined) throw error;
      deps.onRetry?.(failure, attempt, delay);
      await (deps.sleep ?? realSleep)(delay);
    }
  }
}
