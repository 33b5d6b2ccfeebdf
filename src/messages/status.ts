import { sql, type RawBuilder, type UpdateQueryBuilder } from 'kysely';
import { holdLease, type LeaseFence } from '../cluster/leases.js';
import type { AppContext } from '../context.js';
import type { Db, DbOrTx } from '../db/database.js';
import type { Database } from '../db/types.js';
import { preparedQuery } from '../db/prepared.js';
import type { RecordEventInput } from '../events/outbox.js';
import type { EventType, WapingEvent } from '../events/types.js';
import { queuedOn } from './store.js';
import type { MessageRow, MessageStatus } from './tables.js';
import { toMessageView } from './views.js';

/** Which statuses each status may follow: statuses only move forward (docs/api.md, "Statuses"). */
export const ALLOWED_FROM: Record<MessageStatus, MessageStatus[]> = {
  queued: ['sending'],
  sending: ['queued'],
  sent: ['queued', 'sending'],
  delivered: ['queued', 'sending', 'sent'],
  read: ['queued', 'sending', 'sent', 'delivered'],
  failed: ['queued', 'sending', 'sent'],
  expired: ['queued'],
  canceled: ['queued'],
  received: [],
};

/** Whether a message at `from` may move to `to`. Statuses only move forward: once false, false for good. */
export function canMove(from: MessageStatus, to: MessageStatus): boolean {
  return ALLOWED_FROM[to].includes(from);
}

/**
 * Statuses at which the sealed text (a message holding a one-time code) is erased. Not `sent` nor
 * `delivered`: WhatsApp may still ask for the text to re-encrypt it for another of the recipient's
 * devices. Those keep it until read, or until the 24 h sweep (sealed-bodies.ts).
 */
export const ERASES_SEALED = new Set<MessageStatus>(['read', 'failed', 'expired', 'canceled']);

const EVENT_FOR: Partial<Record<MessageStatus, EventType>> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  read: 'message.read',
  failed: 'message.failed',
  expired: 'message.expired',
  canceled: 'message.canceled',
};

// On SQLite every status change writes one: built and compiled once.
const insertHistory = preparedQuery<
  { messageId: string; status: string; at: string; errorCode: string | null },
  never
>((db, a) =>
  db
    .insertInto('message_status_history')
    .values({ message_id: a.messageId, status: a.status, at: a.at, error_code: a.errorCode }),
);

export async function appendHistory(
  db: DbOrTx,
  messageId: string,
  status: string,
  at: string,
  errorCode: string | null = null,
) {
  await insertHistory(db, { messageId, status, at, errorCode });
}

export type TransitionExtra = {
  errorCode?: string;
  errorMessage?: string;
  attemptsDelta?: number;
  /**
   * For the dispatcher's claims (queued → sending, and moves back to queued): refused with
   * `leaseLost` unless the device's lease is still held as taken, so a node that lost the device
   * cannot take messages its new holder is sending.
   */
  fence?: LeaseFence;
  /** When the move happened, if not now (a hand-off written a moment after WhatsApp took it). */
  at?: Date;
};

/** A change made in a transaction, to announce once it committed. */
export interface MessageChange {
  row: MessageRow;
  event?: WapingEvent;
}

/** Publishes committed changes: their events, and the rows for live views. */
export function announce(ctx: AppContext, changes: MessageChange[]): void {
  for (const change of changes) {
    if (change.event) ctx.events.publish([change.event]);
    ctx.bus.publish('messages', change.row);
  }
}

interface MoveArgs {
  id: string;
  status: MessageStatus;
  at: string;
  errorCode: string | null;
  errorMessage: string | null;
  attemptsDelta: number;
}

type Move = ReturnType<typeof buildMove>;

/**
 * The move itself: the row updated if its status allows it, and on PostgreSQL its timeline entry
 * in the same statement (written only if the move was). Every status change of every message runs
 * one, so each shape (the target status, whether it records an error, whether it counts an
 * attempt) is built and compiled once.
 */
function buildMove(postgres: boolean, status: MessageStatus, withError: boolean, withAttempts: boolean) {
  return preparedQuery<MoveArgs, MessageRow>((db, a) => {
    const update = (d: DbOrTx) =>
      d
        .updateTable('messages')
        .set((eb) => ({
          status: a.status,
          updated_at: a.at,
          ...(withError ? { error_code: a.errorCode, error_message: a.errorMessage } : {}),
          ...(withAttempts ? { attempts: eb('attempts', '+', a.attemptsDelta) } : {}),
          // A one-time code has no business in the database once nobody can ask for it again.
          ...(ERASES_SEALED.has(status) ? { sealed_body: null } : {}),
        }))
        .where('id', '=', a.id)
        .where('status', 'in', ALLOWED_FROM[status])
        .returningAll();
    return postgres ? withTimelineEntries(db, update(db), a) : update(db);
  });
}

/**
 * PostgreSQL: a move (an update of messages, `returning *`) with the timeline entries of the rows
 * it moved, written by the same statement, which returns the moved rows.
 */
export function withTimelineEntries(
  db: Db,
  moved: UpdateQueryBuilder<Database, 'messages', 'messages', MessageRow>,
  /** `at` is a value, or an expression over `moved` (each row's own time). */
  entry: { status: string; at: string | RawBuilder<string>; errorCode: string | null },
) {
  return db
    .with('moved', () => moved)
    .with('entry', (d) =>
      d
        .insertInto('message_status_history')
        .columns(['message_id', 'status', 'at', 'error_code'])
        .expression((eb) =>
          eb
            .selectFrom('moved')
            .select([
              'moved.id',
              sql<string>`${entry.status}::text`.as('status'),
              sql<string>`${entry.at}::text`.as('at'),
              sql<string | null>`${entry.errorCode}::text`.as('error_code'),
            ]),
        ),
    )
    .selectFrom('moved')
    .selectAll();
}

const moves = new Map<string, Move>();

function transitionQuery(
  postgres: boolean,
  status: MessageStatus,
  withError: boolean,
  withAttempts: boolean,
): Move {
  const key = `${postgres}:${status}:${withError}:${withAttempts}`;
  let move = moves.get(key);
  if (!move) {
    move = buildMove(postgres, status, withError, withAttempts);
    moves.set(key, move);
  }
  return move;
}

/**
 * The state machine's one move, inside the caller's transaction: `status` if the current status
 * allows it, with its timeline entry and event. Undefined when the move did not apply (already
 * further along, or final). Announce the change after the commit.
 */
export async function transitionInTransaction(
  ctx: AppContext,
  trx: DbOrTx,
  messageId: string,
  status: MessageStatus,
  extra: TransitionExtra = {},
): Promise<MessageChange | undefined> {
  const now = extra.at ?? ctx.clock.now();
  const updated = await moveInTransaction(ctx, trx, messageId, status, { ...extra, at: now });
  if (!updated) return undefined;
  const input = eventOfMove(updated, status, now);
  return { row: updated, event: input ? await ctx.events.record(trx, input) : undefined };
}

/** The move and its timeline entry, without its event: the row as moved, or undefined. */
export async function moveInTransaction(
  ctx: AppContext,
  trx: DbOrTx,
  messageId: string,
  status: MessageStatus,
  extra: TransitionExtra,
): Promise<MessageRow | undefined> {
  if (extra.fence) await holdLease(trx, ctx.dialect, extra.fence);
  const at = (extra.at ?? ctx.clock.now()).toISOString();
  const errorCode = extra.errorCode ?? null;
  const postgres = ctx.dialect === 'postgres';
  const move = transitionQuery(postgres, status, !!extra.errorCode, !!extra.attemptsDelta);
  const updated = (
    await move(trx, {
      id: messageId,
      status,
      at,
      errorCode,
      errorMessage: extra.errorMessage ?? null,
      attemptsDelta: extra.attemptsDelta ?? 0,
    })
  ).rows[0];
  // On PostgreSQL the timeline entry came with the move (the same statement).
  if (updated && !postgres) await appendHistory(trx, messageId, status, at, errorCode);
  return updated;
}

/** The event a move to `status` reports, if it reports one. */
export function eventOfMove(row: MessageRow, status: MessageStatus, now: Date): RecordEventInput | undefined {
  const type = EVENT_FOR[status];
  if (!type) return undefined;
  return { workspaceId: row.workspace_id, type, data: toMessageView(row), deviceId: row.device_id, now };
}

/**
 * Moves a message to `status` if its current status allows it; records the timeline entry and the
 * event in one transaction, then announces it. Returns the updated row, or undefined when the
 * move did not apply.
 */
export async function transitionMessage(
  ctx: AppContext,
  messageId: string,
  status: MessageStatus,
  extra: TransitionExtra = {},
): Promise<MessageRow | undefined> {
  const change = await ctx.db
    .transaction()
    .execute((trx) => transitionInTransaction(ctx, trx, messageId, status, extra));
  if (change) announce(ctx, [change]);
  return change?.row;
}

/** Fails every queued message of a device that can no longer send (logged out). */
export async function failQueuedMessages(
  ctx: AppContext,
  deviceId: string,
  errorCode: string,
  errorMessage: string,
): Promise<void> {
  for (const id of await queuedOfDevice(ctx.db, deviceId))
    await transitionMessage(ctx, id, 'failed', { errorCode, errorMessage });
}

/**
 * Cancels every queued message of a device in the caller's transaction (the device is being
 * deleted: they have nowhere to go). Call the returned function once the transaction committed.
 */
export async function cancelQueuedInTransaction(
  ctx: AppContext,
  trx: DbOrTx,
  deviceId: string,
  errorCode: string,
  errorMessage: string,
): Promise<() => void> {
  const changes: MessageChange[] = [];
  for (const id of await queuedOfDevice(trx, deviceId)) {
    const change = await transitionInTransaction(ctx, trx, id, 'canceled', { errorCode, errorMessage });
    if (change) changes.push(change);
  }
  return () => announce(ctx, changes);
}

async function queuedOfDevice(db: DbOrTx, deviceId: string): Promise<string[]> {
  const rows = await queuedOn(db, deviceId).select('id').execute();
  return rows.map((r) => r.id);
}
