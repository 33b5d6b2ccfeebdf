import type { AppContext } from '../context.js';
import type { CreationHook } from '../db/database.js';
import { AppError, conflict, validation } from '../lib/errors.js';
import { assertSomeChannelSends, type VerifyChannels } from './channels.js';
import { sendAlong, type SendsRun } from './fallback.js';
import { reserve, SEND_LIMIT, type Reservation } from './limits.js';
import { requireVerification } from './service.js';
import { parseAttempts, updateIfUnchanged } from './store.js';
import type { Channel, VerificationRow } from './tables.js';
import { leaseUntil } from './transitions.js';
import { effectiveStatus } from './views.js';

/** A send of the code held by another request or node whose lease still runs. */
const sendUnderWay = (row: VerificationRow, now: Date): boolean =>
  row.attempt_state === 'sending' &&
  row.attempt_deadline !== null &&
  row.attempt_deadline > now.toISOString();

/** The answer to a resend made while another send of the code is under way (a double click). */
const underWay = () =>
  new AppError(
    'CONFLICT',
    'A resend of this verification is already under way; nothing was sent or counted',
    undefined,
    1,
  );

function assertResendable(row: VerificationRow, channel: Channel | undefined, now: Date): void {
  const status = effectiveStatus(row, now);
  if (status !== 'pending')
    throw conflict(`Only a pending verification can be resent; this one is ${status}`);
  if (channel === 'email' && !row.email) {
    throw validation('This verification has no email address', [
      { field: 'body.channel', message: 'needs an email on the verification' },
    ]);
  }
  if (sendUnderWay(row, now)) throw underWay();
}

/** From `channel` and the requested channels after it (or just `channel` if it was not requested), else the whole list. */
function routeFor(row: VerificationRow, channel: Channel | undefined): Channel[] {
  const requested = JSON.parse(row.channels) as Channel[];
  if (!channel) return requested;
  const start = requested.indexOf(channel);
  return start < 0 ? [channel] : requested.slice(start);
}

/**
 * The same code again. It counts as a send for the destination's limit, one slot for each message
 * the number gets: a resend that sent nothing gives its slot back.
 */
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
  // Before, a route this server sends on none of ended the verification as failed, and the code
  // the user already had with it.
  assertSomeChannelSends(routeFor(row, channel), channels, 'resend');
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
    // The previous code message is left to go out, even if still queued on the device: it carries
    // the same code, and each send counted is a message the number gets.
    if (claimed) return answerFor(ctx, await sendAlong(ctx, channels, claimed), slot, channel, now);
    row = await requireVerification(ctx, workspaceId, id);
    // Before, a resend that lost the claim to another (a double click) took the verification over
    // from it: the other's code message was undone, and both used a send slot for one message.
    if (effectiveStatus(row, now) !== 'pending' || sendUnderWay(row, now)) {
      await slot.release();
      assertResendable(row, channel, now);
    }
  }
  await slot.release();
  throw new AppError('CONFLICT', 'The verification is busy; retry the resend', undefined, 1);
}

/**
 * What a resend that claimed the verification answers: the row its send left. When the send lost
 * the verification (canceled, approved or taken over meanwhile), the verification as it now is;
 * before, the row as the resend had claimed it was answered, "pending" with nothing sent.
 */
async function answerFor(
  ctx: AppContext,
  run: SendsRun,
  slot: Reservation,
  channel: Channel | undefined,
  now: Date,
): Promise<VerificationRow> {
  if (run.lost === 'nothing_sent') await slot.release();
  if (!run.lost) return run.row;
  const row = await requireVerification(ctx, run.row.workspace_id, run.row.id);
  if (run.lost === 'sent') return row;
  assertResendable(row, channel, now);
  // Still pending, yet another send took it over: that one sends the code.
  throw underWay();
}
