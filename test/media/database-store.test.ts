import { createHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import { multipartBody, pdf, png } from './fixtures.js';

/** WAPING_MEDIA_URL=database: keeps the bytes in the database, where every node reaches them. */
const it = appTest({ env: { WAPING_MEDIA_URL: 'database:' } });

const upload = (t: TestApp, file: Buffer, options: Parameters<typeof multipartBody>[1] = {}) => {
  const { payload, headers } = multipartBody(file, options);
  return t.request({ method: 'POST', url: '/v1/media', payload, headers });
};
const chunkCount = async (t: TestApp) =>
  (await t.app.ctx.db.selectFrom('media_chunks').select('seq').execute()).length;

describe('media kept in the database', () => {
  it('stores a file in chunks, serves it back whole and deletes it', async ({ t }) => {
    const bytes = pdf(700 * 1024); // more than one chunk
    const res = await upload(t, bytes, { filename: 'scan.pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const media = res.json();
    expect(media.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await chunkCount(t)).toBe(3);
    const got = await t.request({ method: 'GET', url: media.url });
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect((await t.request({ method: 'DELETE', url: media.url })).statusCode).toBe(204);
    expect(await chunkCount(t)).toBe(0);
  });

  it('keeps no chunk of a refused file', async ({ t }) => {
    const before = await chunkCount(t);
    const res = await upload(t, png(1300, 1400), { filename: 'big.png' });
    expect(res.json().error.code).toBe('MEDIA_TOO_LARGE');
    expect(await chunkCount(t)).toBe(before);
    expect(await t.app.ctx.db.selectFrom('media').select('id').execute()).toEqual([]);
  });
});
