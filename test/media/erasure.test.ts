import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { eventually, type TestApp } from '../helpers/app.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { runRetention } from '../../src/inbound/retention.js';
import { eraseContact } from '../../src/inbound/erase.js';
import { multipartBody, pdf, png } from './fixtures.js';

const it = appTest();

const files = (t: TestApp) => readdirSync(join(t.config.dataDir, 'media')).filter((n) => !n.startsWith('.'));

async function inboundImage(t: TestApp, deviceId: string, from: string) {
  await t.request({
    method: 'POST',
    url: '/v1/sandbox/inbound',
    payload: { deviceId, from, text: 'look', media: { type: 'image', data: png().toString('base64') } },
  });
  return eventually(async () => {
    const list = (
      await t.request({ method: 'GET', url: `/v1/messages?direction=in&to=${encodeURIComponent(from)}` })
    ).json();
    return list.data[0] as { id: string; media: { id: string; url: string } } | undefined;
  });
}

describe('files go with the data they belong to', () => {
  it('contact erasure deletes the files of the conversation, and no other', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550004000' });
    const erased = await inboundImage(t, deviceId, '+15556661001');
    const kept = await inboundImage(t, deviceId, '+15556661002');
    expect(files(t)).toEqual(expect.arrayContaining([erased.media.id, kept.media.id]));
    expect(await eraseContact(t.app.ctx, t.workspaceId, '+15556661001')).not.toBeNull();
    expect(files(t)).not.toContain(erased.media.id);
    expect(files(t)).toContain(kept.media.id);
    expect((await t.request({ method: 'GET', url: erased.media.url })).statusCode).toBe(404);
    const message = (await t.request({ method: 'GET', url: `/v1/messages/${erased.id}` })).json();
    expect(message).toMatchObject({ type: 'image', body: null });
    expect(message.media ?? null).toBeNull();
  });

  it('retention deletes files older than the workspace keeps messages', async ({ t }) => {
    const { payload, headers } = multipartBody(pdf(), { filename: 'old.pdf' });
    const media = (await t.request({ method: 'POST', url: '/v1/media', payload, headers })).json();
    expect(files(t)).toContain(media.id);
    const later = new Date(Date.now() + 400 * 24 * 3600_000);
    await runRetention({ ...t.app.ctx, clock: { now: () => later } });
    expect(files(t)).toEqual([]);
    expect((await t.request({ method: 'GET', url: media.url })).statusCode).toBe(404);
  });
});
