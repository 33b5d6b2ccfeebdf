import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { deleteMediaRows } from './service.js';
import { mediaStorage } from './storage-for.js';

const SWEEP_INTERVAL_MS = 10 * 60_000;
/** An upload still pending this long after its deadline was cut off by a crash. */
const GRACE_MS = 60_000;

/**
 * Removes what interrupted writes left: media rows still `pending` past the upload deadline, with
 * their bytes, and the store's own leftovers (temporary files, chunks without a ready row).
 * Returns how many things it removed. Safe on every node at once.
 */
export async function sweepMediaOrphans(ctx: Pick<AppContext, 'config' | 'db' | 'clock'>): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - ctx.config.mediaUploadTimeoutMs - GRACE_MS);
  const stale = await ctx.db
    .selectFrom('media')
    .select(['id', 'storage_key'])
    .where('status', '=', 'pending')
    .where('created_at', '<', before.toISOString())
    .execute();
  const rows = await deleteMediaRows(ctx, stale);
  return rows + (await mediaStorage(ctx).sweepPartials(before));
}

export function startMediaSweeper(ctx: AppContext): Loop {
  return startLoop({
    name: 'media orphan sweep',
    log: ctx.log,
    intervalMs: SWEEP_INTERVAL_MS,
    firstRunMs: 30_000,
    run: async () => {
      const removed = await sweepMediaOrphans(ctx);
      if (removed > 0) ctx.log.info({ removed }, 'media sweep removed leftovers of interrupted uploads');
    },
  });
}
