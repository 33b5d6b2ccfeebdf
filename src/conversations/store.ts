import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import type { Database } from '../db/types.js';
import type { ConversationRow, ConversationStatus } from './tables.js';
import { toConversationView, type ConversationView } from './views.js';

export interface ConversationFilter {
  status?: ConversationStatus;
  /** A user id, or null for "nobody". */
  assigneeId?: string | null;
  deviceId?: string;
  tag?: string;
  /** Text in the customer's name or number, or in a message of the thread. */
  search?: string;
  unread?: boolean;
  /** Threads of verification codes only are left out unless this is set. */
  includeOtpOnly?: boolean;
}

/** Where the previous page ended: the list is newest activity first, then id. */
export interface ConversationCursor {
  at: string;
  id: string;
}

type Eb = ExpressionBuilder<Database, 'conversations'>;

/** A LIKE pattern for text anywhere, its own wildcards escaped (compared lower-cased on both dialects). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterExpression(eb: Eb, workspaceId: string, filter: ConversationFilter, withStatus: boolean) {
  const where: Expression<SqlBool>[] = [eb('conversations.workspace_id', '=', workspaceId)];
  if (!filter.includeOtpOnly) where.push(eb('conversations.otp_only', '=', 0));
  if (withStatus && filter.status) where.push(eb('conversations.status', '=', filter.status));
  if (filter.assigneeId === null) where.push(eb('conversations.assignee_id', 'is', null));
  else if (filter.assigneeId !== undefined)
    where.push(eb('conversations.assignee_id', '=', filter.assigneeId));
  if (filter.deviceId) where.push(eb('conversations.device_id', '=', filter.deviceId));
  // A literal, not a parameter: only then can SQLite use the partial index on unread conversations.
  if (filter.unread) where.push(sql<SqlBool>`${eb.ref('conversations.unread_count')} > 0`);
  if (filter.tag) {
    // The tag's conversations read once from the tag index (`in`), rather than a lookup per row
    // of the list (`exists`): the counts would otherwise probe every conversation of the workspace.
    where.push(
      eb(
        'conversations.id',
        'in',
        eb
          .selectFrom('conversation_tags')
          .select('conversation_tags.conversation_id')
          .where('conversation_tags.workspace_id', '=', workspaceId)
          .where('conversation_tags.tag', '=', filter.tag),
      ),
    );
  }
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    const like = (column: Expression<string | null>) =>
      sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
    where.push(
      eb.or([
        like(eb.ref('conversations.phone')),
        like(eb.ref('conversations.contact_name')),
        eb.exists(
          eb
            .selectFrom('messages')
            .select('messages.id')
            .whereRef('messages.workspace_id', '=', 'conversations.workspace_id')
            .whereRef('messages.phone', '=', 'conversations.phone')
            .whereRef('messages.device_id', '=', 'conversations.device_id')
            .where(() => like(sql.ref('messages.body'))),
        ),
      ]),
    );
  }
  return eb.and(where);
}

/** The list's query, unexecuted: the index tests read its plan. */
export function listQuery(
  db: DbOrTx,
  workspaceId: string,
  filter: ConversationFilter,
  after: ConversationCursor | undefined,
  limit: number,
) {
  let query = db
    .selectFrom('conversations')
    .selectAll('conversations')
    .where((eb) => filterExpression(eb, workspaceId, filter, true));
  if (after) {
    // A row-value comparison: both dialects turn it into a range of the index (an OR of the two
    // columns is only a filter on PostgreSQL, read entry by entry from the start of the list).
    query = query.where(
      sql<SqlBool>`(${sql.ref('conversations.last_message_at')}, ${sql.ref('conversations.id')}) < (${after.at}, ${after.id})`,
    );
  }
  return query
    .orderBy('conversations.last_message_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .limit(limit);
}

/** A page of conversations, newest activity first; ask for one more than the page to learn if more follow. */
export async function listConversations(
  db: DbOrTx,
  workspaceId: string,
  filter: ConversationFilter,
  after: ConversationCursor | undefined,
  limit: number,
): Promise<ConversationRow[]> {
  return listQuery(db, workspaceId, filter, after, limit).execute();
}

/** The counts' query, unexecuted: the index tests read its plan. */
export function countQuery(db: DbOrTx, workspaceId: string, filter: ConversationFilter) {
  return db
    .selectFrom('conversations')
    .select(['conversations.status', (eb) => eb.fn.countAll<number>().as('count')])
    .where((eb) => filterExpression(eb, workspaceId, filter, false))
    .groupBy('conversations.status');
}

/** How many conversations each status has under the same filters (the inbox's tabs). */
export async function countByStatus(
  db: DbOrTx,
  workspaceId: string,
  filter: ConversationFilter,
): Promise<Record<ConversationStatus, number>> {
  const rows = await countQuery(db, workspaceId, filter).execute();
  const counts: Record<ConversationStatus, number> = { open: 0, pending: 0, resolved: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export async function findConversation(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The tags of each conversation given, sorted. */
export async function tagsOf(db: DbOrTx, ids: string[]): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('conversation_tags')
    .select(['conversation_id', 'tag'])
    .where('conversation_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const row of rows) byId.get(row.conversation_id)?.push(row.tag);
  return byId;
}

export async function viewsOf(db: DbOrTx, rows: ConversationRow[]): Promise<ConversationView[]> {
  const tags = await tagsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toConversationView(row, tags.get(row.id) ?? []));
}

export async function viewOf(db: DbOrTx, row: ConversationRow): Promise<ConversationView> {
  const [view] = await viewsOf(db, [row]);
  return view!;
}

/** Replaces a conversation's tags. */
export async function setTags(db: DbOrTx, conversation: ConversationRow, tags: string[]): Promise<void> {
  await db.deleteFrom('conversation_tags').where('conversation_id', '=', conversation.id).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('conversation_tags')
    .values(
      tags.map((tag) => ({ conversation_id: conversation.id, workspace_id: conversation.workspace_id, tag })),
    )
    .execute();
}
