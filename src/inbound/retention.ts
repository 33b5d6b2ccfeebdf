import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { parseSettings } from '../workspaces/settings.js';
import { DEFAULT_RETENTION_DAYS } from '../workspaces/views.js';
import { eraseBodiesBefore } from '../messages/erase.js';
import { deleteMediaBefore } from '../media/service.js';
import { pruneEventsBefore } from '../webhooks/prune.js';
import { listWorkspaces } from '../workspaces/store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Erases the bodies (and files) of messages older than each workspace's `retentionDays` (status, timeline
 * and metadata stay), and the events of that age with their webhook delivery log. Messages still waiting to be sent keep their text. Returns how many
 * bodies were erased. Safe to run on every node at once: erasing twice changes nothing.
 */
export async function runRetention(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  let erased = 0;
  for (const workspace of await listWorkspaces(ctx.db)) {
    const days = parseSettings(workspace.settings).retentionDays ?? DEFAULT_RETENTION_DAYS;
    const cutoff = new Date(now - days * DAY_MS).toISOString();
    erased += await eraseBodiesBefore(ctx.db, workspace.id, cutoff);
    await deleteMediaBefore(ctx, workspace.id, cutoff);
    await pruneEventsBefore(ctx.db, workspace.id, cutoff);
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
