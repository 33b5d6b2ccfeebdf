import { PostgresAdapter, sql, type Expression, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { SendAttempt, VerificationRow, VerificationStatus, VerificationsTable } from './tables.js';

export const MAX_CHECKS = 5;

// Every check reads its verification first: built and compiled once.
const verificationById = preparedQuery<{ workspaceId: string; id: string }, VerificationRow>((db, a) =>
  db.selectFrom('verifications').selectAll().where('workspace_id', '=', a.workspaceId).where('id', '=', a.id),
);

export async function findVerification(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<VerificationRow | undefined> {
  const { rows } = await verificationById(db, { workspaceId, id });
  return rows[0];
}

export async function latestPending(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
): Promise<VerificationRow | undefined> {
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('status', '=', 'pending')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface VerificationFilter {
  phone?: string;
  status?: VerificationStatus;
  before?: string;
}

export async function listVerifications(
  db: DbOrTx,
  workspaceId: string,
  filter: VerificationFilter,
  limit: number,
): Promise<VerificationRow[]> {
  let query = db.selectFrom('verifications').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.phone) query = query.where('phone', '=', filter.phone);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.before) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

type Patch = Omit<Updateable<VerificationsTable>, 'id' | 'workspace_id' | 'version' | 'send_attempts'> & {
  send_attempts?: SendAttempt[];
};

/**
 * The send attempts as stored: JSON, with the NUL character (U+0000) as U+FFFD. An attempt quotes
 * what a provider answered, and PostgreSQL reads the column as JSON when a WhatsApp code is
 * delivered (`settledOnDelivery`): its JSON refuses NUL, and that write would fail every time.
 */
export const attemptsJson = (attempts: SendAttempt[]): string =>
  JSON.stringify(attempts, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '\ufffd') : value,
  );

function toColumns(patch: Patch, now: Date): Updateable<VerificationsTable> {
  const { send_attempts, ...rest } = patch;
  return {
    ...rest,
    ...(send_attempts ? { send_attempts: attemptsJson(send_attempts) } : {}),
    updated_at: now.toISOString(),
  };
}

/**
 * Applies a change to the sending side of a pending verification only if nobody else moved it
 * since `row` was read (same version). Returns the new row, or undefined when another node (or a
 * resend, check or cancel) got there first.
 */
export async function updateIfUnchanged(
  db: DbOrTx,
  row: VerificationRow,
  patch: Patch,
  now: Date,
): Promise<VerificationRow | undefined> {
  return db
    .updateTable('verifications')
    .set((eb) => ({ ...toColumns(patch, now), version: eb('version', '+', 1) }))
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** Ends a pending verification (at most once: the status condition decides who ends it); erases the sealed code. */
export async function endVerification(
  db: DbOrTx,
  id: string,
  status: Exclude<VerificationStatus, 'pending'>,
  patch: Patch,
  now: Date,
  only: { expiredBy?: Date; version?: number } = {},
): Promise<VerificationRow | undefined> {
  let query = db
    .updateTable('verifications')
    .set({ ...toColumns(patch, now), status, sealed_code: null })
    .where('id', '=', id)
    .where('status', '=', 'pending');
  if (only.expiredBy) query = query.where('expires_at', '<=', only.expiredBy.toISOString());
  if (only.version !== undefined) query = query.where('version', '=', only.version);
  // The row as this update left it, read in the same statement.
  return query.returningAll().executeTakeFirst();
}

const checkTaken = preparedQuery<{ id: string; at: string }, VerificationRow>((db, a) =>
  db
    .updateTable('verifications')
    .set((eb) => ({ check_attempts: eb('check_attempts', '+', 1), updated_at: a.at }))
    .where('id', '=', a.id)
    .where('status', '=', 'pending')
    .where('check_attempts', '<', MAX_CHECKS)
    .where('expires_at', '>', a.at)
    .returningAll(),
);

/**
 * Takes one of the MAX_CHECKS checks: the row as this check left it (its `check_attempts` say
 * which check it was), or undefined when none is left or the verification is no longer open.
 */
export async function takeCheck(db: DbOrTx, id: string, now: Date): Promise<VerificationRow | undefined> {
  const { rows } = await checkTaken(db, { id, at: now.toISOString() });
  return rows[0];
}

/** A failed-check window a right code must find room in: its number's counts since `since`. */
export interface CheckWindow {
  workspaceId: string;
  phone: string;
  since: string;
  limit: number;
}

const approvedOnCheck = preparedQuery<CheckWindow & { id: string; at: string }, VerificationRow>((db, a) =>
  db
    .updateTable('verifications')
    .set((eb) => ({
      check_attempts: eb('check_attempts', '+', 1),
      status: 'approved',
      approved_at: a.at,
      attempt_deadline: null,
      sealed_code: null,
      updated_at: a.at,
    }))
    .where('id', '=', a.id)
    .where('status', '=', 'pending')
    .where('check_attempts', '<', MAX_CHECKS)
    .where('expires_at', '>', a.at)
    // Room in the window, this check counted: fewer wrong codes in it than the limit.
    .where(
      (eb) =>
        eb
          .selectFrom('verification_limit_counts')
          .select((s) => s.fn.coalesce(s.fn.sum<number>('count'), sql<number>`0`).as('n'))
          .where('workspace_id', '=', a.workspaceId)
          .where('kind', '=', 'failed_check')
          .where('subject', '=', a.phone)
          .where('second', '>', a.since),
      '<',
      a.limit,
    )
    .returningAll(),
);

/**
 * A check with the right code: takes one of the MAX_CHECKS and approves the verification in one
 * statement, under `takeCheck`'s conditions and only while its number's failed-check `window` has
 * room (the window read and the approval were two round trips). Returns the approved row, or
 * undefined when no check was left, the verification is no longer open (another check got there
 * first) or the window is full: the caller tells which.
 */
export async function approveOnCheck(
  db: DbOrTx,
  id: string,
  now: Date,
  window: CheckWindow,
): Promise<VerificationRow | undefined> {
  const { rows } = await approvedOnCheck(db, { ...window, id, at: now.toISOString() });
  return rows[0];
}

export async function dueForExpiry(db: DbOrTx, now: Date, limit: number): Promise<VerificationRow[]> {
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now.toISOString())
    .limit(limit)
    .execute();
}

/** Attempts whose deadline passed: a WhatsApp message not delivered in time, or a send whose node went away. */
export async function dueAttempts(db: DbOrTx, now: Date, limit: number): Promise<VerificationRow[]> {
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('status', '=', 'pending')
    .where('attempt_state', 'in', ['waiting', 'sending'])
    .where('attempt_deadline', '<=', now.toISOString())
    .orderBy('attempt_deadline')
    .limit(limit)
    .execute();
}

/** Marks the last attempt delivered in place: the JSON is edited by the statement itself. */
const lastAttemptDelivered = {
  postgres: sql<string>`(jsonb_set(send_attempts::jsonb, array[(jsonb_array_length(send_attempts::jsonb) - 1)::text, 'status'], '"delivered"'))::text`,
  sqlite: sql<string>`json_set(send_attempts, '$[#-1].status', 'delivered')`,
};

const settledOnDelivery = <Ids>(dialect: Dialect, waitingOn: (a: { ids: Ids }) => Expression<SqlBool>) =>
  preparedQuery<{ ids: Ids; at: string }, never>((db, a) =>
    db
      .updateTable('verifications')
      .set((eb) => ({
        attempt_state: 'done',
        attempt_deadline: null,
        send_attempts: lastAttemptDelivered[dialect],
        updated_at: a.at,
        version: eb('version', '+', 1),
      }))
      .where(waitingOn(a))
      .where('status', '=', 'pending')
      .where('attempt_state', '=', 'waiting'),
  );

const settledOnDeliveryFor = {
  // The ids as one array parameter, so the text is the same however many there are.
  postgres: settledOnDelivery<string[]>(
    'postgres',
    (a) => sql<SqlBool>`attempt_message_id = any(${a.ids}::text[])`,
  ),
  sqlite: settledOnDelivery<string>(
    'sqlite',
    (a) => sql<SqlBool>`attempt_message_id in (select value from json_each(${a.ids}))`,
  ),
};

/**
 * The verifications waiting on these messages, which were delivered: their attempt is done, its
 * last entry marked delivered, in one statement for all of them (no read, no update each).
 */
export async function settleDelivered(db: DbOrTx, messageIds: string[], now: Date): Promise<void> {
  if (messageIds.length === 0) return;
  const at = now.toISOString();
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await settledOnDeliveryFor.postgres(db, { ids: messageIds, at });
  else await settledOnDeliveryFor.sqlite(db, { ids: JSON.stringify(messageIds), at });
}

export async function waitingOnMessages(db: DbOrTx, messageIds: string[]): Promise<VerificationRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('attempt_message_id', 'in', messageIds)
    .where('status', '=', 'pending')
    .where('attempt_state', '=', 'waiting')
    .execute();
}

export const parseAttempts = (row: VerificationRow): SendAttempt[] =>
  JSON.parse(row.send_attempts) as SendAttempt[];
