import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/types.js';
import type { ConversationFilter, SearchWindow } from './filter.js';

export type Eb = ExpressionBuilder<Database, 'conversations'>;

/** How many of the newest conversations text search reads (name, number, last message). */
export const SEARCH_CONVERSATIONS = 5_000;
/** How many of the workspace's newest messages text search reads. */
export const SEARCH_MESSAGES = 5_000;

/** A LIKE pattern for text anywhere, its own wildcards escaped (compared lower-cased on both dialects). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The number a search names, in E.164, when it is a whole number with its country code. */
export function wholeNumberOf(text: string): string | undefined {
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
export function windowMarks(eb: Eb, workspaceId: string) {
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
export function searchExpression(
  eb: Eb,
  workspaceId: string,
  filter: ConversationFilter,
): Expression<SqlBool> {
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
