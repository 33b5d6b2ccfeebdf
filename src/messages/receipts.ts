import type { AppContext } from '../context.js';
import { decrypt, deriveKey } from '../lib/crypto.js';
import type { EngineEvents } from '../engines/engine.js';
import { announce, canMove, transitionInTransaction, type MessageChange } from './status.js';
import { findByWaId } from './store.js';

/** Applies a WhatsApp receipt to the message it belongs to; receipts for unknown ids are ignored. */
export async function applyReceipt(
  ctx: AppContext,
  deviceId: string,
  receipt: EngineEvents['message_status'],
): Promise<void> {
  const message = await findByWaId(ctx.db, deviceId, receipt.waMessageId);
  if (!message) return;
  // Already there or past it (WhatsApp's server ack for a message the dispatcher already marked
  // sent, a repeated receipt): nothing could change, so no transaction is opened. The row read may
  // be a moment old, but statuses only move forward, so a move refused now stays refused.
  const pending = message.status === 'queued' || message.status === 'sending';
  if (!pending && !canMove(message.status, receipt.status)) return;
  const changes = await ctx.db.transaction().execute(async (trx) => {
    if (receipt.status === 'failed') {
      return [
        await transitionInTransaction(ctx, trx, message.id, 'failed', {
          errorCode: 'SEND_FAILED',
          errorMessage: receipt.error ?? 'WhatsApp reported the message as failed',
        }),
      ];
    }
    // WhatsApp's receipt can come back before the dispatcher has recorded the hand-off (the send
    // call returns only after Baileys has stored its session keys): a delivered message was sent.
    // Both moves share the transaction.
    const sent =
      pending && receipt.status !== 'sent'
        ? await transitionInTransaction(ctx, trx, message.id, 'sent')
        : undefined;
    return [sent, await transitionInTransaction(ctx, trx, message.id, receipt.status)];
  });
  announce(
    ctx,
    changes.filter((c): c is MessageChange => c !== undefined),
  );
}

/**
 * The text WhatsApp asks for to retry or re-encrypt a message we sent: the sealed text when there
 * is one. A masked message whose sealed text is gone gets no answer: its body is `••••••`, and a
 * recipient's device must never be handed that as the message.
 */
export async function messageTextForRetry(
  ctx: AppContext,
  deviceId: string,
  waMessageId: string,
): Promise<string | undefined> {
  const message = await findByWaId(ctx.db, deviceId, waMessageId);
  if (!message) return undefined;
  if (message.sealed_body)
    return decrypt(deriveKey(ctx.masterKey, 'message-bodies'), message.sealed_body, message.id);
  if (message.masked) return undefined;
  return message.body ?? undefined;
}
