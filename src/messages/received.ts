import type { AppContext } from '../context.js';
import type { EngineEvents } from '../engines/engine.js';
import { newId } from '../lib/ids.js';
import { storeInboundMedia } from '../media/inbound.js';
import type { ReceivedRetry } from './received-retry.js';
import { announce } from './status.js';
import { findByWaId } from './store.js';
import type { MessageRow } from './tables.js';
import { toMessageView } from './views.js';

const NUL = '\u0000';

/**
 * A customer's message as it can be stored: the NUL character (U+0000), which a sender can put in
 * a text, a profile name or a file's type, becomes U+FFFD. PostgreSQL cannot store NUL in a
 * text column, so the message would fail to be recorded there (and be lost, as WhatsApp has it
 * delivered); SQLite's text functions stop at it. The API refuses NUL in what it is sent; a
 * received message cannot be refused.
 */
export function storableInbound(payload: EngineEvents['inbound']): EngineEvents['inbound'] {
  const { text, pushName, media } = payload;
  // A file's name is cleaned of every control character where it is stored (cleanFilename).
  const strings = [text, pushName, media?.mime];
  if (!strings.some((s) => s?.includes(NUL))) return payload;
  const clean = (s: string) => s.replaceAll(NUL, '\ufffd');
  return {
    ...payload,
    text: clean(text),
    ...(pushName !== undefined ? { pushName: clean(pushName) } : {}),
    ...(media ? { media: { ...media, mime: clean(media.mime) } } : {}),
  };
}

/** Whether the device's message with this WhatsApp id is stored already. */
const isRecorded = async (ctx: AppContext, deviceId: string, waMessageId: string) =>
  (await findByWaId(ctx.db, deviceId, waMessageId)) !== undefined;

/**
 * Stores a customer's message as an inbound message (`direction: "in"`, status `received`, which
 * is also its first timeline entry) with its `message.received` event, then announces it. A
 * redelivered WhatsApp id is stored once: undefined then. With `retry`, writes the database
 * refuses are tried again (ReceivedRetry), the message keeping the time it arrived, and its file
 * is fetched once.
 */
export async function recordReceivedMessage(
  ctx: AppContext,
  device: { id: string; workspaceId: string },
  payload: EngineEvents['inbound'],
  retry?: ReceivedRetry,
): Promise<MessageRow | undefined> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const context = { deviceId: device.id, waMessageId: payload.waMessageId };
  const tried = <T>(work: () => Promise<T>) =>
    retry ? retry.run('storing a received message', work, context) : work();
  if (await tried(() => isRecorded(ctx, device.id, payload.waMessageId))) return undefined;
  const media = payload.media
    ? await storeInboundMedia(ctx, device.workspaceId, payload.media, payload.text)
    : null;
  const id = newId('msg', now.getTime());
  const row: MessageRow = {
    id,
    workspace_id: device.workspaceId,
    device_id: device.id,
    direction: 'in',
    phone: payload.from,
    type: payload.kind ?? 'text',
    body: payload.text === '' ? null : payload.text,
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
    media: media ? JSON.stringify(media) : null,
    queue_if_disconnected: 0,
    attempts: 0,
    expires_at: null,
    created_at: at,
    updated_at: at,
  };
  let again = false;
  const stored = await tried(async () => {
    // A try that failed may still have committed (the connection dropped after it): not twice.
    if (again && (await isRecorded(ctx, device.id, payload.waMessageId))) return undefined;
    again = true;
    return ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('messages').values(row).execute();
      const recorded = await ctx.events.record(trx, {
        workspaceId: device.workspaceId,
        type: 'message.received',
        data: toMessageView(row),
        deviceId: device.id,
        now,
      });
      return { event: recorded, afterCommit: await ctx.messageStored.run(trx, row) };
    });
  });
  if (!stored) return undefined;
  announce(ctx, [{ row, event: stored.event }]);
  stored.afterCommit();
  return row;
}
