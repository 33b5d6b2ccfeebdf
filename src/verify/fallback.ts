import type { AppContext } from '../context.js';
import { findMessage } from '../messages/store.js';
import type { VerifyChannels } from './channels.js';
import { sendOnChannel } from './channels.js';
import { keysOf, unsealCode } from './codes.js';
import { findVerification, parseAttempts, updateIfUnchanged } from './store.js';
import type { SendAttempt, VerificationRow } from './tables.js';
import { dropQueuedMessage, leaseUntil, moveOn, routeOf } from './transitions.js';

const DELIVERED = new Set(['delivered', 'read']);
const GONE = new Set(['failed', 'expired', 'canceled']);
const IN_FLIGHT = new Set(['queued', 'sending', 'sent']);

/**
 * Sends the code on the route's current channel and falls back along the route until a channel
 * takes it. `claimed` must be held by the caller (attempt_state 'sending' at its version); every
 * step is written back conditionally, so a node that lost the row stops instead of double-sending.
 */
export async function runSends(
  ctx: AppContext,
  channels: VerifyChannels,
  claimed: VerificationRow,
): Promise<VerificationRow> {
  let row = claimed;
  if (!row.sealed_code) return row;
  const code = unsealCode(keysOf(ctx), row.id, row.sealed_code);
  const route = routeOf(row);
  for (;;) {
    const channel = route[row.route_index];
    // An expired code is not worth another channel; the worker marks the verification expired.
    if (!channel || row.expires_at <= ctx.clock.now().toISOString()) return row;
    const outcome = await sendOnChannel(ctx, channels, row, channel, code);
    const now = ctx.clock.now();
    const attempt: SendAttempt = { channel, status: outcome.status, at: now.toISOString() };
    if (outcome.status === 'pending') attempt.messageId = outcome.messageId;
    if (outcome.status === 'sent' && outcome.providerMessageId)
      attempt.providerMessageId = outcome.providerMessageId;
    if (outcome.status === 'failed' || outcome.status === 'skipped') {
      attempt.reason = outcome.reason;
      attempt.detail = outcome.detail;
    }
    const attempts = [...parseAttempts(row), attempt];
    if (outcome.status === 'pending' || outcome.status === 'sent') {
      const waiting = outcome.status === 'pending';
      const deadline = new Date(now.getTime() + row.channel_timeout_seconds * 1000).toISOString();
      const next = await updateIfUnchanged(
        ctx.db,
        row,
        {
          attempt_state: waiting ? 'waiting' : 'done',
          attempt_message_id: waiting ? outcome.messageId : null,
          attempt_deadline: waiting ? deadline : null,
          send_attempts: attempts,
        },
        now,
      );
      // Lost the row meanwhile (canceled, resent): the message just queued is no longer wanted.
      if (!next && waiting) await dropQueuedMessage(ctx, outcome.messageId);
      if (!next || !waiting) return next ?? row;
      // A message event published before `waiting` was written found nothing to wake; look once now.
      // Any later event finds the row waiting, so between the two nothing is missed.
      const message = await findMessage(ctx.db, next.workspace_id, outcome.messageId);
      if (!message || !IN_FLIGHT.has(message.status)) {
        await settleAttempt(ctx, channels, next);
        return (await findVerification(ctx.db, next.workspace_id, next.id)) ?? next;
      }
      return next;
    }
    const next = await moveOn(ctx, row, attempts, outcome.reason);
    if (!next || next.attempt_state !== 'sending') return next ?? row;
    row = next;
  }
}

/** Takes over the sending of `row` as read; undefined when another node or request got it first. */
export async function claimSending(
  ctx: AppContext,
  row: VerificationRow,
): Promise<VerificationRow | undefined> {
  const now = ctx.clock.now();
  return updateIfUnchanged(ctx.db, row, { attempt_state: 'sending', attempt_deadline: leaseUntil(now) }, now);
}

/**
 * Looks at the current attempt of a pending verification and moves it along: a WhatsApp message
 * delivered settles it; failed, expired or not delivered by the deadline falls back; a send whose
 * node stopped renewing its lease is taken over and retried on the same channel.
 */
export async function settleAttempt(
  ctx: AppContext,
  channels: VerifyChannels,
  row: VerificationRow,
): Promise<void> {
  const now = ctx.clock.now();
  if (row.attempt_state === 'sending') {
    if (!row.attempt_deadline || row.attempt_deadline > now.toISOString()) return;
    const claimed = await claimSending(ctx, row);
    if (claimed) await runSends(ctx, channels, claimed);
    return;
  }
  if (row.attempt_state !== 'waiting') return;
  const message = row.attempt_message_id
    ? await findMessage(ctx.db, row.workspace_id, row.attempt_message_id)
    : undefined;
  const attempts = parseAttempts(row);
  const last = attempts[attempts.length - 1];
  if (!last) return;
  if (message && DELIVERED.has(message.status)) {
    attempts[attempts.length - 1] = { ...last, status: 'delivered' };
    await updateIfUnchanged(
      ctx.db,
      row,
      { attempt_state: 'done', attempt_deadline: null, send_attempts: attempts },
      now,
    );
    return;
  }
  let failed: Pick<SendAttempt, 'status' | 'reason' | 'detail'>;
  if (!message || GONE.has(message.status)) {
    failed = {
      status: 'failed',
      reason: message?.error_code ?? 'SEND_FAILED',
      detail: message?.error_message ?? 'The WhatsApp message did not go out',
    };
  } else if (row.attempt_deadline && row.attempt_deadline <= now.toISOString()) {
    failed = {
      status: 'timed_out',
      reason: 'NOT_DELIVERED_IN_TIME',
      detail: `Not delivered within ${row.channel_timeout_seconds} s`,
    };
  } else {
    return;
  }
  attempts[attempts.length - 1] = { ...last, ...failed };
  const next = await moveOn(ctx, row, attempts, failed.reason ?? 'SEND_FAILED');
  if (!next) return;
  if (message?.status === 'queued') await dropQueuedMessage(ctx, message.id);
  if (next.attempt_state === 'sending') await runSends(ctx, channels, next);
}
