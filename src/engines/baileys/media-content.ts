import type { Readable } from 'node:stream';
import type { AnyMessageContent, WAMessage } from 'baileys';
import type { BaileysSocket } from './socket-config.js';
import type { OutboundMedia } from '../engine.js';

/** The Baileys message content for a file: its kind's field, with caption, name and voice flag. */
export function mediaContent(media: OutboundMedia, stream: Readable): AnyMessageContent {
  const caption = media.caption ? { caption: media.caption } : {};
  switch (media.kind) {
    case 'image':
      return { image: { stream }, mimetype: media.mime, ...caption };
    case 'video':
      return { video: { stream }, mimetype: media.mime, ...caption };
    case 'audio':
      // A voice note must be Ogg/Opus for phones to play it as one.
      return {
        audio: { stream },
        mimetype: media.voice ? 'audio/ogg; codecs=opus' : media.mime,
        ptt: media.voice === true,
      };
    case 'document':
      return { document: { stream }, mimetype: media.mime, fileName: media.filename ?? 'file', ...caption };
  }
}

/** How a download asks the phone for a file whose media-host copy expired. */
export const reupload =
  (sock: BaileysSocket) =>
  (msg: WAMessage): Promise<WAMessage> => {
    if (!sock.updateMediaMessage) throw new Error('this socket cannot ask for media to be uploaded again');
    return sock.updateMediaMessage(msg);
  };
