import http from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { otherWorkspace, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { png } from './fixtures.js';

/** The file server is on loopback, so this file allows private addresses. */
const it = appTest({
  env: { WAPING_MEDIA_FETCH_ALLOW_PRIVATE: 'true' },
  plans: { tiny: { devices: 1, messagesPerMonth: 1, api: true, requestsPerMinute: null } },
});

let base = '';
let tinyKey = '';

it.beforeAll(async ({ t }) => {
  await linkSandboxDevice(t, { phone: '+15550003100' });
  const tiny = await otherWorkspace(t, 'tiny');
  tinyKey = tiny.apiKey;
  await linkSandboxDevice(t, { key: tinyKey, phone: '+15550003101' });
  // The tiny plan's one message of the month is used up.
  const first = await t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { to: '+15557771000', type: 'text', text: { body: 'the only one' } },
    key: tinyKey,
  });
  expect(first.statusCode, first.body).toBe(202);
  // An opted-out recipient.
  const optOut = await t.request({
    method: 'PATCH',
    url: '/v1/contacts/+15557771001',
    payload: { optedOut: true },
  });
  expect(optOut.statusCode, optOut.body).toBe(200);
  const server = http.createServer((_req, res) => void res.end(png()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return () => {
    server.closeAllConnections();
    server.close();
  };
});

/** The media rows and the stored files (the default store: files under the data folder). */
async function stored(t: TestApp) {
  const rows = await t.app.ctx.db.selectFrom('media').select('id').execute();
  const files = await readdir(join(t.app.ctx.config.dataDir, 'media')).catch(() => []);
  return { rows: rows.length, files: files.filter((name) => name !== '.partial').length };
}

// A send by URL fetched and stored the file before its other checks; refused by one of them, it
// left a ready file that no message named, whose id the API never answered.
describe('a send by media URL that is refused', () => {
  it.for([
    ['an opted-out recipient', 422, { to: '+15557771001' }, undefined],
    ['an unknown device', 404, { deviceId: `dev_${'0'.repeat(26)}` }, undefined],
    ['a past expiresAt', 400, { expiresAt: '2001-01-01T00:00:00Z' }, undefined],
    ['a workspace over its quota', 429, {}, 'tiny'],
  ] as const)('for %s stores nothing', async ([, status, extra, workspace], { t }) => {
    const before = await stored(t);
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15557771002', type: 'image', media: { url: `${base}/a.png` }, ...extra },
      ...(workspace ? { key: tinyKey } : {}),
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(await stored(t)).toEqual(before);
  });

  it('keeps the file of a send that is accepted', async ({ t }) => {
    const before = await stored(t);
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15557771002', type: 'image', media: { url: `${base}/a.png` } },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(await stored(t)).toEqual({ rows: before.rows + 1, files: before.files + 1 });
  });
});
