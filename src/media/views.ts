import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import type { MediaRow } from './tables.js';

export const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'] as const;
/** The kinds a message can be sent as (stickers are only received). */
export const SENDABLE_KINDS = ['image', 'video', 'audio', 'document'] as const;

export const mediaPath = (id: string) => `/v1/media/${id}`;

export const MediaSchema = Type.Object(
  {
    id: Type.String(),
    type: literalUnion(MEDIA_KINDS),
    mime: Type.String({ description: 'Detected from the content, not from the name' }),
    size: Type.Integer({ description: 'Bytes' }),
    sha256: Nullable(Type.String({ description: 'Hex SHA-256 of the bytes' })),
    filename: Nullable(Type.String()),
    url: Type.String({ description: 'Download path (GET, with the API key)' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Media' },
);
export type MediaView = Static<typeof MediaSchema>;

export function toMediaView(row: MediaRow): MediaView {
  return {
    id: row.id,
    type: row.kind,
    mime: row.mime,
    size: Number(row.size),
    sha256: row.sha256,
    filename: row.filename,
    url: mediaPath(row.id),
    createdAt: row.created_at,
  };
}
