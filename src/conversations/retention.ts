import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { parseSettings } from '../workspaces/settings.js';
import { listWorkspaces } from '../workspaces/store.js';
import { DEFAULT_RETENTION_DAYS } from '../workspaces/views.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The inbox's share of `retentionDays`: notes older than it lose their text, and so does the
 * preview of a conversation whose last message is older (the message's own body is erased by the
 * messages retention). Returns how many notes were erased; erasing twice changes nothing.
 */
export async function runConversationRetention(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  let erased = 0;
  for (const workspace of await listWorkspaces(ctx.db)) {
    const days = parseSettings(workspace.settings).retentionDays ?? DEFAULT_RETENTION_DAYS;
    const cutoff = new Date(now - days * DAY_MS).toISOString();
    const notes = await ctx.db
      .updateTable('conversation_notes')
      .set({ body: null })
      .where('workspace_id', '=', workspace.id)
      .where('created_at', '<', cutoff)
      .where('body', 'is not', null)
      .executeTakeFirst();
    erased += Number(notes.numUpdatedRows);
    await ctx.db
      .updateTable('conversations')
      .set({ last_preview: null })
      .where('workspace_id', '=', workspace.id)
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
