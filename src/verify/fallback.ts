import type { AppContext } from '../context.js';
import type { Transaction } from 'kysely';
import type { CreationHook, CreationPart, CreationWrite } from '../db/database.js';
import type { Database } from '../db/types.js';
import { findMessage } from '../messages/store.js';
import type { WorkspaceRow } from '../workspaces/tables.js';
import { AttemptMoved, sendOnChannel, type VerifyChannels } from './channels.js';
import { keysOf, unsealCode } from './codes.js';
import { attemptsJson, parseAttempts, updateIfUnchanged } from './store.js';
import type { Channel, SendAttempt, VerificationRow } from './tables.js';
import { dropQueuedMessage, leaseUntil, moveOn, routeOf } from './transitions.js';

const DELIVERED = new Set(['delivered', 'read']);
const GONE = new Set(['failed', 'expired', 'canceled']);

/**
 * What `sendAlong` left: the row as it now is, or, when another request, node or the worker moved
 * the verification on first (`lost`), the row as this run last had it, and whether the code went
 * out before the run lost it.
 */
export interface SendsRun {
  row: VerificationRow;
  lost?: 'nothing_sent' | 'sent';
}

/**
 * Sends the code on the route's current channel and falls back along the route until a channel
 * takes it. `claimed` must be held by the caller (attempt_state 'sending' at its version); every
 * step is written back conditionally, so a node that lost the row stops instead of double-sending.
 */
export async function runSends(
  ctx: AppContext,
  channels: VerifyChannels,
  claimed: VerificationRow,
  /** The verification's workspace when the caller read it already (a new verification). */
  workspace?: WorkspaceRow,
): Promise<VerificationRow> {
  return (await sendAlong(ctx, channels, claimed, workspace)).row;
}

/** `runSends`, saying whether the run lost the verification to someone else (a resend answers by it). */
export async function sendAlong(
  ctx: AppContext,
  channels: VerifyChannels,
  claimed: VerificationRow,
  workspace?: WorkspaceRow,
): Promise<SendsRun> {
  let row = claimed;
  if (!row.sealed_code) return { row };
  const code = unsealCode(keysOf(ctx), row.id, row.sealed_code);
  const route = routeOf(row);
  for (;;) {
    const channel = route[row.route_index];
    // An expired code is not worth another channel; the worker marks the verification expired.
    if (!channel || row.expires_at <= ctx.clock.now().toISOString()) return { row };
    const sending = row;
    // A WhatsApp code message and the verification's wait for it are one transaction: the row is
    // `waiting` on the message before any receipt or event of it can exist, and a verification
    // that moved on meanwhile takes the message back with it.
    let waiting: VerificationRow | undefined;
    const onAccepted: CreationHook = async (trx, messageId) => {
      const at = ctx.clock.now();
      waiting = await updateIfUnchanged(trx, sending, waitingOn(sending, channel, messageId, at), at);
      if (!waiting) throw new AttemptMoved();
    };
    const outcome = await sendOnChannel(ctx, channels, sending, channel, code, { onAccepted, workspace });
    if (outcome.status === 'moved') return { row, lost: 'nothing_sent' };
    if (outcome.status === 'pending') return { row: waiting ?? row };
    const now = ctx.clock.now();
    const attempt: SendAttempt = { channel, status: outcome.status, at: now.toISOString() };
    if (outcome.status === 'sent' && outcome.providerMessageId)
      attempt.providerMessageId = outcome.providerMessageId;
    if (outcome.status === 'failed' || outcome.status === 'skipped') {
      attempt.reason = outcome.reason;
      attempt.detail = outcome.detail;
    }
    const attempts = [...parseAttempts(row), attempt];
    if (outcome.status === 'sent') {
      const done = await updateIfUnchanged(
        ctx.db,
        row,
        { attempt_state: 'done', attempt_message_id: null, attempt_deadline: null, send_attempts: attempts },
        now,
      );
      return done ? { row: done } : { row, lost: 'sent' };
    }
    const next = await moveOn(ctx, row, attempts, outcome.reason);
    if (!next) return { row, lost: 'nothing_sent' };
    if (next.attempt_state !== 'sending') return { row: next };
    row = next;
  }
}

/** When a WhatsApp attempt made at `at` counts as not delivered in time. */
const deadlineOf = (row: VerificationRow, at: Date) =>
  new Date(at.getTime() + row.channel_timeout_seconds * 1000).toISOString();

/** The attempt a code message accepted at `at` starts: the verification waits on it until its deadline. */
const waitingOn = (row: VerificationRow, channel: Channel, messageId: string, at: Date) => ({
  attempt_state: 'waiting' as const,
  attempt_message_id: messageId,
  attempt_deadline: deadlineOf(row, at),
  send_attempts: [
    ...parseAttempts(row),
    { channel, status: 'pending' as const, messageId, at: at.toISOString() },
  ],
});

/**
 * `store`'s writes as parts of the statement that accepts the code message on PostgreSQL (that
 * commits on its own): the parts and their arguments for the verification born waiting on the
 * message, and what `store` returns, from the rows the parts returned.
 */
export interface StoredInStatement<T> {
  parts: readonly CreationPart[];
  args(born: VerificationRow): ReadonlyArray<Readonly<Record<string, unknown>>>;
  stored(rows: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>): T;
  /** The request's answer stored with the verification (CreationWrite's `answer`), from the born row. */
  answer?: { args(born: VerificationRow): Readonly<Record<string, unknown>>; stored(): void };
}

/**
 * A new verification whose route starts on WhatsApp: its code message is accepted in the
 * transaction that stores the verification (`store`, which writes `row` as given), born waiting
 * on that message, and the message's count in the month's usage counts the verification too. One
 * transaction where there were two, and no update between them; on PostgreSQL, with `inStatement`,
 * one statement when the message can be stored alone. Undefined when WhatsApp did not take the
 * code (no line connected, opted out, over the quota): nothing of the verification was stored
 * then, and the caller stores it and runs its sends from the start. What `store` throws is thrown
 * here (a limit's refusal), not taken for a channel that failed.
 */
export async function createWithFirstSend<T>(
  ctx: AppContext,
  channels: VerifyChannels,
  row: VerificationRow,
  workspace: WorkspaceRow | undefined,
  store: (trx: Transaction<Database>, stored: VerificationRow, countedWithMessage: boolean) => Promise<T>,
  inStatement?: StoredInStatement<T>,
): Promise<{ row: VerificationRow; stored: T } | undefined> {
  if (!row.sealed_code) return undefined;
  const code = unsealCode(keysOf(ctx), row.id, row.sealed_code);
  let created: { row: VerificationRow; stored: T } | undefined;
  let refused: { err: unknown } | undefined;
  const bornOn = (messageId: string): VerificationRow => {
    const { send_attempts, ...waiting } = waitingOn(row, 'whatsapp', messageId, ctx.clock.now());
    return { ...row, ...waiting, send_attempts: attemptsJson(send_attempts) };
  };
  const inTransaction = async (trx: Transaction<Database>, messageId: string) => {
    const born = bornOn(messageId);
    try {
      created = { row: born, stored: await store(trx, born, true) };
    } catch (err) {
      refused = { err };
      // Undoes the message with the transaction; `refused` is thrown once the send returns.
      throw new AttemptMoved();
    }
  };
  let born: VerificationRow | undefined;
  const answer = inStatement?.answer;
  const onAccepted: CreationHook = !inStatement
    ? inTransaction
    : Object.assign(inTransaction, {
        inStatement: {
          parts: inStatement.parts,
          args: (messageId: string) => inStatement.args((born = bornOn(messageId))),
          returned: (rows: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>) => {
            created = { row: born!, stored: inStatement.stored(rows) };
          },
          // The request answers with the verification, not the message the store gives.
          ...(answer ? { answer: { args: () => answer.args(born!), stored: answer.stored } } : {}),
        } satisfies CreationWrite,
      });
  const outcome = await sendOnChannel(ctx, channels, row, 'whatsapp', code, {
    onAccepted,
    workspace,
    countsVerification: true,
  });
  if (refused) throw refused.err;
  if (outcome.status !== 'pending') return undefined;
  if (!created) throw new Error('A code message was accepted without its verification');
  return created;
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
