import { auditCutoff } from '../audit/retention.js';
import { pruneAuditBefore } from '../audit/store.js';
import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { eraseBodiesBefore } from '../messages/erase.js';
import { deleteMediaBefore } from '../media/service.js';
import { pruneEventsBefore } from '../webhooks/prune.js';
import { retentionCutoffs } from '../workspaces/retention-cutoffs.js';

/**
 * Erases the bodies (and files) of messages older than each workspace's `retentionDays` (status, timeline
 * and metadata stay), and the events of that age with their webhook delivery log. Messages still waiting to be sent keep their text. Audit log
 * entries go after a year, or after `retentionDays` when that is longer. Returns how many
 * bodies were erased. Safe to run on every node at once: erasing twice changes nothing.
 */
export async function runRetention(ctx: AppContext): Promise<number> {
  let erased = 0;
  const now = ctx.clock.now();
  for (const { workspaceId, cutoff } of await retentionCutoffs(ctx.db, now)) {
    erased += await eraseBodiesBefore(ctx.db, workspaceId, cutoff);
    await deleteMediaBefore(ctx, workspaceId, cutoff);
    await pruneEventsBefore(ctx.db, workspaceId, cutoff);
    await pruneAuditBefore(ctx.db, workspaceId, auditCutoff(cutoff, now));
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
