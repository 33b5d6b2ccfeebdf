import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
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

/**
 * Passes a downloaded, decrypted file through and fails it at the end unless its SHA-256 is the
 * one the (end-to-end encrypted) message gave. Baileys decrypts what the media host serves without
 * checking its MAC or hash, so a copy damaged or altered on the host would otherwise be stored as
 * the customer's file. Without a hash in the message there is nothing to check against.
 */
export function verifiedFile(stream: Readable, fileSha256: Uint8Array | null | undefined): Readable {
  if (!fileSha256?.length) return stream;
  const expected = Buffer.from(fileSha256);
  // A generator, so nothing is read (and no error raised) before the consumer starts reading and
  // listens for errors.
  async function* checked(): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      yield chunk;
    }
    if (!hash.digest().equals(expected)) {
      throw new Error('downloaded file does not match its SHA-256 in the message');
    }
  }
  return Readable.from(checked(), { objectMode: false });
}
