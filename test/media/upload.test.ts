import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import { aac, jpeg, m4a, mp3, mp4, multipartBody, ogg, pdf, png, threeGp, webp } from './fixtures.js';

const it = appTest();

const upload = (t: TestApp, file: Buffer, options: Parameters<typeof multipartBody>[1] = {}) => {
  const { payload, headers } = multipartBody(file, options);
  return t.request({ method: 'POST', url: '/v1/media', payload, headers });
};

const mediaRows = (t: TestApp) => t.app.ctx.db.selectFrom('media').selectAll().execute();
const storedFiles = (t: TestApp) =>
  readdirSync(join(t.config.dataDir, 'media')).filter((n) => !n.startsWith('.'));
const partials = (t: TestApp) => readdirSync(join(t.config.dataDir, 'media', '.partial'));

describe('uploading media', () => {
  it.for([
    ['photo.png', png(), 'image', 'image/png'],
    ['photo.jpg', jpeg(), 'image', 'image/jpeg'],
    ['photo.webp', webp(), 'image', 'image/webp'],
    ['clip.mp4', mp4(), 'video', 'video/mp4'],
    ['clip.3gp', threeGp(), 'video', 'video/3gpp'],
    ['voice.ogg', ogg(), 'audio', 'audio/ogg'],
    ['song.mp3', mp3(), 'audio', 'audio/mpeg'],
    ['sound.aac', aac(), 'audio', 'audio/aac'],
    ['sound.m4a', m4a(), 'audio', 'audio/mp4'],
    ['invoice.pdf', pdf(), 'document', 'application/pdf'],
    ['notes.txt', Buffer.from('plain words'), 'document', 'application/octet-stream'],
  ] as const)(
    'stores %s as %s (%s), detected from its bytes, and serves it back',
    async ([name, bytes, kind, mime], { t }) => {
      const res = await upload(t, bytes, { filename: name });
      expect(res.statusCode, res.body).toBe(201);
      const media = res.json();
      expect(media).toMatchObject({
        type: kind,
        mime,
        size: bytes.length,
        filename: name,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        url: `/v1/media/${media.id}`,
      });
      const got = await t.request({ method: 'GET', url: media.url });
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe(mime);
      expect(got.headers['content-disposition']).toContain(`filename="${name}"`);
      expect(got.rawPayload.equals(bytes)).toBe(true);
    },
  );

  it('takes the kind the caller names when the content allows it (a PNG sent as a document)', async ({
    t,
  }) => {
    const res = await upload(t, png(), { filename: 'scan.png', fields: { type: 'document' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ type: 'document', mime: 'image/png' });
  });

  it.for([
    ['a PDF named .jpg', pdf(), { filename: 'photo.jpg' }, 'MEDIA_TYPE_MISMATCH'],
    ['a PDF declared an image', pdf(), { filename: 'x', fields: { type: 'image' } }, 'MEDIA_TYPE_MISMATCH'],
    [
      'unknown bytes declared audio',
      Buffer.from('hello there friend'),
      { fields: { type: 'audio' } },
      'MEDIA_TYPE_UNSUPPORTED',
    ],
    ['a truncated PNG', png(8, 8).subarray(0, 120), { filename: 'cut.png' }, 'MEDIA_CORRUPT'],
    ['a truncated JPEG', jpeg(500).subarray(0, 300), { filename: 'cut.jpg' }, 'MEDIA_CORRUPT'],
    ['a zero-byte file', Buffer.alloc(0), { filename: 'empty.pdf' }, 'MEDIA_EMPTY'],
    ['an image over 5 MB', png(1300, 1400), { filename: 'big.png' }, 'MEDIA_TOO_LARGE'],
  ] as const)('refuses %s with 422 and stores nothing', async ([, bytes, options, code], { t }) => {
    const before = (await mediaRows(t)).length;
    const filesBefore = storedFiles(t).length;
    const res = await upload(t, bytes, options);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect((await mediaRows(t)).length).toBe(before);
    expect(storedFiles(t).length).toBe(filesBefore);
    expect(partials(t)).toEqual([]);
  });

  it('refuses a request that is not multipart, and a form without a file', async ({ t }) => {
    const json = await t.request({ method: 'POST', url: '/v1/media', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const boundary = 'b0';
    const noFile = await t.request({
      method: 'POST',
      url: '/v1/media',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nimage\r\n--${boundary}--\r\n`,
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('VALIDATION_ERROR');
  });

  it('deletes a file: gone from the API and from the disk', async ({ t }) => {
    const media = (await upload(t, jpeg(), { filename: 'gone.jpg' })).json();
    expect(storedFiles(t)).toContain(media.id);
    const del = await t.request({ method: 'DELETE', url: `/v1/media/${media.id}` });
    expect(del.statusCode).toBe(204);
    expect(storedFiles(t)).not.toContain(media.id);
    expect((await t.request({ method: 'GET', url: media.url })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/v1/media/${media.id}` })).statusCode).toBe(404);
  });
});
