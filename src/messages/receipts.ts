import type { AppContext } from '../context.js';
import type { EngineEvents } from '../engines/engine.js';
import { transitionMessage } from './status.js';
import { findByWaId } from './store.js';

/** Applies a WhatsApp receipt to the message it belongs to; receipts for unknown ids are ignored. */
export async function applyReceipt(
  ctx: AppContext,
  deviceId: string,
  receipt: EngineEvents['message_status'],
): Promise<void> {
  const message = await findByWaId(ctx.db, deviceId, receipt.waMessageId);
  if (!message) return;
  if (receipt.status === 'failed') {
    await transitionMessage(ctx, message.id, 'failed', {
      errorCode: 'SEND_FAILED',
      errorMessage: receipt.error ?? 'WhatsApp reported the message as failed',
    });
    return;
  }
  await transitionMessage(ctx, message.id, receipt.status);
}
