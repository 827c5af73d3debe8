/**
 * What a failed Kubernetes API call tells us, read from the error shapes client-node throws: pure.
 * `ApiException { code, body, headers }` for HTTP answers (body: the Status object as text), undici's
 * `TypeError('fetch failed')` with a `cause.code` for network failures, `{ statusCode }` from Watch.
 */

/** The facts retries and messages need. */
export interface ApiFailure {
  /** HTTP status, when the server answered. */
  status?: number;
  /** Status.reason (`NotFound`, `AlreadyExists`, `Forbidden` …), when the body was a Status. */
  reason?: string;
  /** Status.message, or the error's own message. */
  message: string;
  /** Seconds from a Retry-After header. */
  retryAfterSeconds?: number;
  /** Network error code (`ECONNRESET`, `ECONNREFUSED` …) or `TimeoutError` for our request timeout. */
  networkCode?: string;
}

type Loose = Record<string, unknown>;

function asRecord(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null ? (value as Loose) : undefined;
}

function parseStatusBody(body: unknown): Loose | undefined {
  if (typeof body === 'string') {
    try {
      return asRecord(JSON.parse(body));
    } catch {
      return undefined;
    }
  }
  return asRecord(body);
}

function networkCodeOf(error: Loose): string | undefined {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'TimeoutError';
  for (let cause: Loose | undefined = error, depth = 0; cause !== undefined && depth < 4; depth++) {
    if (typeof cause.code === 'string') return cause.code;
    cause = asRecord(cause.cause);
  }
  return undefined;
}

/**
 * ws drops the body of a refused WebSocket upgrade, so a 403 on exec arrives as "Unexpected server
 * response: 403" without the API server's Status: say what it refuses and how to grant it.
 */
function execUpgradeRefusal(error: Loose, status: number): string | undefined {
  if (error.name !== 'ExecHandshakeError' || status !== 403) return undefined;
  return "the API server refused the exec's WebSocket upgrade (403 Forbidden): the user needs get and create on pods/exec in the pod's namespace; grant them with the RBAC in deploy/rbac (see the README's Kubernetes target section)";
}

/** Messages on one line: webhooks (Kyverno) answer with several, each worth keeping. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** Reads any thrown value into an {@link ApiFailure}. */
export function readApiFailure(error: unknown): ApiFailure {
  const record = asRecord(error);
  const ownMessage = error instanceof Error ? error.message : String(error);
  if (record === undefined) return { message: ownMessage };
  // DOMException has a numeric `code` too (23 for a timeout): only HTTP statuses count.
  const status = typeof record.code === 'number' ? record.code : record.statusCode;
  if (typeof status === 'number' && status >= 100) {
    const body = parseStatusBody(record.body);
    const headers = asRecord(record.headers) ?? {};
    const retryAfter = Number(headers['retry-after']);
    return {
      status,
      ...(typeof body?.reason === 'string' ? { reason: body.reason } : {}),
      message: oneLine(
        typeof body?.message === 'string' ? body.message : (execUpgradeRefusal(record, status) ?? ownMessage),
      ),
      ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  const networkCode = networkCodeOf(record);
  const causeMessage = asRecord(record.cause)?.message;
  const message = typeof causeMessage === 'string' ? `${ownMessage}: ${causeMessage}` : ownMessage;
  return { message: oneLine(message), ...(networkCode !== undefined ? { networkCode } : {}) };
}

/** Whether the error is the server saying the object is not there (delete and read treat it as gone). */
export function isNotFound(error: unknown): boolean {
  return readApiFailure(error).status === 404;
}

/** Whether a create found the name taken. */
export function isAlreadyExists(error: unknown): boolean {
  return readApiFailure(error).status === 409;
}

/** One line for people: "403 Forbidden: pods is forbidden: …" or the network error. */
export function describeApiFailure(failure: ApiFailure): string {
  if (failure.status === undefined)
    return failure.networkCode ? `${failure.networkCode}: ${failure.message}` : failure.message;
  return `${failure.status}${failure.reason ? ` ${failure.reason}` : ''}: ${failure.message}`;
}
