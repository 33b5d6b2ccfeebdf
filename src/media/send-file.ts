import type { AppContext } from '../context.js';
import { EngineSendError, type OutboundMedia } from '../engines/engine.js';
import { parseMessageMedia } from './message-media.js';
import { findMedia, openMedia } from './service.js';

/**
 * The file of a queued media message, for its engine to upload: opened from storage only when
 * the engine reads it. A file deleted since the message was accepted fails the send.
 */
export async function outboundMedia(
  ctx: Pick<AppContext, 'config' | 'db' | 'clock'>,
  message: { workspace_id: string; media: string | null; body: string | null },
): Promise<OutboundMedia> {
  const media = parseMessageMedia(message.media);
  const row = media ? await findMedia(ctx, message.workspace_id, media.id) : undefined;
  if (!media || !row || media.type === 'sticker') {
    throw new EngineSendError('SEND_FAILED', 'The file of this message was deleted before it was sent');
  }
  return {
    kind: media.type,
    mime: row.mime,
    size: Number(row.size),
    ...(media.filename ? { filename: media.filename } : {}),
    ...(media.caption ? { caption: media.caption } : {}),
    ...(media.voice ? { voice: true } : {}),
    open: () => openMedia(ctx, row),
  };
}
