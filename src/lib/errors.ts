/**
 * The one error type below the HTTP edge. Services and stores throw it with a code a client can
 * act on; only the edge's error handler turns a code into an HTTP status and headers
 * (`http/errors.ts`). Internal callers may catch it too: it says what was refused and why.
 */
export const ERROR_CODES = [
  'VALIDATION_ERROR',
  'WEAK_PASSWORD',
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'IDEMPOTENCY_CONFLICT',
  'IDEMPOTENCY_IN_PROGRESS',
  'SESSION_DISCONNECTED',
  'METHOD_NOT_ALLOWED',
  'REQUEST_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'RECIPIENT_OPTED_OUT',
  'MEDIA_EMPTY',
  'MEDIA_TOO_LARGE',
  'MEDIA_TYPE_UNSUPPORTED',
  'MEDIA_TYPE_MISMATCH',
  'MEDIA_CORRUPT',
  'MEDIA_URL_REFUSED',
  'MEDIA_FETCH_FAILED',
  'QUOTA_EXCEEDED',
  'RATE_LIMITED',
  'HEADERS_TOO_LARGE',
  'SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** When trying again makes sense: the edge sends it as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const validation = (message: string, details?: unknown) =>
  new AppError('VALIDATION_ERROR', message, details);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new AppError('CONFLICT', message, details);
