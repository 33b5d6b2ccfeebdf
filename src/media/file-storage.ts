import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomToken } from '../lib/crypto.js';
import type { MediaStorage } from './storage.js';

const KEY = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Media as files in one folder. A file is written under a temporary name in `.partial/` and
 * renamed into place once whole, so a crash never leaves a half file under a real key; the
 * sweep removes temporary files a crash left behind.
 */
export class FileMediaStorage implements MediaStorage {
  readonly kind = 'file';
  private readonly partialDir: string;
  private ready: Promise<void> | null = null;

  constructor(private readonly dir: string) {
    this.partialDir = join(dir, '.partial');
  }

  private ensureDirs(): Promise<void> {
    this.ready ??= mkdir(this.partialDir, { recursive: true, mode: 0o700 }).then(() => undefined);
    return this.ready;
  }

  private pathOf(key: string): string {
    // Keys come from the media service, never from a request; refuse anything that could leave the folder.
    if (!KEY.test(key)) throw new Error(`invalid media key ${key}`);
    return join(this.dir, key);
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.pathOf(key);
    await this.ensureDirs();
    const temp = join(this.partialDir, `${key}.${randomToken(6)}`);
    const file = createWriteStream(temp, { mode: 0o600, flags: 'wx' });
    try {
      await pipeline(body, file);
      await rename(temp, target);
    } catch (err) {
      // A body refused on its first chunk fails the pipeline while the file may still be opening
      // (on the thread pool, beside the removal): remove it once its stream has closed, so the
      // open cannot create it after the removal.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async sweepPartials(before: Date): Promise<number> {
    await this.ensureDirs();
    let removed = 0;
    for (const name of await readdir(this.partialDir)) {
      const path = join(this.partialDir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtime < before) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
