import type { AppContext } from '../context.js';
import { startLoop } from '../jobs/loop.js';
import { RecentSet } from '../lib/recent-set.js';
import type { VerifyChannels } from './channels.js';
import { settleAttempt } from './fallback.js';
import { purgeOldLimits } from './limits.js';
import { dueAttempts, dueForExpiry, settleDelivered, waitingOnMessages } from './store.js';
import { expireVerification } from './transitions.js';

const BATCH = 100;
/** Delivered messages remembered (`settledMessages`): a few seconds of a busy node's codes. */
const SETTLED_REMEMBERED = 10_000;
const PURGE_EVERY_MS = 60_000;
const DELIVERED = new Set(['message.delivered', 'message.read']);
const WATCHED = new Set([...DELIVERED, 'message.failed', 'message.expired']);

export interface VerifyWorker {
  stop(): Promise<void>;
}

/**
 * Moves verifications along without a request: expiry, WhatsApp attempts that failed or were not
 * delivered in time, and sends whose node died. The database is the queue (every node may run
 * this; conditional updates decide who acts); message events only make it look sooner.
 */
export function startVerifyWorker(ctx: AppContext, channels: VerifyChannels, intervalMs = 300): VerifyWorker {
  const nudged = new Set<string>();
  // Of the nudged messages, those an event said were delivered (message statuses only move on).
  const delivered = new Set<string>();
  // Messages whose delivery this node settled lately: their read receipt has nothing left to
  // settle (the verification stopped waiting on them then), so it costs no lookup.
  const settledMessages = new RecentSet<string>(SETTLED_REMEMBERED);
  let purgedAt = 0;
  let sweptAt = -Infinity;

  const loop = startLoop({
    name: 'verification worker tick',
    log: ctx.log,
    intervalMs,
    run: async () => {
      const now = ctx.clock.now();
      const ids = [...nudged];
      const seen = new Set(delivered);
      nudged.clear();
      delivered.clear();
      // Delivered: one statement settles all of them, and their later events (a read receipt
      // arriving while it runs, too) are not looked at. The others are looked at one by one.
      for (const id of seen) settledMessages.add(id);
      try {
        await settleDelivered(ctx.db, [...seen], now);
      } catch (err) {
        for (const id of seen) settledMessages.delete(id);
        throw err;
      }
      const undelivered = ids.filter((id) => !seen.has(id));
      for (const row of await waitingOnMessages(ctx.db, undelivered)) await settleAttempt(ctx, channels, row);
      // Message events wake the loop once per delivered code under load; the scans for expired
      // verifications and lapsed attempts need to run once an interval, not once per event.
      const sinceSweep = performance.now() - sweptAt;
      if (sinceSweep < intervalMs) return intervalMs - sinceSweep;
      sweptAt = performance.now();
      for (const row of await dueForExpiry(ctx.db, now, BATCH)) await expireVerification(ctx, row);
      for (const row of await dueAttempts(ctx.db, now, BATCH)) await settleAttempt(ctx, channels, row);
      if (now.getTime() - purgedAt > PURGE_EVERY_MS) {
        purgedAt = now.getTime();
        await purgeOldLimits(ctx.db, now);
      }
    },
  });

  const unsubscribe = ctx.bus.subscribe('events', (event) => {
    if (!WATCHED.has(event.type) || event.data.source !== 'verification') return;
    if (typeof event.data.id !== 'string') return;
    if (settledMessages.has(event.data.id)) return;
    nudged.add(event.data.id);
    if (DELIVERED.has(event.type)) delivered.add(event.data.id);
    loop.wake();
  });

  return {
    async stop() {
      unsubscribe();
      await loop.stop();
    },
  };
}
