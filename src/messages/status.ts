import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { publishEvents, recordEvent, type EventType, type WapingEvent } from '../webhooks/events.js';
import type { MessageRow, MessageStatus } from './tables.js';
import { toMessageView } from './views.js';

/** Which statuses each status may follow: statuses only move forward (DESIGN.md §5). */
const ALLOWED_FROM: Record<MessageStatus, MessageStatus[]> = {
  queued: ['sending'],
  sending: ['queued'],
  sent: ['queued', 'sending'],
  delivered: ['queued', 'sending', 'sent'],
  read: ['queued', 'sending', 'sent', 'delivered'],
  failed: ['queued', 'sending', 'sent'],
  expired: ['queued'],
  canceled: ['queued'],
  received: [],
};

/**
 * Statuses at which the sealed text (a message holding a one-time code) is erased. Not `sent` nor
 * `delivered`: WhatsApp may still ask for the text to re-encrypt it for another of the recipient's
 * devices. Those keep it until read, or until the 24 h sweep (sealed-bodies.ts).
 */
const ERASES_SEALED = new Set<MessageStatus>(['read', 'failed', 'expired', 'canceled']);

const EVENT_FOR: Partial<Record<MessageStatus, EventType>> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  read: 'message.read',
  failed: 'message.failed',
  expired: 'message.expired',
};

export const MESSAGES_TOPIC = 'messages';

export async function appendHistory(
  db: DbOrTx,
  messageId: string,
  status: string,
  at: string,
  errorCode: string | null = null,
) {
  await db
    .insertInto('message_status_history')
    .values({ message_id: messageId, status, at, error_code: errorCode })
    .execute();
}

/**
 * Moves a message to `status` if its current status allows it; records the timeline entry and the
 * event in one transaction. Returns the updated row, or undefined when the move did not apply
 * (already further along, or final).
 */
export async function transitionMessage(
  ctx: AppContext,
  messageId: string,
  status: MessageStatus,
  extra: { errorCode?: string; errorMessage?: string; attemptsDelta?: number } = {},
): Promise<MessageRow | undefined> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  let event: WapingEvent | undefined;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('messages')
      .set((eb) => ({
        status,
        updated_at: at,
        ...(extra.errorCode
          ? { error_code: extra.errorCode, error_message: extra.errorMessage ?? null }
          : {}),
        ...(extra.attemptsDelta ? { attempts: eb('attempts', '+', extra.attemptsDelta) } : {}),
        // A one-time code has no business in the database once nobody can ask for it again.
        ...(ERASES_SEALED.has(status) ? { sealed_body: null } : {}),
      }))
      .where('id', '=', messageId)
      .where('status', 'in', ALLOWED_FROM[status])
      .returningAll()
      .executeTakeFirst();
    if (!updated) return undefined;
    await appendHistory(trx, messageId, status, at, extra.errorCode ?? null);
    const type = EVENT_FOR[status];
    if (type) {
      event = await recordEvent(trx, {
        workspaceId: updated.workspace_id,
        type,
        data: toMessageView(updated),
        deviceId: updated.device_id,
        now,
      });
    }
    return updated;
  });
  if (row) {
    if (event) publishEvents(ctx, [event]);
    ctx.bus.publish(MESSAGES_TOPIC, row);
  }
  return row;
}

/** Fails every queued message of a device that can no longer send (logged out). */
export async function failQueuedMessages(
  ctx: AppContext,
  deviceId: string,
  errorCode: string,
  errorMessage: string,
): Promise<void> {
  const queued = await ctx.db
    .selectFrom('messages')
    .select('id')
    .where('device_id', '=', deviceId)
    .where('status', '=', 'queued')
    .execute();
  for (const { id } of queued) await transitionMessage(ctx, id, 'failed', { errorCode, errorMessage });
}
