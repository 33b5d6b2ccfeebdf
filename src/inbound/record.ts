import type { AppContext } from '../context.js';
import type { EngineEvents } from '../engines/engine.js';
import { newId } from '../lib/ids.js';
import { toMessageView } from '../messages/views.js';
import type { MessageRow } from '../messages/tables.js';
import { MESSAGES_TOPIC } from '../messages/status.js';
import { publishEvents, recordEvent } from '../webhooks/events.js';

export interface InboundDevice {
  id: string;
  workspaceId: string;
}

/** Hooks run after an inbound message is stored (contacts, opt-out, auto-replies). */
export type InboundHook = (
  ctx: AppContext,
  device: InboundDevice,
  message: MessageRow,
  payload: EngineEvents['inbound'],
) => Promise<void>;
const hooks: InboundHook[] = [];
export function onInbound(hook: InboundHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

/**
 * Stores a customer's message as an inbound message (`direction: "in"`) with its
 * `message.received` event. A redelivered WhatsApp id is stored once.
 */
export async function recordInbound(
  ctx: AppContext,
  device: InboundDevice,
  payload: EngineEvents['inbound'],
): Promise<MessageRow | undefined> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const duplicate = await ctx.db
    .selectFrom('messages')
    .select('id')
    .where('device_id', '=', device.id)
    .where('wa_message_id', '=', payload.waMessageId)
    .executeTakeFirst();
  if (duplicate) return undefined;
  const id = newId('msg', now.getTime());
  const row: MessageRow = {
    id,
    workspace_id: device.workspaceId,
    device_id: device.id,
    direction: 'in',
    phone: payload.from,
    type: 'text',
    body: payload.text,
    sealed_body: null,
    masked: 0,
    template_id: null,
    status: 'received',
    error_code: null,
    error_message: null,
    priority: 1,
    source: 'inbound',
    source_id: null,
    metadata: payload.pushName ? JSON.stringify({ pushName: payload.pushName }) : null,
    wa_message_id: payload.waMessageId,
    queue_if_disconnected: 0,
    attempts: 0,
    expires_at: null,
    created_at: at,
    updated_at: at,
  };
  const event = await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('messages').values(row).execute();
    await trx
      .insertInto('message_status_history')
      .values({ message_id: id, status: 'received', at, error_code: null })
      .execute();
    return recordEvent(trx, {
      workspaceId: device.workspaceId,
      type: 'message.received',
      data: toMessageView(row),
      deviceId: device.id,
      now,
    });
  });
  publishEvents(ctx, [event]);
  ctx.bus.publish(MESSAGES_TOPIC, row);
  for (const hook of hooks) {
    try {
      await hook(ctx, device, row, payload);
    } catch (err) {
      ctx.log.error({ err, messageId: id }, 'inbound hook failed');
    }
  }
  return row;
}
