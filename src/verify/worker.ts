import type { AppContext } from '../context.js';
import type { VerifyChannels } from './channels.js';
import { settleAttempt } from './fallback.js';
import { purgeOldLimits } from './limits.js';
import { dueAttempts, dueForExpiry, waitingOnMessages } from './store.js';
import { expireVerification } from './transitions.js';

const BATCH = 100;
const PURGE_EVERY_MS = 60_000;
const WATCHED = new Set(['message.delivered', 'message.read', 'message.failed', 'message.expired']);

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
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let purgedAt = 0;

  const tick = async () => {
    const now = ctx.clock.now();
    for (const row of await dueForExpiry(ctx.db, now, BATCH)) await expireVerification(ctx, row);
    const ids = [...nudged];
    nudged.clear();
    const rows = [...(await waitingOnMessages(ctx.db, ids)), ...(await dueAttempts(ctx.db, now, BATCH))];
    for (const row of rows) await settleAttempt(ctx, channels, row);
    if (now.getTime() - purgedAt > PURGE_EVERY_MS) {
      purgedAt = now.getTime();
      await purgeOldLimits(ctx.db, now);
    }
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  function run() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = tick()
      .catch((err: unknown) => ctx.log.error({ err }, 'verification worker tick failed'))
      .finally(() => {
        running = null;
        const soon = again;
        again = false;
        schedule(soon ? 0 : intervalMs);
      });
  }

  const unsubscribe = ctx.bus.subscribe('events', (event) => {
    if (!WATCHED.has(event.type) || event.data.source !== 'verification') return;
    if (typeof event.data.id !== 'string') return;
    nudged.add(event.data.id);
    if (running) again = true;
    else schedule(0);
  });
  schedule(intervalMs);

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
