import type { Readable } from 'node:stream';

/**
 * Where media bytes live, behind one interface: files on this box, or the database that every
 * node reaches, or an S3-compatible object store (docs/api.md "Media"). Keys are opaque names chosen by the media service.
 */
export interface MediaStorage {
  readonly kind: 'file' | 'database' | 's3';
  /**
   * Writes everything `body` yields under `key`. Until it resolves nothing is readable under the
   * key; when it rejects (the stream failed, or the write did), nothing is left behind.
   */
  put(key: string, body: Readable): Promise<void>;
  /** The bytes under `key`; null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Removes the bytes under `key`; nothing there is fine. */
  delete(key: string): Promise<void>;
  /** Removes the remains of writes a crash interrupted, older than `before`; returns how many. */
  sweepPartials(before: Date): Promise<number>;
}
