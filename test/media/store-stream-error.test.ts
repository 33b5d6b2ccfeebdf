import { PassThrough } from 'node:stream';
import { describe, expect } from 'vitest';
import { storeMedia } from '../../src/media/service.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

describe('an upload stream that fails as soon as the store starts', () => {
  it('rejects the store with the stream error and keeps nothing, instead of ending the process', async ({
    t,
  }) => {
    const body = new PassThrough();
    const stored = storeMedia(t.app.ctx, t.workspaceId, body, { source: 'upload', filename: 'scan.pdf' });
    // Listened to before the first await: an 'error' nobody handles ends the process.
    expect(body.listenerCount('error')).toBeGreaterThan(0);
    // Emitted on the next tick: while the pending row is written, or before the store reads.
    body.destroy(new Error('client went away'));
    await expect(stored).rejects.toThrow('client went away');
    expect(await t.app.ctx.db.selectFrom('media').select('id').execute()).toEqual([]);
  });
});
