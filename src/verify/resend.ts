import type { AppContext } from '../context.js';
import type { CreationHook } from '../db/database.js';
import { AppError, conflict, validation } from '../http/errors.js';
import type { VerifyChannels } from './channels.js';
import { runSends } from './fallback.js';
import { reserve, SEND_LIMIT } from './limits.js';
import { requireVerification } from './service.js';
import { parseAttempts, updateIfUnchanged } from './store.js';
import type { Channel, VerificationRow } from './tables.js';
import { dropQueuedMessage, leaseUntil } from './transitions.js';
import { effectiveStatus } from './views.js';

function assertResendable(row: VerificationRow, channel: Channel | undefined, now: Date): void {
  const status = effectiveStatus(row, now);
  if (status !== 'pending')
    throw conflict(`Only a pending verification can be resent; this one is ${status}`);
  if (channel === 'email' && !row.email) {
    throw validation('This verification has no email address', [
      { field: 'body.channel', message: 'needs an email on the verification' },
    ]);
  }
}

/** From `channel` and the requested channels after it (or just `channel` if it was not requested), else the whole list. */
function routeFor(row: VerificationRow, channel: Channel | undefined): Channel[] {
  const requested = JSON.parse(row.channels) as Channel[];
  if (!channel) return requested;
  const start = requested.indexOf(channel);
  return start < 0 ? [channel] : requested.slice(start);
}

/** The same code again. It counts as a send for the destination's limit. */
export async function resendVerification(
  ctx: AppContext,
  channels: VerifyChannels,
  workspaceId: string,
  id: string,
  channel?: Channel,
  onResend?: CreationHook,
): Promise<VerificationRow> {
  const now = ctx.clock.now();
  let row = await requireVerification(ctx, workspaceId, id);
  assertResendable(row, channel, now);
  const slot = await reserve(ctx.db, workspaceId, row.phone, SEND_LIMIT, now);
  // The worker may settle the current attempt meanwhile (a delivery receipt came in): read again and retry.
  for (let tries = 0; tries < 5; tries++) {
    const attempts = parseAttempts(row).map((a) =>
      a.status === 'pending'
        ? { ...a, status: 'canceled' as const, reason: 'RESENT', detail: 'Replaced by a resend' }
        : a,
    );
    const current = row;
    // With an Idempotency-Key, the key records the resend in the same transaction (exactly once).
    const claimed = await ctx.db
      .transaction()
      .execute(async (trx) => {
        const updated = await updateIfUnchanged(
          trx,
          current,
          {
            route: JSON.stringify(routeFor(current, channel)),
            route_index: 0,
            attempt_state: 'sending',
            attempt_deadline: leaseUntil(now),
            attempt_message_id: null,
            send_attempts: attempts,
          },
          now,
        );
        if (updated) await onResend?.(trx, updated.id);
        return updated;
      })
      .catch(async (err: unknown) => {
        await slot.release();
        throw err;
      });
    if (claimed) {
      if (row.attempt_state === 'waiting') await dropQueuedMessage(ctx, row.attempt_message_id);
      return runSends(ctx, channels, claimed);
    }
    row = await requireVerification(ctx, workspaceId, id);
    if (effectiveStatus(row, now) !== 'pending') {
      await slot.release();
      assertResendable(row, channel, now);
    }
  }
  await slot.release();
  throw new AppError('CONFLICT', 'The verification is busy; retry the resend', undefined, {
    'retry-after': '1',
  });
}
