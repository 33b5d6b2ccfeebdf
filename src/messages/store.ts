import { sql, type QueryCreator, type SqlBool, type Transaction } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { rowColumns } from '../db/row-columns.js';
import type { Database } from '../db/types.js';
import { idFloor } from '../lib/ids.js';
import type { MessageRow, MessageSource, MessageStatus } from './tables.js';

/** Every column of a message, in the order the prepared inserts bind them. */
const messageValues = rowColumns<MessageRow>()([
  'id',
  'workspace_id',
  'device_id',
  'direction',
  'phone',
  'type',
  'body',
  'sealed_body',
  'masked',
  'template_id',
  'status',
  'error_code',
  'error_message',
  'priority',
  'source',
  'source_id',
  'metadata',
  'wa_message_id',
  'media',
  'queue_if_disconnected',
  'attempts',
  'expires_at',
  'created_at',
  'updated_at',
]).valuesOf;

const insertMessage = preparedQuery<MessageRow, never>((db, a) =>
  db.insertInto('messages').values(messageValues(a)),
);

/**
 * PostgreSQL: the message as a data-modifying part of one statement (one round trip), for the
 * caller to finish with its own parts or a plain select. Its first timeline entry is the row
 * itself (`creationEntry`).
 */
export const withQueuedMessage = (db: QueryCreator<Database>, a: MessageRow) =>
  db.with('message', (w) =>
    w.insertInto('messages').values(messageValues(a)).returning(['id', 'created_at']),
  );

/**
 * Stores a message accepted for sending in the caller's transaction. Its `queued` entry is not
 * a row of its own: a timeline starts with the message row (`creationEntry`).
 */
export async function insertQueuedMessage(trx: Transaction<Database>, row: MessageRow): Promise<void> {
  await insertMessage(trx, row);
}

/**
 * A device's queued messages. The status is a literal: the partial index messages_queue holds
 * queued messages only (a message leaves it when it is claimed, so its later status changes cost
 * that index nothing), and SQLite and PostgreSQL's generic plans use a partial index only then.
 */
export function queuedOn(db: DbOrTx, deviceId: string) {
  return db.selectFrom('messages').where('device_id', '=', deviceId).where('status', '=', sql.lit('queued'));
}

export async function findMessage(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface TimelineEntry {
  status: string;
  at: string;
  error_code: string | null;
}

/**
 * A message's first timeline entry, which its row holds: `queued` for one accepted to send,
 * `received` for one a contact sent, at `created_at`. Only the changes after it are rows of
 * message_status_history (one insert fewer for every message); messages stored before that
 * have it as a row too, which `messageTimeline` does not repeat.
 */
export function creationEntry(row: Pick<MessageRow, 'direction' | 'created_at'>): TimelineEntry {
  return { status: row.direction === 'in' ? 'received' : 'queued', at: row.created_at, error_code: null };
}

/** A message's timeline, oldest first: its creation, then every status change. */
export async function messageTimeline(
  db: DbOrTx,
  row: Pick<MessageRow, 'id' | 'direction' | 'created_at'>,
): Promise<TimelineEntry[]> {
  const changes = await db
    .selectFrom('message_status_history')
    .select(['status', 'at', 'error_code'])
    .where('message_id', '=', row.id)
    .orderBy('at')
    .execute();
  const created = creationEntry(row);
  const first = changes[0];
  if (first && first.status === created.status && first.at === created.at) return changes;
  return [created, ...changes];
}

export async function findByWaId(
  db: DbOrTx,
  deviceId: string,
  waMessageId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('wa_message_id', '=', waMessageId)
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
}

export interface MessageFilter {
  status?: MessageStatus;
  phone?: string;
  /** Part of a number: `+4915…` matches from the start, bare digits anywhere in the number. */
  phonePart?: { digits: string; from: 'start' | 'anywhere' };
  deviceId?: string;
  direction?: 'in' | 'out';
  source?: MessageSource;
  /** Text anywhere in the body, case-insensitive. */
  search?: string;
  since?: string;
  until?: string;
  /** Keyset: only messages older than this id. */
  before?: string;
}

/** A LIKE pattern for text anywhere, its own wildcards escaped (compared lower-cased on both dialects). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The workspace's messages that match a filter, unordered and unlimited: the list, its count, the
 * CSV export and bulk cancel all read through it. The text search compares `body` only, which
 * holds one-time codes masked; the sealed text is never read here. An index serves the workspace,
 * status, number and device; the text search then reads the rows those select (docs/api.md).
 */
export function filteredMessages(db: DbOrTx, workspaceId: string, filter: MessageFilter) {
  let query = db.selectFrom('messages').where('workspace_id', '=', workspaceId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.phone) query = query.where('phone', '=', filter.phone);
  if (filter.phonePart) {
    // Digits only (checked at the edge), so the pattern holds no LIKE wildcard of its own.
    const { digits, from } = filter.phonePart;
    query = query.where('phone', 'like', from === 'start' ? `+${digits}%` : `%${digits}%`);
  }
  if (filter.deviceId) query = query.where('device_id', '=', filter.deviceId);
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  if (filter.source) query = query.where('source', '=', filter.source);
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    query = query.where(sql<SqlBool>`lower(${sql.ref('body')}) like ${pattern} escape '\\'`);
  }
  if (filter.since) {
    // The id bound lets the (workspace_id, id) index stop at the day asked for, instead of reading
    // the older log to check each row's created_at: a search over the last days reads only those.
    query = query
      .where('id', '>=', idFloor('msg', Date.parse(filter.since)))
      .where('created_at', '>=', filter.since);
  }
  if (filter.until) query = query.where('created_at', '<', filter.until);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query;
}

export async function listMessages(
  db: DbOrTx,
  workspaceId: string,
  filter: MessageFilter,
  limit: number,
): Promise<MessageRow[]> {
  return filteredMessages(db, workspaceId, filter).selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** Counting stops here: an exact count of a huge log costs a full scan, and "10,000+" says enough. */
export const COUNT_CAP = 10_000;

/** How many messages match, up to COUNT_CAP (then `capped`). */
export async function countMessages(
  db: DbOrTx,
  workspaceId: string,
  filter: MessageFilter,
): Promise<{ total: number; capped: boolean }> {
  const matching = filteredMessages(db, workspaceId, filter)
    .select('id')
    .limit(COUNT_CAP + 1)
    .as('matching');
  const row = await db
    .selectFrom(matching)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}

/**
 * Messages a crash left in `sending` on this device. A literal status again, for the partial index
 * messages_sending.
 */
export function stuckSendingQuery(db: DbOrTx, deviceId: string) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('status', '=', sql.lit('sending'));
}

export async function stuckSending(db: DbOrTx, deviceId: string): Promise<MessageRow[]> {
  return stuckSendingQuery(db, deviceId).execute();
}

/**
 * Queued messages past their expiry, for the sweep. The status is a literal: the partial index
 * messages_expiry, which holds queued messages with an expiry only, serves nothing else.
 */
export function dueForExpiryQuery(db: DbOrTx, nowIso: string, limit: number) {
  return db
    .selectFrom('messages')
    .select('id')
    .where('status', '=', sql.lit('queued'))
    .where('expires_at', '<=', nowIso)
    .limit(limit);
}

export async function dueForExpiry(
  db: DbOrTx,
  nowIso: string,
  limit: number,
): Promise<Array<{ id: string }>> {
  return dueForExpiryQuery(db, nowIso, limit).execute();
}

/** When the device sent in the last 24 hours: seeds its pacer's caps, so a restart does not reset them. */
export async function recentSendTimes(db: DbOrTx, deviceId: string, now: Date): Promise<number[]> {
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const rows = await db
    .selectFrom('message_status_history')
    .innerJoin('messages', 'messages.id', 'message_status_history.message_id')
    .select('message_status_history.at')
    .where('messages.device_id', '=', deviceId)
    .where('message_status_history.status', '=', 'sent')
    .where('message_status_history.at', '>=', since)
    .execute();
  return rows.map((r) => Date.parse(r.at));
}
