import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../context.js';
import { DatabaseMediaStorage } from './database-storage.js';
import { FileMediaStorage } from './file-storage.js';
import { parseS3Url, S3MediaStorage } from './s3-storage.js';
import type { MediaStorage } from './storage.js';

/** One store per app (not per process: tests run several apps in one). */
const stores = new WeakMap<AppContext['db'], MediaStorage>();

/**
 * Throws the ConfigError of a WAPING_MEDIA_URL that cannot work, so the server refuses to start
 * instead of failing its first upload. (The pattern in config.ts checks only the scheme.)
 */
export function checkMediaUrl(config: Pick<AppContext['config'], 'mediaUrl'>): void {
  if (config.mediaUrl?.startsWith('s3://')) parseS3Url(config.mediaUrl);
}

/** The store WAPING_MEDIA_URL names: files under WAPING_DATA_DIR/media by default, the database, or S3. */
export function mediaStorage(ctx: Pick<AppContext, 'config' | 'db' | 'clock'>): MediaStorage {
  let store = stores.get(ctx.db);
  if (!store) {
    const url = ctx.config.mediaUrl;
    store =
      url === 'database:'
        ? new DatabaseMediaStorage(ctx.db, () => ctx.clock.now())
        : url?.startsWith('s3://')
          ? new S3MediaStorage(parseS3Url(url), join(ctx.config.dataDir, 'media-spool'))
          : new FileMediaStorage(url ? fileURLToPath(url) : join(ctx.config.dataDir, 'media'));
    stores.set(ctx.db, store);
  }
  return store;
}
