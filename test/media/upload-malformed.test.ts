import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import { multipartBody, pdf } from './fixtures.js';

const it = appTest();

const mediaRows = (t: TestApp) => t.app.ctx.db.selectFrom('media').selectAll().execute();
const storedFiles = (t: TestApp) => {
  try {
    return readdirSync(join(t.config.dataDir, 'media')).filter((n) => !n.startsWith('.'));
  } catch {
    return []; // nothing stored yet: the folder is made by the first file
  }
};

const send = (t: TestApp, contentType: string, payload: Buffer | string) =>
  t.request({ method: 'POST', url: '/v1/media', headers: { 'content-type': contentType }, payload });

function expectMalformed(res: { statusCode: number; json(): unknown }) {
  expect(res.statusCode).toBe(400);
  const { error } = res.json() as { error: { code: string; message: string; details: unknown } };
  expect(error.code).toBe('VALIDATION_ERROR');
  expect(error.message).toMatch(/^The multipart body is malformed: /);
  expect(error.details).toEqual([{ field: 'body', message: 'is not a complete multipart/form-data body' }]);
}

// An upload the multipart parser cannot read is the client's mistake: a 400 in the envelope,
// nothing stored, never a 500.
describe('an upload that is not a whole multipart body', () => {
  it('is refused when its content type names no boundary', async ({ t }) => {
    const { payload } = multipartBody(pdf());
    expectMalformed(await send(t, 'multipart/form-data', payload));
  });

  it('is refused when its body holds no part', async ({ t }) => {
    expectMalformed(await send(t, 'multipart/form-data; boundary=xyz', 'not a multipart body'));
  });

  it('is refused, and nothing kept, when the body ends inside the file', async ({ t }) => {
    const { payload, headers } = multipartBody(pdf(4096), { filename: 'cut.pdf' });
    const cut = payload.subarray(0, payload.length - 2000);
    expectMalformed(await send(t, headers['content-type']!, cut));
    expect(await mediaRows(t)).toEqual([]);
    expect(storedFiles(t)).toEqual([]);

    // The same file whole is taken.
    const whole = await send(t, headers['content-type']!, payload);
    expect(whole.statusCode, whole.body).toBe(201);
    expect(await mediaRows(t)).toHaveLength(1);
  });
});
