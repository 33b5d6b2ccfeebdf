import { PostgresAdapter, sql, type QueryCreator, type RawBuilder } from 'kysely';
import type { CreationPart, DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { rowColumns } from '../db/row-columns.js';
import type { Database } from '../db/types.js';
import type { VerificationRow } from './tables.js';

// A new verification and the pending ones of its number that it supersedes, stored together: in
// a transaction, or as parts of the statement that accepts its first code message.

/**
 * Cancels the number's pending verifications (a new one replaces them; their code erased),
 * returning them as they now are: their `attempt_message_id` is what they were waiting on.
 */
const supersedeQuery = (db: QueryCreator<Database>, workspaceId: string, phone: string, at: string) =>
  db
    .updateTable('verifications')
    .set({
      failure_reason: 'superseded',
      attempt_deadline: null,
      updated_at: at,
      status: 'canceled',
      sealed_code: null,
    })
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('status', '=', 'pending')
    .returningAll();

/** Every column of a verification, in the order the prepared inserts bind them. */
const columnsOf = rowColumns<VerificationRow>()([
  'id',
  'workspace_id',
  'phone',
  'email',
  'status',
  'channels',
  'route',
  'route_index',
  'attempt_state',
  'attempt_message_id',
  'attempt_deadline',
  'send_attempts',
  'device_id',
  'template_id',
  'locale',
  'code_length',
  'channel_timeout_seconds',
  'code_hash',
  'sealed_code',
  'check_attempts',
  'version',
  'failure_reason',
  'expires_at',
  'approved_at',
  'created_at',
  'updated_at',
]).valuesOf;

type InsertArgs = VerificationRow & { at: string };

/**
 * The index that holds a number's one pending verification (0026_one_pending_verification): a
 * verification stored while another request stored one for the same number, which its own
 * supersede could not see, breaks it.
 */
const ONE_PENDING = 'verifications_one_pending';

/**
 * True for the error of a verification stored while another request stored one for the same
 * number (PostgreSQL's concurrent statements; SQLite writes one at a time and never hits it): its
 * creation starts over, superseding that one.
 */
export function startedMeanwhile(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code, constraint } = err as Error & { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === ONE_PENDING;
}

/**
 * A new verification's columns, with its version (0) computed from the rows `superseded` (the
 * statement's supersede) returned: PostgreSQL then cancels them before it inserts this one, which
 * the one-pending index would otherwise find beside them. It runs a statement's parts in no set
 * order and inserted first when nothing tied them.
 */
const insertedAfter = (a: InsertArgs, superseded: RawBuilder<unknown>) => ({
  ...columnsOf(a),
  version: sql<number>`(select (count(*) * 0)::integer from ${superseded})`,
});

// Every new verification: built and compiled once.
const supersedeThenInsert = {
  supersede: preparedQuery<InsertArgs, VerificationRow>((db, a) =>
    supersedeQuery(db, a.workspace_id, a.phone, a.at),
  ),
  insert: preparedQuery<InsertArgs, never>((db, a) => db.insertInto('verifications').values(columnsOf(a))),
  /** PostgreSQL: both in one statement (the update does not see the row inserted beside it). */
  both: preparedQuery<InsertArgs, VerificationRow>((db, a) =>
    db
      .with('superseded', (w) => supersedeQuery(w as QueryCreator<Database>, a.workspace_id, a.phone, a.at))
      .with('inserted', (w) =>
        w
          .insertInto('verifications')
          .values(insertedAfter(a, sql.table('superseded')))
          .returning('id'),
      )
      .selectFrom('superseded')
      .selectAll(),
  ),
};

/**
 * The same two writes as parts of the statement that accepts the new verification's first code
 * message on PostgreSQL (a CreationHook's `inStatement`), both with the verification's columns and
 * `at` as their arguments: the superseded ones come back from the first.
 */
export const supersedingParts: readonly CreationPart[] = [
  {
    name: 'verifications-superseded',
    build: (db, a) =>
      supersedeQuery(db, a['workspace_id'] as string, a['phone'] as string, a['at'] as string),
    required: false,
  },
  {
    name: 'verification-created',
    build: (db, a, earlier) =>
      db
        .insertInto('verifications')
        .values(insertedAfter(a as InsertArgs, earlier('verifications-superseded')))
        .returning('id'),
    required: true,
  },
];

/** The arguments of `supersedingParts` for a verification stored at `at`. */
export const supersedingArgs = (row: VerificationRow, at: string): InsertArgs => ({ ...row, at });

/**
 * Stores a new verification and cancels the pending ones of its number, which it supersedes;
 * returns those as they now are. On PostgreSQL one statement; on SQLite, which has no writes
 * inside `with`, two.
 */
export async function insertSuperseding(
  db: DbOrTx,
  row: VerificationRow,
  now: Date,
): Promise<VerificationRow[]> {
  const args = supersedingArgs(row, now.toISOString());
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const { rows: superseded } = await supersedeThenInsert.supersede(db, args);
    await supersedeThenInsert.insert(db, args);
    return superseded;
  }
  return (await supersedeThenInsert.both(db, args)).rows;
}
