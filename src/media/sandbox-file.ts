import { Readable } from 'node:stream';
import type { InboundMedia } from '../engines/engine.js';
import { AppError } from '../lib/errors.js';
import { describeMime, kindAccepts } from './kinds.js';
import { sniffMime } from './sniff.js';

/** A file a simulated customer sends to the sandbox line (base64 in the request), as WhatsApp would hand it over. */
export function sandboxFile(media: {
  type: 'image' | 'document';
  data: string;
  filename?: string;
}): InboundMedia {
  const bytes = Buffer.from(media.data, 'base64');
  if (bytes.length === 0) throw new AppError('MEDIA_EMPTY', 'The file is empty');
  const mime = sniffMime(bytes);
  if (!kindAccepts(media.type, mime))
    throw new AppError(
      'MEDIA_TYPE_MISMATCH',
      `The file is ${describeMime(mime)}, not an image WhatsApp takes`,
    );
  return {
    kind: media.type,
    mime,
    ...(media.filename ? { filename: media.filename } : {}),
    open: async () => Readable.from([bytes]),
  };
}
