import http from 'node:http';
import { createHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import { linkSandboxDevice, waitForStatus } from '../helpers/sandbox.js';
import { jpeg, pdf } from './fixtures.js';

/** The file server is on loopback, so this file allows private addresses (send.test.ts proves the refusal). */
const it = appTest({
  env: { WAPING_MEDIA_FETCH_ALLOW_PRIVATE: 'true', WAPING_MEDIA_FETCH_TIMEOUT_MS: '1000' },
});

const photo = jpeg(3000);
let base = '';
let server: http.Server;

it.beforeAll(async ({ t }) => {
  await linkSandboxDevice(t, { phone: '+15550003000' });
  server = http.createServer((req, res) => {
    if (req.url === '/photo.jpg') return void res.end(photo);
    if (req.url === '/moved') return void res.writeHead(302, { location: '/photo.jpg' }).end();
    if (req.url === '/doc.pdf') return void res.end(pdf());
    if (req.url === '/slow.jpg') {
      res.write(photo.subarray(0, 100));
      return; // never ends
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return () => {
    server.closeAllConnections();
    server.close();
  };
});

const send = (t: TestApp, url: string) =>
  t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { to: '+15557770002', type: 'image', media: { url } },
  });
const mediaCount = async (t: TestApp) =>
  (await t.app.ctx.db.selectFrom('media').select('id').execute()).length;

describe('media from a URL', () => {
  it('fetches the file, following a redirect, stores it and sends it', async ({ t }) => {
    const res = await send(t, `${base}/moved`);
    expect(res.statusCode, res.body).toBe(202);
    const message = res.json();
    expect(message.media).toMatchObject({
      type: 'image',
      mime: 'image/jpeg',
      size: photo.length,
      sha256: createHash('sha256').update(photo).digest('hex'),
      filename: 'photo.jpg',
    });
    await waitForStatus(t, message.id, 'read');
  });

  it.for([
    ['a 404', '/missing.jpg', 'MEDIA_FETCH_FAILED'],
    ['a PDF sent as an image', '/doc.pdf', 'MEDIA_TYPE_MISMATCH'],
    ['a server that stops sending', '/slow.jpg', 'MEDIA_FETCH_FAILED'],
  ] as const)('refuses %s with 422 and stores nothing', async ([, path, code], { t }) => {
    const before = await mediaCount(t);
    const res = await send(t, `${base}${path}`);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(await mediaCount(t)).toBe(before);
  });
});
