import type { AppContext } from '../context.js';
import { startLoop, type Loop } from '../jobs/loop.js';
import { transitionMessage } from './status.js';
import { dueForExpiry } from './store.js';

/**
 * Expires queued messages past their expiresAt even when no dispatcher runs for their device
 * (device down, or owned by a node that died). Safe on several nodes: the transition is conditional.
 */
export function startExpirySweeper(ctx: AppContext, intervalMs = 1000): Loop {
  return startLoop({
    name: 'expiry sweep',
    log: ctx.log,
    intervalMs,
    run: async () => {
      for (const { id } of await dueForExpiry(ctx.db, ctx.clock.now().toISOString(), 200)) {
        await transitionMessage(ctx, id, 'expired', {
          errorCode: 'EXPIRED',
          errorMessage: 'Not sent before it expired',
        });
      }
    },
  });
}
