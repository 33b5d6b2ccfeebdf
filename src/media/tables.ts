import type { Selectable } from 'kysely';

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';
/** `pending` while its bytes are being written; a pending row left behind by a crash is swept. */
export type MediaStatus = 'pending' | 'ready';
export type MediaSource = 'upload' | 'url' | 'inbound';

export interface MediaTable {
  id: string;
  workspace_id: string;
  kind: MediaKind;
  mime: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed while they were written. */
  sha256: string | null;
  filename: string | null;
  /** Where the bytes are in the store (a file name, or the key of its chunks). */
  storage_key: string;
  status: MediaStatus;
  source: MediaSource;
  created_at: string;
}

/** The bytes of media kept in the database (WAPING_MEDIA_URL=database:), in order by `seq`. */
export interface MediaChunksTable {
  storage_key: string;
  seq: number;
  data: Buffer;
  created_at: string;
}

export interface MediaTables {
  media: MediaTable;
  media_chunks: MediaChunksTable;
}

export type MediaRow = Selectable<MediaTable>;
