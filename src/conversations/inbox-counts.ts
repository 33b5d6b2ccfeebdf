import type { AppContext } from '../context.js';
import { foldCounts, keptCounts, shouldFold, type CountTable } from './counts.js';
import { countByStatus, type ConversationFilter } from './store.js';
import type { ConversationStatus } from './tables.js';

/** Workspaces (and table of counts) this process is folding now: one fold at a time each. */
const folding = new Set<string>();

/**
 * The counts per status that come with the inbox's first page. Status, member, nobody, line,
 * unread, code-only threads and a tag are columns of the kept counts (a sum over a few rows); a
 * text search is counted over its own bounded candidates. A count that read many deltas folds
 * them afterwards, without making the request wait.
 */
export async function inboxCounts(
  ctx: AppContext,
  workspaceId: string,
  filter: ConversationFilter,
): Promise<Record<ConversationStatus, number>> {
  if (filter.search) return countByStatus(ctx.db, workspaceId, filter);
  const { counts, rows } = await keptCounts(ctx.db, workspaceId, filter);
  const table: CountTable = filter.tag === undefined ? 'conversation_counts' : 'conversation_tag_counts';
  const key = `${table} ${workspaceId}`;
  if (shouldFold(rows) && !folding.has(key)) {
    folding.add(key);
    foldCounts(ctx.db, ctx.dialect, workspaceId, table)
      .catch((err: unknown) => ctx.log.warn({ err, workspaceId, table }, 'folding the inbox counts failed'))
      .finally(() => folding.delete(key));
  }
  return counts;
}
