import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import type { MediaRow } from './tables.js';
import { MEDIA_KINDS, mediaPath } from './views.js';

/** The file a message carries, as the message shows it (and as stored with it, as JSON). */
export const MessageMediaSchema = Type.Object({
  id: Type.String(),
  type: literalUnion(MEDIA_KINDS),
  mime: Type.String(),
  size: Type.Integer(),
  sha256: Nullable(Type.String()),
  filename: Nullable(Type.String()),
  caption: Nullable(Type.String()),
  voice: Type.Boolean({ description: 'Audio sent or received as a voice note' }),
  url: Type.String({ description: 'Download path; 404 once the file is deleted (retention, erasure)' }),
});
export type MessageMedia = Static<typeof MessageMediaSchema>;

export function messageMedia(
  row: MediaRow,
  extra: { caption?: string | null; filename?: string | null; voice?: boolean },
): MessageMedia {
  return {
    id: row.id,
    type: row.kind,
    mime: row.mime,
    size: Number(row.size),
    sha256: row.sha256,
    filename: extra.filename ?? row.filename,
    caption: extra.caption ?? null,
    voice: extra.voice === true,
    url: mediaPath(row.id),
  };
}

export const parseMessageMedia = (json: string | null): MessageMedia | null =>
  json ? (JSON.parse(json) as MessageMedia) : null;
