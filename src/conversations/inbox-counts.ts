import type { AppContext } from '../context.js';
import { foldCounts, keptCounts, shouldFold } from './counts.js';
import { countByStatus, type ConversationFilter } from './store.js';
import type { ConversationStatus } from './tables.js';

/** Workspaces whose counts this process is folding now: one fold at a time each. */
const folding = new Set<string>();

/**
 * The counts per status that come with the inbox's first page. Status, member, nobody, line,
 * unread and code-only threads are columns of the kept counts (a sum over a few rows); a tag or a
 * text search is counted over its own rows (a tag's conversations, a search's bounded candidates).
 * A count that read many deltas folds them afterwards, without making the request wait.
 */
export async function inboxCounts(
  ctx: AppContext,
  workspaceId: string,
  filter: ConversationFilter,
): Promise<Record<ConversationStatus, number>> {
  if (filter.tag || filter.search) return countByStatus(ctx.db, workspaceId, filter);
  const { counts, rows } = await keptCounts(ctx.db, workspaceId, filter);
  if (shouldFold(rows) && !folding.has(workspaceId)) {
    folding.add(workspaceId);
    foldCounts(ctx.db, ctx.dialect, workspaceId)
      .catch((err: unknown) => ctx.log.warn({ err, workspaceId }, 'folding the inbox counts failed'))
      .finally(() => folding.delete(workspaceId));
  }
  return counts;
}
