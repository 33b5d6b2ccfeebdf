import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { parseSettings } from '../workspaces/settings.js';
import { DEFAULT_RETENTION_DAYS } from '../workspaces/views.js';
import { IN_FLIGHT } from './erase.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Erases the bodies of messages older than each workspace's `retentionDays` (status, timeline
 * and metadata stay), and the events of that age with their webhook delivery log. Messages still waiting to be sent keep their text. Returns how many
 * bodies were erased. Safe to run on every node at once: erasing twice changes nothing.
 */
export async function runRetention(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  const workspaces = await ctx.db.selectFrom('workspaces').select(['id', 'settings']).execute();
  let erased = 0;
  for (const workspace of workspaces) {
    const days = parseSettings(workspace.settings).retentionDays ?? DEFAULT_RETENTION_DAYS;
    const cutoff = new Date(now - days * DAY_MS).toISOString();
    const result = await ctx.db
      .updateTable('messages')
      .set({ body: null, sealed_body: null })
      .where('workspace_id', '=', workspace.id)
      .where('created_at', '<', cutoff)
      .where('status', 'not in', [...IN_FLIGHT])
      .where((eb) => eb.or([eb('body', 'is not', null), eb('sealed_body', 'is not', null)]))
      .executeTakeFirst();
    erased += Number(result.numUpdatedRows);
    // Events carry the resource they report (message text included) and feed the webhook delivery
    // log: both go with the bodies, except events a delivery still waits to send.
    await ctx.db
      .deleteFrom('events')
      .where('workspace_id', '=', workspace.id)
      .where('created_at', '<', cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deliveries')
              .select('webhook_deliveries.id')
              .whereRef('webhook_deliveries.event_id', '=', 'events.id')
              .where('webhook_deliveries.status', '=', 'pending'),
          ),
        ),
      )
      .execute();
  }
  return erased;
}

/** Runs retention every `intervalMs`, and once soon after start. */
export function startRetention(ctx: AppContext, intervalMs: number): Loop {
  return startLoop({
    name: 'retention run',
    log: ctx.log,
    intervalMs,
    // Soon after start too, so a server restarted more often than the interval still erases.
    firstRunMs: Math.min(intervalMs, 10_000),
    run: async () => {
      const erased = await runRetention(ctx);
      if (erased > 0) ctx.log.info({ erased }, 'retention erased old message bodies');
    },
  });
}
