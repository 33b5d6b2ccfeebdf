import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { retentionCutoffs } from '../workspaces/retention-cutoffs.js';

/**
 * The inbox's share of `retentionDays`: notes older than it lose their text, and so does the
 * preview of a conversation whose last message is older (the message's own body is erased by the
 * messages retention). Returns how many notes were erased; erasing twice changes nothing.
 */
export async function runConversationRetention(ctx: AppContext): Promise<number> {
  let erased = 0;
  for (const { workspaceId, cutoff } of await retentionCutoffs(ctx.db, ctx.clock.now())) {
    const notes = await ctx.db
      .updateTable('conversation_notes')
      .set({ body: null })
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '<', cutoff)
      .where('body', 'is not', null)
      .executeTakeFirst();
    erased += Number(notes.numUpdatedRows);
    await ctx.db
      .updateTable('conversations')
      .set({ last_preview: null })
      .where('workspace_id', '=', workspaceId)
      .where('last_message_at', '<', cutoff)
      .where('last_preview', 'is not', null)
      .execute();
  }
  return erased;
}

export function startConversationRetention(ctx: AppContext, intervalMs: number): Loop {
  return startLoop({
    name: 'conversation retention run',
    log: ctx.log,
    intervalMs,
    firstRunMs: Math.min(intervalMs, 10_000),
    run: async () => {
      const erased = await runConversationRetention(ctx);
      if (erased > 0) ctx.log.info({ erased }, 'retention erased old conversation notes');
    },
  });
}
