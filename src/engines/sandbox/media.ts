import { createHash } from 'node:crypto';
import type { OutboundMedia } from '../engine.js';
import type { SandboxMedia } from './inbox.js';

/** What the recipient's phone gets of a file: every byte read and hashed, none kept. */
export async function receiveFile(media: OutboundMedia): Promise<SandboxMedia> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await media.open()) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
  }
  return {
    type: media.voice ? 'voice' : media.kind,
    mime: media.mime,
    size,
    sha256: hash.digest('hex'),
    ...(media.filename ? { filename: media.filename } : {}),
    ...(media.voice ? { voice: true } : {}),
  };
}
