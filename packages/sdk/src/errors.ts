/**
 * Typed errors. Every answer in the API's error envelope becomes the class of its `code` (a
 * `RateLimitedError` for `RATE_LIMITED`, …), all subclasses of `WAPingError`, carrying the HTTP
 * status, the request id the server logged it under, and `details` when the server gave them.
 * Failures with no answer at all are `WAPingConnectionError` (or `WAPingTimeoutError`).
 */

export interface ErrorInit {
  code: string;
  message: string;
  status: number;
  requestId: string | null;
  details?: unknown;
  headers?: Headers;
}

export class WAPingError extends Error {
  /** The stable error code from the API (`VALIDATION_ERROR`, `RATE_LIMITED`, …). */
  readonly code: string;
  /** The HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** The id the server logged this request under (`x-request-id`), or null without an answer. */
  readonly requestId: string | null;
  readonly details: unknown;
  /** The answer's headers, when there was an answer. */
  readonly headers: Headers | undefined;

  constructor(init: ErrorInit) {
    super(init.message);
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
    this.headers = init.headers;
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export class ValidationError extends WAPingError {
  /** Which fields were refused and why, named the way the request wrote them (`body.to`). */
  override readonly details: FieldError[];
  constructor(init: ErrorInit) {
    super(init);
    this.details = Array.isArray(init.details) ? (init.details as FieldError[]) : [];
  }
}

export interface LimitDetails {
  limit: number;
  windowSeconds: number;
  retryAfterSeconds: number;
}

export class RateLimitedError extends WAPingError {
  /** How long to wait before trying again, from `Retry-After` (null when the server gave none). */
  readonly retryAfterMs: number | null;
  override readonly details: LimitDetails | undefined;
  constructor(init: ErrorInit) {
    super(init);
    this.retryAfterMs = retryAfterMs(init.headers);
    this.details = init.details as LimitDetails | undefined;
  }
}

export class QuotaExceededError extends WAPingError {
  override readonly details: { limit: number; period: string } | undefined;
  constructor(init: ErrorInit) {
    super(init);
    this.details = init.details as { limit: number; period: string } | undefined;
  }
}

export class IdempotencyInProgressError extends WAPingError {
  readonly retryAfterMs: number | null;
  constructor(init: ErrorInit) {
    super(init);
    this.retryAfterMs = retryAfterMs(init.headers);
  }
}

export class BadRequestError extends WAPingError {}
export class UnauthorizedError extends WAPingError {}
export class ForbiddenError extends WAPingError {}
export class NotFoundError extends WAPingError {}
export class MethodNotAllowedError extends WAPingError {}
export class RequestTimeoutError extends WAPingError {}
export class ConflictError extends WAPingError {}
export class IdempotencyConflictError extends WAPingError {}
export class SessionDisconnectedError extends WAPingError {}
export class PayloadTooLargeError extends WAPingError {}
export class UriTooLongError extends WAPingError {}
export class UnsupportedMediaTypeError extends WAPingError {}
export class RecipientOptedOutError extends WAPingError {}
export class HeadersTooLargeError extends WAPingError {}
export class ServerError extends WAPingError {}
/** A new password the server's rules refuse (`details[0].reason` says which rule). */
export class WeakPasswordError extends WAPingError {}
/** Every refusal of a file (upload, send by URL) extends this one. */
export class MediaError extends WAPingError {}
export class MediaEmptyError extends MediaError {}
export class MediaTooLargeError extends MediaError {}
export class MediaTypeUnsupportedError extends MediaError {}
export class MediaTypeMismatchError extends MediaError {}
export class MediaCorruptError extends MediaError {}
export class MediaUrlRefusedError extends MediaError {}
export class MediaFetchFailedError extends MediaError {}
export class ServiceUnavailableError extends WAPingError {}

/** No answer: the connection failed or was cut before a response arrived. */
export class WAPingConnectionError extends WAPingError {
  constructor(message: string, options?: { cause?: unknown }) {
    super({ code: 'CONNECTION_ERROR', message, status: 0, requestId: null });
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** No answer within `timeoutMs`. */
export class WAPingTimeoutError extends WAPingConnectionError {
  override readonly code = 'TIMEOUT';
}

type ErrorClass = new (init: ErrorInit) => WAPingError;

/** One class per code of the API's error list (docs/api.md, "Errors"). */
export const ERROR_CLASSES: Record<string, ErrorClass> = {
  VALIDATION_ERROR: ValidationError,
  WEAK_PASSWORD: WeakPasswordError,
  BAD_REQUEST: BadRequestError,
  UNAUTHORIZED: UnauthorizedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  METHOD_NOT_ALLOWED: MethodNotAllowedError,
  REQUEST_TIMEOUT: RequestTimeoutError,
  CONFLICT: ConflictError,
  IDEMPOTENCY_CONFLICT: IdempotencyConflictError,
  IDEMPOTENCY_IN_PROGRESS: IdempotencyInProgressError,
  SESSION_DISCONNECTED: SessionDisconnectedError,
  PAYLOAD_TOO_LARGE: PayloadTooLargeError,
  URI_TOO_LONG: UriTooLongError,
  UNSUPPORTED_MEDIA_TYPE: UnsupportedMediaTypeError,
  RECIPIENT_OPTED_OUT: RecipientOptedOutError,
  MEDIA_EMPTY: MediaEmptyError,
  MEDIA_TOO_LARGE: MediaTooLargeError,
  MEDIA_TYPE_UNSUPPORTED: MediaTypeUnsupportedError,
  MEDIA_TYPE_MISMATCH: MediaTypeMismatchError,
  MEDIA_CORRUPT: MediaCorruptError,
  MEDIA_URL_REFUSED: MediaUrlRefusedError,
  MEDIA_FETCH_FAILED: MediaFetchFailedError,
  QUOTA_EXCEEDED: QuotaExceededError,
  RATE_LIMITED: RateLimitedError,
  HEADERS_TOO_LARGE: HeadersTooLargeError,
  SERVER_ERROR: ServerError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
};

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const value = headers?.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The typed error for a non-2xx answer; a body outside the envelope still gives a useful error. */
export function errorFromResponse(status: number, headers: Headers, body: unknown): WAPingError {
  const envelope = (body as { error?: Partial<Record<'code' | 'message' | 'requestId', unknown>> } | null)
    ?.error;
  const code = typeof envelope?.code === 'string' ? envelope.code : fallbackCode(status);
  const init: ErrorInit = {
    code,
    status,
    message: typeof envelope?.message === 'string' ? envelope.message : `HTTP ${status}`,
    requestId:
      (typeof envelope?.requestId === 'string' ? envelope.requestId : null) ?? headers.get('x-request-id'),
    details: (envelope as { details?: unknown } | undefined)?.details,
    headers,
  };
  const ErrorType = ERROR_CLASSES[code] ?? WAPingError;
  return new ErrorType(init);
}

function fallbackCode(status: number): string {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'SERVER_ERROR';
  return 'HTTP_ERROR';
}
