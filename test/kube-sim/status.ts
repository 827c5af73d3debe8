/**
 * `Status` objects as the API server returns them (k8s.io/apimachinery/pkg/api/errors): same codes,
 * reasons, messages and details, so clients see exactly what a real cluster would send.
 */

/** A field error inside `details.causes` of a 422 Invalid. */
export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

/** `details` of a Status. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** A metav1.Status with status Failure. */
export interface FailureStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** A Status thrown by a handler and sent as the response. */
export class ApiError extends Error {
  readonly status: FailureStatus;

  constructor(status: FailureStatus) {
    super(status.message);
    this.status = status;
  }
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): ApiError {
  const status: FailureStatus = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) status.details = details;
  return new ApiError(status);
}

/** 404 NotFound for a named object: `pods "x" not found`. */
export function notFound(resource: string, name: string): ApiError {
  return failure(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource });
}

/** 404 for a path the server does not serve. */
export function pathNotFound(): ApiError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** 409 AlreadyExists: `pods "x" already exists`. */
export function alreadyExists(resource: string, name: string): ApiError {
  return failure(409, 'AlreadyExists', `${resource} "${name}" already exists`, { name, kind: resource });
}

/** 422 Invalid with one cause per field error, message `Pod "x" is invalid: [a, b]`. */
export function invalid(kind: string, name: string, causes: StatusCause[]): ApiError {
  const texts = causes.map((c) => `${c.field}: ${c.message}`);
  const joined = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return failure(422, 'Invalid', `${kind} "${name}" is invalid: ${joined}`, { name, kind, causes });
}

/** 400 BadRequest with a free message. */
export function badRequest(message: string): ApiError {
  return failure(400, 'BadRequest', message);
}

/** 403 Forbidden, e.g. creating in a namespace that is being deleted. */
export function forbidden(resource: string, name: string, why: string, causes?: StatusCause[]): ApiError {
  const details: StatusDetails = { name, kind: resource };
  if (causes) details.causes = causes;
  return failure(403, 'Forbidden', `${resource} "${name}" is forbidden: ${why}`, details);
}

/** 405 MethodNotAllowed for a verb the resource does not support. */
export function methodNotSupported(resource: string, action: string): ApiError {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${resource}"`, {
    kind: resource,
  });
}

/** 429 TooManyRequests as the max-in-flight filter sends it (with a Retry-After header). */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return failure(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds });
}

/** 500 InternalError: `Internal error occurred: <cause>`. */
export function internalError(cause: string): ApiError {
  return failure(500, 'InternalError', `Internal error occurred: ${cause}`, { causes: [{ message: cause }] });
}

/** 410 Expired: a watch from a resourceVersion the server no longer remembers. */
export function resourceExpired(message: string): ApiError {
  return failure(410, 'Expired', message);
}

/** Any other code, with the reason the API server uses for it. */
export function statusForCode(code: number, message: string): ApiError {
  if (code === 429) return tooManyRequests(1);
  if (code === 500) return internalError(message);
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    503: 'ServiceUnavailable',
    504: 'Timeout',
  };
  return failure(code, reasons[code] ?? (code >= 500 ? 'InternalError' : 'BadRequest'), message);
}

/** 422 for a patch that cannot be applied (a JSON patch path that is missing, a failed `test`). */
export function unprocessable(message: string): ApiError {
  return failure(422, 'Invalid', message);
}

/** 409 Conflict for a write with a stale resourceVersion, in the API server's words. */
export function conflict(resource: string, name: string): ApiError {
  return failure(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, kind: resource },
  );
}
