import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import { forChange } from '../db/row-lock.js';
import type { ConversationRow, ConversationStatus } from './tables.js';
import type { ConversationCursor, ConversationFilter } from './filter.js';
import { searchExpression, wholeNumberOf, windowMarks, type Eb } from './search.js';
import { toConversationView, type ConversationView } from './views.js';

export type { ConversationCursor, ConversationFilter, SearchWindow } from './filter.js';

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
    // (`exists`). Only a tag's counts for a search come here: its page reads the tag's own index.
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
  if (filter.search) where.push(searchExpression(eb, workspaceId, filter));
  return eb.and(where);
}

/**
 * The filter with what a search needs looked up once for the page and the counts: a whole
 * number's conversations from the number index (at most one per line), or the marks of a text
 * search's windows (one query; inline, each use of a mark read its 5,000 index entries again).
 * Any other filter as it is.
 */
export async function withNumberLookup(
  db: DbOrTx,
  workspaceId: string,
  filter: ConversationFilter,
): Promise<ConversationFilter> {
  if (!filter.search || filter.numberMatches || filter.searchWindow) return filter;
  const number = wholeNumberOf(filter.search);
  if (!number) {
    const window = await db
      .selectFrom('workspaces')
      .select((eb) => {
        // The marks' subqueries name only their own tables; the builder's table does not matter.
        const { conversationMark, messageMark } = windowMarks(eb as unknown as Eb, workspaceId);
        return [conversationMark.as('conversationMark'), messageMark.as('messageMark')];
      })
      .where('workspaces.id', '=', workspaceId)
      .executeTakeFirst();
    return window ? { ...filter, searchWindow: window } : filter;
  }
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', number)
    .execute();
  return { ...filter, numberMatches: rows.map((r) => r.id) };
}

/**
 * A tag's page: its rows of conversation_tags read in list order from conversation_tags_page (the
 * copy of last_message_at the triggers keep), each joined to its conversation for the other
 * filters. A cross join keeps that order on SQLite; PostgreSQL chooses it for the limit.
 */
function tagListQuery(
  db: DbOrTx,
  workspaceId: string,
  filter: ConversationFilter & { tag: string },
  after: ConversationCursor | undefined,
  limit: number,
) {
  const { tag, ...rest } = filter;
  let query = db
    .selectFrom('conversation_tags')
    .crossJoin('conversations')
    .selectAll('conversations')
    .where('conversation_tags.workspace_id', '=', workspaceId)
    .where('conversation_tags.tag', '=', tag)
    .whereRef('conversations.id', '=', 'conversation_tags.conversation_id')
    // The builder of the join also knows conversation_tags; the filter only names conversations.
    .where((eb) => filterExpression(eb as unknown as Eb, workspaceId, rest, true));
  if (after) {
    query = query.where(
      sql<SqlBool>`(${sql.ref('conversation_tags.last_message_at')}, ${sql.ref('conversation_tags.conversation_id')}) < (${after.at}, ${after.id})`,
    );
  }
  return query
    .orderBy('conversation_tags.last_message_at', 'desc')
    .orderBy('conversation_tags.conversation_id', 'desc')
    .limit(limit);
}

/** The list's query, unexecuted: the index tests read its plan. */
export function listQuery(
  db: DbOrTx,
  workspaceId: string,
  filter: ConversationFilter,
  after: ConversationCursor | undefined,
  limit: number,
) {
  const { tag } = filter;
  if (tag !== undefined && !filter.numberMatches) {
    return tagListQuery(db, workspaceId, { ...filter, tag }, after, limit);
  }
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

/** A conversation of a page, with its tags. */
export type ListedConversation = ConversationRow & { tags: string[] };

/**
 * A page of conversations, newest activity first, each with its tags: one query, so one round
 * trip to PostgreSQL, rather than the tags read after the page. Ask for one more than the page to
 * learn if more follow.
 */
export async function listConversations(
  db: DbOrTx,
  dialect: Dialect,
  workspaceId: string,
  filter: ConversationFilter,
  after: ConversationCursor | undefined,
  limit: number,
): Promise<ListedConversation[]> {
  const page = listQuery(db, workspaceId, await withNumberLookup(db, workspaceId, filter), after, limit).as(
    'page',
  );
  const tags: RawBuilder<string[] | string> =
    dialect === 'postgres'
      ? sql`(select coalesce(json_agg(t.tag order by t.tag), '[]'::json) from conversation_tags t where t.conversation_id = page.id)`
      : sql`(select json_group_array(t.tag) from conversation_tags t where t.conversation_id = page.id)`;
  const rows = await db
    .selectFrom(page)
    .selectAll('page')
    .select(tags.as('tags_json'))
    // The page's own order (a sort of its few rows).
    .orderBy('page.last_message_at', 'desc')
    .orderBy('page.id', 'desc')
    .execute();
  return rows.map(({ tags_json, ...row }) => ({
    ...row,
    // PostgreSQL's driver parses json; SQLite answers its text. Sorted here: SQLite's aggregate
    // keeps no order it promises.
    tags: (typeof tags_json === 'string' ? (JSON.parse(tags_json) as string[]) : tags_json).sort(),
  }));
}

/** The counts' query, unexecuted: the index tests read its plan. */
export function countQuery(db: DbOrTx, workspaceId: string, filter: ConversationFilter) {
  if (filter.tag) {
    // Counted from the tag's side: its conversations read by id, not every conversation of the
    // workspace checked against the tag. A cross join keeps that order on SQLite (its planner
    // has no statistics to choose it); PostgreSQL plans it as a join either way.
    const { tag, ...rest } = filter;
    return (
      db
        .selectFrom('conversation_tags')
        .crossJoin('conversations')
        .select(['conversations.status', (eb) => eb.fn.countAll<number>().as('count')])
        .where('conversation_tags.workspace_id', '=', workspaceId)
        .where('conversation_tags.tag', '=', tag)
        .whereRef('conversations.id', '=', 'conversation_tags.conversation_id')
        // The builder of the join also knows conversation_tags; the filter only names conversations.
        .where((eb) => filterExpression(eb as unknown as Eb, workspaceId, rest, false))
        .groupBy('conversations.status')
    );
  }
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
  const resolved = await withNumberLookup(db, workspaceId, filter);
  const counts: Record<ConversationStatus, number> = { open: 0, pending: 0, resolved: 0 };
  if (resolved.numberMatches) {
    // A number has a conversation per line at most: its rows, by id, are counted here.
    const { status: _status, ...unfiltered } = resolved;
    const rows = await listQuery(
      db,
      workspaceId,
      unfiltered,
      undefined,
      resolved.numberMatches.length,
    ).execute();
    for (const row of rows) counts[row.status] += 1;
    return counts;
  }
  const rows = await countQuery(db, workspaceId, resolved).execute();
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** The conversation as it is now, for a change in this transaction (`forChange`). */
export async function lockedConversation(
  trx: DbOrTx,
  dialect: Dialect,
  workspaceId: string,
  id: string,
): Promise<ConversationRow | undefined> {
  const query = trx
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id);
  return forChange(query, dialect).executeTakeFirst();
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

/**
 * Replaces a conversation's tags. The conversation's row is locked first (a no-op update): two
 * replacements at once then take turns instead of mixing their tags, and a concurrent change of
 * the conversation waits until the new tag rows exist, so the trigger that keeps their copy of the
 * conversation (migration 0020) updates them too.
 */
export async function setTags(db: DbOrTx, conversation: ConversationRow, tags: string[]): Promise<void> {
  await db
    .updateTable('conversations')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', conversation.id)
    .execute();
  await db.deleteFrom('conversation_tags').where('conversation_id', '=', conversation.id).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('conversation_tags')
    .values(
      tags.map((tag) => ({ conversation_id: conversation.id, workspace_id: conversation.workspace_id, tag })),
    )
    .execute();
}
