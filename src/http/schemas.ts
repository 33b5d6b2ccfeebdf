import { Type, type TSchema } from 'typebox';
import { Nullable } from '../lib/schema.js';

/** The error envelope (docs/api.md, "Errors"), referenced by every route's error responses. */
export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ examples: ['VALIDATION_ERROR'] }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorEnvelope', description: 'Every failure, always JSON' },
);

const ErrorRef = Type.Unsafe<unknown>({ $ref: 'ErrorEnvelope#' });

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_ERROR)',
  401: 'Missing, malformed, unknown or revoked API key (UNAUTHORIZED)',
  403: 'The plan or the key scope does not allow this (FORBIDDEN)',
  404: 'No such resource in this workspace (NOT_FOUND)',
  408: 'The body did not arrive within the deadline (REQUEST_TIMEOUT)',
  409: 'Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT)',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  414: 'A path parameter is longer than any id (URI_TOO_LONG)',
  415: 'Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE)',
  422: 'The recipient opted out (RECIPIENT_OPTED_OUT)',
  429: 'Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED)',
  500: 'Unexpected failure (SERVER_ERROR)',
  503: 'Not ready, or shutting down (SERVICE_UNAVAILABLE)',
};

const STANDARD = [400, 401, 403, 429, 500];

/** Error responses for a route: the standard set for authenticated routes plus the extra statuses given. */
export function errorResponses(...extra: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const status of [...new Set([...STANDARD, ...extra])].sort()) {
    out[status] = Type.Unsafe({ ...ErrorRef, description: DESCRIPTIONS[status] ?? 'Error' });
  }
  return out;
}

/**
 * A success answer in other media types than JSON (or besides it), as `{type: schema}`. Error
 * answers stay JSON: declaring them under `produces` would claim a PNG error.
 */
export const MediaResponse = (description: string, content: Record<string, TSchema>) =>
  Type.Unsafe<unknown>({
    description,
    content: Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }])),
  });

export const IdParams = (pattern: string) =>
  Type.Object({ id: Type.String({ pattern }) }, { additionalProperties: false });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), nextCursor: Nullable(Type.String()) });
