import { sql, type Kysely } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import type { Database } from '../db/types.js';
import type { ConversationStatus } from './tables.js';

/** The filters the kept counts can answer: each is a column of a bucket (tag and text search are not). */
export interface CountFilter {
  /** A user id, or null for "nobody". */
  assigneeId?: string | null;
  deviceId?: string;
  unread?: boolean;
  includeOtpOnly?: boolean;
}

/** Deltas read beyond this many and the workspace's rows are folded, bucket by bucket. */
const FOLD_AFTER_ROWS = 500;

/** The query of the kept counts, unexecuted: the index tests read its plan. */
export function keptCountQuery(db: DbOrTx, workspaceId: string, filter: CountFilter) {
  let query = db
    .selectFrom('conversation_counts')
    .select((eb) => [
      'conversation_counts.status',
      eb.fn.sum<number | string>('conversation_counts.n').as('count'),
      eb.fn.countAll<number | string>().as('rows'),
    ])
    .where('conversation_counts.workspace_id', '=', workspaceId);
  if (!filter.includeOtpOnly) query = query.where('conversation_counts.otp_only', '=', 0);
  if (filter.assigneeId === null) query = query.where('conversation_counts.assignee_id', 'is', null);
  else if (filter.assigneeId !== undefined)
    query = query.where('conversation_counts.assignee_id', '=', filter.assigneeId);
  if (filter.deviceId) query = query.where('conversation_counts.device_id', '=', filter.deviceId);
  if (filter.unread) query = query.where('conversation_counts.unread', '=', 1);
  return query.groupBy('conversation_counts.status');
}

/**
 * Counts per status from the kept counts: a sum over a few rows per bucket, whatever the number of
 * conversations. `rows` says how many delta rows were read, so the caller can fold them.
 */
export async function keptCounts(
  db: DbOrTx,
  workspaceId: string,
  filter: CountFilter,
): Promise<{ counts: Record<ConversationStatus, number>; rows: number }> {
  const result = await keptCountQuery(db, workspaceId, filter).execute();
  const counts: Record<ConversationStatus, number> = { open: 0, pending: 0, resolved: 0 };
  let rows = 0;
  for (const row of result) {
    counts[row.status] = Number(row.count);
    rows += Number(row.rows);
  }
  return { counts, rows };
}

/** Whether the deltas read for a count are many enough to fold the workspace's rows. */
export const shouldFold = (rows: number): boolean => rows > FOLD_AFTER_ROWS;

/**
 * Folds a workspace's deltas into one row per bucket (buckets that sum to zero go). Deltas that
 * commit meanwhile are left for the next fold: on PostgreSQL one statement deletes the rows it
 * sees and inserts their sums, so a delta is either folded or kept, never lost; SQLite has one
 * writer at a time. Two folds at once are harmless (the second finds the first's rows already
 * gone, or folds them again).
 */
export async function foldCounts(db: Kysely<Database>, dialect: Dialect, workspaceId: string): Promise<void> {
  const bucket = sql.raw('workspace_id, device_id, assignee_id, status, otp_only, unread');
  if (dialect === 'postgres') {
    await sql`
      with folded as (
        delete from conversation_counts where workspace_id = ${workspaceId}
        returning workspace_id, device_id, assignee_id, status, otp_only, unread, n
      )
      insert into conversation_counts (${bucket}, n)
      select ${bucket}, sum(n) from folded group by ${bucket} having sum(n) <> 0`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    const sums = await trx
      .selectFrom('conversation_counts')
      .select(['workspace_id', 'device_id', 'assignee_id', 'status', 'otp_only', 'unread'])
      .select((eb) => eb.fn.sum<number | string>('n').as('n'))
      .where('workspace_id', '=', workspaceId)
      .groupBy(['workspace_id', 'device_id', 'assignee_id', 'status', 'otp_only', 'unread'])
      .execute();
    await trx.deleteFrom('conversation_counts').where('workspace_id', '=', workspaceId).execute();
    const rows = sums.map((s) => ({ ...s, n: Number(s.n) })).filter((s) => s.n !== 0);
    // A few hundred rows at a time: SQLite caps the parameters of one statement.
    for (let i = 0; i < rows.length; i += 100) {
      await trx
        .insertInto('conversation_counts')
        .values(rows.slice(i, i + 100))
        .execute();
    }
  });
}
