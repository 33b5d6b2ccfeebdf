import { Type, type Static } from 'typebox';
import { idPattern } from '../lib/ids.js';
import { phoneQuery } from '../lib/phone.js';
import { literalUnion } from '../lib/schema.js';
import type { MessageFilter } from './store.js';
import { MESSAGE_STATUSES } from './views.js';

export const MESSAGE_SOURCES = ['api', 'dashboard', 'verification', 'auto_reply', 'inbound'] as const;

/** The longest text search: a phrase, not a document. */
export const SEARCH_MAX_LENGTH = 100;

/**
 * The filters of the message log, shared by the list, its count, its CSV export and bulk cancel,
 * so that "the current filter" means the same thing everywhere.
 */
export const MessageFilterFields = {
  status: Type.Optional(literalUnion(MESSAGE_STATUSES)),
  to: Type.Optional(
    Type.String({
      maxLength: 32,
      description:
        'The customer number (recipient or sender): a whole number matches exactly, part of one matches too (`+4915` from the start, `5557` anywhere; 3 digits at least)',
    }),
  ),
  deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
  direction: Type.Optional(literalUnion(['in', 'out'] as const)),
  source: Type.Optional(literalUnion(MESSAGE_SOURCES)),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: SEARCH_MAX_LENGTH,
      description:
        'Text anywhere in the body or caption, case-insensitive. One-time codes are never found: the log holds them masked.',
    }),
  ),
  since: Type.Optional(Type.String({ format: 'date-time' })),
  until: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive' })),
};

export const MessageFilterQuery = Type.Object(MessageFilterFields, { additionalProperties: false });
export type MessageFilterInput = Static<typeof MessageFilterQuery>;

/** The query's filters as the store takes them (a partial number becomes a pattern, dates ISO). */
export function toMessageFilter(q: MessageFilterInput): MessageFilter {
  const search = q.q?.trim();
  return {
    status: q.status,
    ...(q.to ? phoneQuery(q.to) : {}),
    deviceId: q.deviceId,
    direction: q.direction,
    source: q.source,
    search: search ? search : undefined,
    since: q.since ? new Date(q.since).toISOString() : undefined,
    until: q.until ? new Date(q.until).toISOString() : undefined,
  };
}
