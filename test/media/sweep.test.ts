import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import { sweepMediaOrphans } from '../../src/media/sweep.js';
import { mediaStorage } from '../../src/media/storage-for.js';
import { multipartBody, jpeg } from './fixtures.js';

const it = appTest({ env: { WAPING_MEDIA_UPLOAD_TIMEOUT_MS: '1000' } });

const HOUR = 3600_000;

/** What a process killed in the middle of an upload leaves: a pending row, a temp file, maybe chunks. */
async function leaveCrashedUpload(t: TestApp, id: string, at: Date) {
  await t.app.ctx.db
    .insertInto('media')
    .values({
      id,
      workspace_id: t.workspaceId,
      kind: 'image',
      mime: 'application/octet-stream',
      size: 0,
      sha256: null,
      filename: 'half.jpg',
      storage_key: id,
      status: 'pending',
      source: 'upload',
      created_at: at.toISOString(),
    })
    .execute();
  const partial = join(t.config.dataDir, 'media', '.partial');
  mkdirSync(partial, { recursive: true });
  const temp = join(partial, `${id}.x1`);
  writeFileSync(temp, Buffer.alloc(1000, 1));
  utimesSync(temp, at, at);
  // The crash came after the rename but before the row said ready.
  writeFileSync(join(t.config.dataDir, 'media', id), Buffer.alloc(10, 2));
  await t.app.ctx.db
    .insertInto('media_chunks')
    .values({ storage_key: id, seq: 0, data: Buffer.alloc(10, 3), created_at: at.toISOString() })
    .execute();
}

describe('the orphan sweep', () => {
  it('removes what a crash during an upload left, and nothing that is whole or still arriving', async ({
    t,
  }) => {
    const { payload, headers } = multipartBody(jpeg(), { filename: 'kept.jpg' });
    const kept = (await t.request({ method: 'POST', url: '/v1/media', payload, headers })).json();
    const old = new Date(Date.now() - HOUR);
    await leaveCrashedUpload(t, 'med_crashed00000000000000000', old);
    await leaveCrashedUpload(t, 'med_inflight0000000000000000', new Date());

    const removed = await sweepMediaOrphans(t.app.ctx);
    expect(removed).toBeGreaterThanOrEqual(2);

    const ids = (await t.app.ctx.db.selectFrom('media').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    expect(ids).toEqual([kept.id, 'med_inflight0000000000000000'].sort());
    const files = readdirSync(join(t.config.dataDir, 'media'));
    expect(files).not.toContain('med_crashed00000000000000000');
    expect(files).toContain(kept.id);
    expect(readdirSync(join(t.config.dataDir, 'media', '.partial'))).toEqual([
      'med_inflight0000000000000000.x1',
    ]);
    // The database store's leftovers go too (its sweep runs whichever store is configured).
    const dbStore = await import('../../src/media/database-storage.js');
    await new dbStore.DatabaseMediaStorage(t.app.ctx.db, () => new Date()).sweepPartials(
      new Date(Date.now() - 60_000),
    );
    const chunks = await t.app.ctx.db.selectFrom('media_chunks').select('storage_key').execute();
    expect(chunks.map((c) => c.storage_key)).toEqual(['med_inflight0000000000000000']);
    expect(mediaStorage(t.app.ctx).kind).toBe('file');
    expect((await t.request({ method: 'GET', url: kept.url })).statusCode).toBe(200);
  });
});
