import type { FastifyRequest } from 'fastify';
import type { AppError, ErrorCode } from '../lib/errors.js';

/** The HTTP status of each error code: the edge's half of the error envelope (docs/api.md). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  WEAK_PASSWORD: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  SESSION_DISCONNECTED: 409,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RECIPIENT_OPTED_OUT: 422,
  MEDIA_EMPTY: 422,
  MEDIA_TOO_LARGE: 422,
  MEDIA_TYPE_UNSUPPORTED: 422,
  MEDIA_TYPE_MISMATCH: 422,
  MEDIA_CORRUPT: 422,
  MEDIA_URL_REFUSED: 422,
  MEDIA_FETCH_FAILED: 422,
  QUOTA_EXCEEDED: 429,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export function codesFor(status: number): ErrorCode[] {
  return (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => ERROR_STATUS[c] === status);
}

/** Response headers an error calls for: a retry hint, and the Bearer challenge on API routes. */
export function errorHeaders(err: AppError, request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  if (err.retryAfterSeconds !== undefined) headers['retry-after'] = String(err.retryAfterSeconds);
  const scope = request.routeOptions.config?.scope;
  if (err.code === 'UNAUTHORIZED' && scope && scope !== 'public')
    headers['www-authenticate'] = 'Bearer realm="waping"';
  return headers;
}
