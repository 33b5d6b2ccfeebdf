import { sql, type Expression, type RawBuilder, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
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
  /** The conversations of the whole number `search` names, looked up first (withNumberLookup). */
  numberMatches?: string[];
  /** The marks of a text search's windows, looked up first (withNumberLookup). */
  searchWindow?: SearchWindow;
}

/** Where a text search's windows end (see windowMarks). */
export interface SearchWindow {
  conversationMark: string;
  messageMark: string;
}

/** Where the previous page ended: the list is newest activity first, then id. */
export interface ConversationCursor {
  at: string;
  id: string;
}

type Eb = ExpressionBuilder<Database, 'conversations'>;

/** How many of the newest conversations text search reads (name, number, last message). */
export const SEARCH_CONVERSATIONS = 5_000;
/** How many of the workspace's newest messages text search reads. */
export const SEARCH_MESSAGES = 5_000;

/** A LIKE pattern for text anywhere, its own wildcards escaped (compared lower-cased on both dialects). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The number a search names, in E.164, when it is a whole number with its country code. */
function wholeNumberOf(text: string): string | undefined {
  if (!/^\+?[\d\s().-]+$/.test(text.trim())) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : undefined;
}

/**
 * The marks of the two windows a text search reads: the time of the window's last entry, or ''
 * (everything) while the conversation window is not full. While the message window is not full it
 * holds every message: its mark is the oldest one ('~', after every time, when there is none).
 * Each is an offset into an index (SEARCH_CONVERSATIONS entries read).
 */
function windowMarks(eb: Eb, workspaceId: string) {
  const conversationMark = sql<string>`coalesce((${eb
    .selectFrom('conversations as recent')
    .select('recent.last_message_at')
    .where('recent.workspace_id', '=', workspaceId)
    .orderBy('recent.last_message_at', 'desc')
    .orderBy('recent.id', 'desc')
    .limit(1)
    .offset(SEARCH_CONVERSATIONS - 1)}), '')`;
  const messageMark = sql<string>`coalesce((${eb
    .selectFrom('messages as mark')
    .select('mark.created_at')
    .where('mark.workspace_id', '=', workspaceId)
    .orderBy('mark.id', 'desc')
    .limit(1)
    .offset(SEARCH_MESSAGES - 1)}), (${eb
    .selectFrom('messages as first')
    .select('first.created_at')
    .where('first.workspace_id', '=', workspaceId)
    .orderBy('first.id', 'asc')
    .limit(1)}), '~')`;
  return { conversationMark, messageMark };
}

/** The older of the two marks: where the range the search reads starts. */
const sinceOf = (w: SearchWindow): string =>
  w.conversationMark < w.messageMark ? w.conversationMark : w.messageMark;

/**
 * Text search, bounded (docs/inbox.md, "Search"). A contains-match cannot use a B-tree index on
 * either dialect, so instead of reading the whole inbox a search reads a window of recent
 * activity: the conversations active since the older of two marks, the SEARCH_CONVERSATIONS-th
 * newest conversation and the SEARCH_MESSAGES-th newest message of the workspace. In it the
 * customer's name, number and last message are matched, and so is the text of the messages of
 * that message window. Both marks come from an index (an offset into it), and the window is a
 * range of the list's own indexes (they all end in last_message_at), so a search costs the same
 * at any inbox size. A whole number (with its country code) is looked up in the number index
 * instead, however old its conversation.
 */
function searchExpression(eb: Eb, workspaceId: string, filter: ConversationFilter): Expression<SqlBool> {
  if (filter.numberMatches) {
    // Ids, not the number: only then do both planners start from the primary key.
    return filter.numberMatches.length > 0
      ? eb('conversations.id', 'in', filter.numberMatches)
      : sql<SqlBool>`1 = 0`;
  }
  const pattern = containsPattern(filter.search!);
  const like = (column: Expression<string | null>) =>
    sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
  // The marks come resolved (withNumberLookup, once per request for the page and the counts);
  // computed here only when the query is built alone (the plan tests).
  const marks = filter.searchWindow
    ? {
        conversationMark: sql<string>`${filter.searchWindow.conversationMark}`,
        since: sql<string>`${sinceOf(filter.searchWindow)}`,
      }
    : (() => {
        const { conversationMark, messageMark } = windowMarks(eb, workspaceId);
        return {
          conversationMark,
          since: sql<string>`case when ${conversationMark} < ${messageMark} then ${conversationMark} else ${messageMark} end`,
        };
      })();
  const { conversationMark, since } = marks;
  const recentMessages = eb
    .selectFrom('messages')
    .select(['messages.device_id', 'messages.phone', 'messages.body'])
    .where('messages.workspace_id', '=', workspaceId)
    .orderBy('messages.id', 'desc')
    .limit(SEARCH_MESSAGES)
    .as('m');
  const threadsWithText = eb
    .selectFrom(recentMessages)
    .select(['m.device_id', 'm.phone'])
    .where(() => like(sql.ref('m.body')));
  const at = eb.ref('conversations.last_message_at');
  return eb.and([
    // The range both windows lie in: what the list's index is read over.
    sql<SqlBool>`${at} >= ${since}`,
    eb.or([
      eb.and([
        sql<SqlBool>`${at} >= ${conversationMark}`,
        eb.or([
          like(eb.ref('conversations.phone')),
          like(eb.ref('conversations.contact_name')),
          like(eb.ref('conversations.last_preview')),
        ]),
      ]),
      sql<SqlBool>`(${eb.ref('conversations.device_id')}, ${eb.ref('conversations.phone')}) in (${threadsWithText})`,
    ]),
  ]);
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
