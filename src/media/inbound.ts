import type { AppContext } from '../context.js';
import type { InboundMedia } from '../engines/engine.js';
import { messageMedia, type MessageMedia } from './message-media.js';
import { storeMedia } from './service.js';

/**
 * Downloads a customer's file from WhatsApp (through the engine) into storage. The type is
 * WhatsApp's; only the size cap applies. A file that cannot be fetched is logged and the message
 * is still recorded, with its caption, without the file.
 */
export async function storeInboundMedia(
  ctx: AppContext,
  workspaceId: string,
  media: InboundMedia,
  caption: string,
): Promise<MessageMedia | null> {
  try {
    const row = await storeMedia(ctx, workspaceId, await media.open(), {
      source: 'inbound',
      filename: media.filename,
      trusted: { kind: media.kind, mime: media.mime },
    });
    return messageMedia(row, { caption: caption || null, voice: media.voice });
  } catch (err) {
    ctx.log.warn({ err, kind: media.kind }, 'an inbound file could not be downloaded');
    return null;
  }
}
