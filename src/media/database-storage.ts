import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import type { MediaStorage } from './storage.js';

/** Bytes per row: large enough to keep the row count low, small enough to hold one in memory. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Media in the database's `media_chunks` table: every node of a PostgreSQL cluster reaches it
 * without shared disks. A write inserts its chunks as they arrive (none is held but the one being
 * filled) and the media row says whether they are whole; a failed write deletes what it inserted,
 * and the sweep deletes what a crash left (chunks whose media row is missing or still pending).
 */
export class DatabaseMediaStorage implements MediaStorage {
  readonly kind = 'database';

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  async put(key: string, body: Readable): Promise<void> {
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const insert = (data: Buffer) =>
      this.db
        .insertInto('media_chunks')
        .values({ storage_key: key, seq: seq++, data, created_at: this.now().toISOString() })
        .execute();
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes < CHUNK_BYTES) continue;
        let joined = Buffer.concat(pending);
        while (joined.length >= CHUNK_BYTES) {
          await insert(joined.subarray(0, CHUNK_BYTES));
          joined = joined.subarray(CHUNK_BYTES);
        }
        pending = [joined];
        pendingBytes = joined.length;
      }
      if (pendingBytes > 0) await insert(Buffer.concat(pending));
    } catch (err) {
      await this.delete(key);
      throw err;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const first = await this.db
      .selectFrom('media_chunks')
      .select('seq')
      .where('storage_key', '=', key)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (!first) return null;
    const db = this.db;
    // One chunk at a time, so a large file never sits in memory whole.
    async function* chunks() {
      for (let seq = first!.seq; ; seq++) {
        const row = await db
          .selectFrom('media_chunks')
          .select('data')
          .where('storage_key', '=', key)
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (!row) return;
        yield Buffer.from(row.data);
      }
    }
    return Readable.from(chunks());
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('media_chunks').where('storage_key', '=', key).execute();
  }

  async sweepPartials(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('media_chunks')
      .where('created_at', '<', before.toISOString())
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('media')
              .select('media.id')
              .whereRef('media.storage_key', '=', 'media_chunks.storage_key')
              .where('media.status', '=', 'ready'),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
