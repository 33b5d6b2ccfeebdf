import http from 'node:http';
import { createHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { eventually, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { linkSandboxDevice, waitForStatus } from '../helpers/sandbox.js';
import { jpeg, mp4, multipartBody, ogg, pdf, png } from './fixtures.js';

const it = appTest();

let deviceId: string;
it.beforeAll(async ({ t }) => {
  deviceId = await linkSandboxDevice(t, { phone: '+15550002000' });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(t: TestApp, file: Buffer, filename: string) {
  const { payload, headers } = multipartBody(file, { filename });
  const res = await t.request({ method: 'POST', url: '/v1/media', payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const send = (t: TestApp, body: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/v1/messages', payload: { to: '+15557770001', ...body } });

const inbox = async (t: TestApp, to: string) =>
  (await t.request({ method: 'GET', url: `/v1/sandbox/messages?to=${encodeURIComponent(to)}` })).json()
    .data as Array<{
    id: string;
    text: string;
    media?: { type: string; mime: string; size: number; sha256: string; filename?: string };
  }>;

describe('sending media', () => {
  it.for([
    ['image', png(), 'shot.png', { caption: 'The error' }, 'image/png'],
    ['image', jpeg(), 'shot.jpg', {}, 'image/jpeg'],
    ['video', mp4(), 'clip.mp4', { caption: 'Watch' }, 'video/mp4'],
    ['audio', ogg(), 'note.ogg', { voice: true }, 'audio/ogg'],
    ['document', pdf(), 'scan.pdf', { caption: 'Invoice', filename: 'invoice-42.pdf' }, 'application/pdf'],
  ] as const)(
    'sends an uploaded %s; the recipient gets its bytes',
    async ([type, bytes, name, extra, mime], { t }) => {
      const to = `+1555888${String(Math.floor(Math.random() * 9000) + 1000)}`;
      const media = await upload(t, bytes, name);
      const res = await send(t, { to, type, media: { id: media.id }, ...extra });
      expect(res.statusCode, res.body).toBe(202);
      const message = res.json();
      expect(message).toMatchObject({
        type,
        body: 'caption' in extra ? extra.caption : null,
        media: {
          id: media.id,
          type,
          mime,
          size: bytes.length,
          sha256: sha(bytes),
          caption: 'caption' in extra ? extra.caption : null,
          voice: 'voice' in extra,
          url: `/v1/media/${media.id}`,
        },
      });
      await waitForStatus(t, message.id, 'read');
      const [got] = await inbox(t, to);
      expect(got?.media).toMatchObject({ mime, size: bytes.length, sha256: sha(bytes) });
      expect(got?.media?.type).toBe('voice' in extra ? 'voice' : type);
      if ('filename' in extra) expect(got?.media?.filename).toBe(extra.filename);
    },
  );

  it.for([
    ['a PDF as an image', 'image', () => pdf(), 'MEDIA_TYPE_MISMATCH'],
    ['a PNG as a voice note', 'audio', () => png(), 'MEDIA_TYPE_MISMATCH'],
  ] as const)('refuses %s with 422', async ([, type, make, code], { t }) => {
    const media = await upload(t, make(), 'file');
    const res = await send(t, { type, media: { id: media.id } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses malformed media requests with 400', async ({ t }) => {
    const media = await upload(t, jpeg(), 'x.jpg');
    for (const body of [
      { type: 'image' },
      { type: 'image', media: {} },
      { type: 'image', media: { id: media.id, url: 'https://example.com/x.jpg' } },
      { type: 'text', text: { body: 'hi' }, media: { id: media.id } },
      { type: 'image', media: { id: media.id }, filename: 'x.jpg' },
      { type: 'audio', media: { id: media.id }, caption: 'no' },
    ]) {
      const res = await send(t, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
    expect(
      (await send(t, { type: 'image', media: { id: 'med_01hzzzzzzzzzzzzzzzzzzzzzzz' } })).statusCode,
    ).toBe(404);
  });

  it('refuses a media URL on a private or loopback address, and stores nothing', async ({ t }) => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end(jpeg());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const before = await t.app.ctx.db.selectFrom('media').select('id').execute();
      for (const url of [
        `http://127.0.0.1:${port}/photo.jpg`,
        `http://localhost:${port}/photo.jpg`,
        'http://169.254.169.254/latest/meta-data',
        `http://[::ffff:127.0.0.1]:${port}/photo.jpg`,
      ]) {
        const res = await send(t, { type: 'image', media: { url } });
        expect(res.statusCode, url).toBe(422);
        expect(res.json().error.code).toBe('MEDIA_URL_REFUSED');
      }
      const ftp = await send(t, { type: 'image', media: { url: 'ftp://example.com/x.jpg' } });
      expect(ftp.json().error.code).toBe('MEDIA_URL_REFUSED');
      expect(hits).toBe(0);
      expect(await t.app.ctx.db.selectFrom('media').select('id').execute()).toEqual(before);
    } finally {
      server.close();
    }
  });
});

describe('receiving media on the sandbox line', () => {
  it('stores an inbound image with its caption and exposes it on the message and the webhook', async ({
    t,
  }) => {
    const bytes = png(6, 6, 9);
    const res = await t.request({
      method: 'POST',
      url: '/v1/sandbox/inbound',
      payload: {
        deviceId,
        from: '+15556660001',
        text: 'my screen',
        media: { type: 'image', data: bytes.toString('base64'), filename: 'screen.png' },
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    const message = await eventually(async () => {
      const list = (
        await t.request({ method: 'GET', url: '/v1/messages?direction=in&to=%2B15556660001' })
      ).json();
      return list.data[0];
    });
    expect(message).toMatchObject({
      type: 'image',
      body: 'my screen',
      media: {
        type: 'image',
        mime: 'image/png',
        size: bytes.length,
        sha256: sha(bytes),
        caption: 'my screen',
      },
    });
    const file = await t.request({ method: 'GET', url: message.media.url });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(bytes)).toBe(true);
    const event = publishedEvents(t, (e) => e.type === 'message.received').at(-1);
    expect(event?.data.media).toMatchObject({
      id: message.media.id,
      url: message.media.url,
      sha256: sha(bytes),
    });
  });

  it('stores an inbound document without a caption', async ({ t }) => {
    const bytes = pdf(2000);
    await t.request({
      method: 'POST',
      url: '/v1/sandbox/inbound',
      payload: {
        deviceId,
        from: '+15556660002',
        media: { type: 'document', data: bytes.toString('base64'), filename: 'bill.pdf' },
      },
    });
    const message = await eventually(async () => {
      const list = (
        await t.request({ method: 'GET', url: '/v1/messages?direction=in&to=%2B15556660002' })
      ).json();
      return list.data[0];
    });
    expect(message).toMatchObject({
      type: 'document',
      body: null,
      media: { type: 'document', mime: 'application/pdf', filename: 'bill.pdf', size: bytes.length },
    });
  });
});
