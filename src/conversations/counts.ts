import { sql, type Kysely } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import type { Database } from '../db/types.js';
import type { ConversationStatus } from './tables.js';

/** The filters the kept counts can answer: each is a column of a bucket (text search is not). */
export interface CountFilter {
  /** A user id, or null for "nobody". */
  assigneeId?: string | null;
  deviceId?: string;
  unread?: boolean;
  includeOtpOnly?: boolean;
  /** Counted from a tag's own kept counts (conversation_tag_counts). */
  tag?: string;
}

/** The tables of kept counts, and the columns of their buckets. */
export type CountTable = 'conversation_counts' | 'conversation_tag_counts';
const BUCKET_COLUMNS: Record<CountTable, string> = {
  conversation_counts: 'workspace_id, device_id, assignee_id, status, otp_only, unread',
  conversation_tag_counts: 'workspace_id, tag, device_id, assignee_id, status, otp_only, unread',
};

/** Deltas read beyond this many and the workspace's rows are folded, bucket by bucket. */
const FOLD_AFTER_ROWS = 500;

/** The query of the kept counts, unexecuted: the index tests read its plan. */
export function keptCountQuery(db: DbOrTx, workspaceId: string, filter: CountFilter) {
  // Both tables have the columns read here; the tag table has `tag` besides. Typed as the first
  // so that one chain of conditions serves both.
  const table = (
    filter.tag === undefined ? 'conversation_counts' : 'conversation_tag_counts'
  ) as 'conversation_counts';
  let query = db
    .selectFrom(`${table} as k`)
    .select((eb) => [
      'k.status',
      eb.fn.sum<number | string>('k.n').as('count'),
      eb.fn.countAll<number | string>().as('rows'),
    ])
    .where('k.workspace_id', '=', workspaceId);
  if (filter.tag !== undefined) query = query.where(sql.ref('k.tag'), '=', filter.tag);
  if (!filter.includeOtpOnly) query = query.where('k.otp_only', '=', 0);
  if (filter.assigneeId === null) query = query.where('k.assignee_id', 'is', null);
  else if (filter.assigneeId !== undefined) query = query.where('k.assignee_id', '=', filter.assigneeId);
  if (filter.deviceId) query = query.where('k.device_id', '=', filter.deviceId);
  if (filter.unread) query = query.where('k.unread', '=', 1);
  return query.groupBy('k.status');
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
 * sees and inserts their sums, so a delta is either folded or kept, never lost; on SQLite (one
 * writer at a time) the rows up to the newest rowid are summed into new rows and then deleted, in
 * one transaction. Two folds at once are harmless (the second finds the first's rows already
 * gone, or folds them again).
 */
export async function foldCounts(
  db: Kysely<Database>,
  dialect: Dialect,
  workspaceId: string,
  table: CountTable = 'conversation_counts',
): Promise<void> {
  const bucket = sql.raw(BUCKET_COLUMNS[table]);
  const into = sql.table(table);
  if (dialect === 'postgres') {
    await sql`
      with folded as (
        delete from ${into} where workspace_id = ${workspaceId}
        returning ${bucket}, n
      )
      insert into ${into} (${bucket}, n)
      select ${bucket}, sum(n) from folded group by ${bucket} having sum(n) <> 0`.execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ last: number | null }>`select max(rowid) as last from ${into}`.execute(trx);
    const last = rows[0]?.last;
    if (last === null || last === undefined) return;
    await sql`
      insert into ${into} (${bucket}, n)
      select ${bucket}, sum(n) from ${into} where workspace_id = ${workspaceId} and rowid <= ${last}
      group by ${bucket} having sum(n) <> 0`.execute(trx);
    await sql`delete from ${into} where workspace_id = ${workspaceId} and rowid <= ${last}`.execute(trx);
  });
}
