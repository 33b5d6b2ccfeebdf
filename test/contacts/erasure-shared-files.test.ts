import { describe, expect } from 'vitest';
import { eventually, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, waitForStatus } from '../helpers/sandbox.js';
import { multipartBody, png } from '../media/fixtures.js';

const it = appTest();

const enc = encodeURIComponent;

async function upload(t: TestApp, seed: number): Promise<string> {
  const { payload, headers } = multipartBody(png(4, 4, seed), { filename: `a${seed}.png` });
  const res = await t.request({ method: 'POST', url: '/v1/media', payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const sendImage = (t: TestApp, deviceId: string, to: string, mediaId: string) =>
  t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { deviceId, to, type: 'image', media: { id: mediaId }, queueIfDisconnected: true },
  });

async function disconnect(t: TestApp, deviceId: string): Promise<void> {
  await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
  await eventually(
    async () =>
      (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
  );
}

// Erasing a contact deleted every file its messages carried, also one still used by another
// recipient's message: the file's info and new sends with it were 404, and the other recipient's
// queued message failed with "The file of this message was deleted before it was sent".
describe('erasing a contact with a file other recipients use', () => {
  it('deletes only the files no other message uses', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550004101' });
    const shared = await upload(t, 1);
    const onlyTheirs = await upload(t, 2);
    const [a, b] = ['+15556664101', '+15556664102'];
    const toA = (await sendImage(t, deviceId, a, shared)).json<{ id: string }>().id;
    const alsoToA = (await sendImage(t, deviceId, a, onlyTheirs)).json<{ id: string }>().id;
    await waitForStatus(t, toA, 'read');
    await waitForStatus(t, alsoToA, 'read');
    await disconnect(t, deviceId);
    const toB = await sendImage(t, deviceId, b, shared);
    expect(toB.json()).toMatchObject({ status: 'queued' });

    const erased = await t.request({ method: 'DELETE', url: `/v1/contacts/${enc(a)}` });
    expect(erased.statusCode, erased.body).toBe(200);

    expect((await t.request({ method: 'GET', url: `/v1/media/${shared}/info` })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/v1/media/${onlyTheirs}/info` })).statusCode).toBe(404);
    for (const id of [toA, alsoToA]) {
      const message = (await t.request({ method: 'GET', url: `/v1/messages/${id}` })).json();
      expect(message.media ?? null).toBeNull();
    }
    const later = await sendImage(t, deviceId, '+15556664103', shared);
    expect(later.statusCode, later.body).toBe(202);
    await t.request({ method: 'POST', url: `/v1/devices/${deviceId}/connect` });
    await waitForStatus(t, toB.json<{ id: string }>().id, 'read');
    await waitForStatus(t, later.json<{ id: string }>().id, 'read');
  });
});
