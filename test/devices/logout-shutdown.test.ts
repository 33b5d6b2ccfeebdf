import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startApp, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { linkSandboxDevice, sendText, waitForStatus } from '../helpers/sandbox.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('logged-out devices and shutdown', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('fails the queued messages of a device the phone removed, and refuses new ones', async () => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550008080' });
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
    );
    const waiting = (
      await sendText(t, '+15550900000', 'stranded', { deviceId, queueIfDisconnected: true })
    ).json();
    await t.request({ method: 'POST', url: `/v1/devices/${deviceId}/logout` });
    await waitForStatus(t, waiting.id, 'failed');
    expect((await t.request({ method: 'GET', url: `/v1/messages/${waiting.id}` })).json().error.code).toBe(
      'SESSION_LOGGED_OUT',
    );
    const refused = await sendText(t, '+15550900000', 'no', { deviceId, queueIfDisconnected: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('logged_out');
  });

  it('records device.qr with the code to scan', async () => {
    const dev = (
      await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'QR event' } })
    ).json();
    await t.request({ method: 'POST', url: `/v1/devices/${dev.id}/connect` });
    const event = await eventually(async () =>
      publishedEvents(t, (e) => e.type === 'device.qr' && e.data.id === dev.id).at(0),
    );
    expect(event.data).toMatchObject({
      id: dev.id,
      status: 'qr',
      qr: expect.stringContaining(dev.id),
    });
  });

  it('answers a pairing code while a QR is showing, and links with it', async () => {
    const dev = (
      await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Pair later' } })
    ).json();
    await t.request({ method: 'POST', url: `/v1/devices/${dev.id}/connect` });
    await eventually(
      async () => (await t.request({ method: 'GET', url: `/v1/devices/${dev.id}` })).json().status === 'qr',
    );
    const res = await t.request({
      method: 'POST',
      url: `/v1/devices/${dev.id}/pairing-code`,
      payload: { phone: '+15550009191' },
    });
    expect(res.json().code).toMatch(/^[A-Z0-9]{8}$/);
    await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${dev.id}/scan`,
      payload: { phone: '+15550009191' },
    });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${dev.id}` })).json().status === 'connected',
    );
  });

  it('ends open event streams when the server shuts down', async () => {
    const other = await startApp(db);
    const dev = (
      await other.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Stream' } })
    ).json();
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = other.app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/v1/devices/${dev.id}/events`, {
      headers: { authorization: `Bearer ${other.apiKey}` },
    });
    const reader = res.body!.getReader();
    await reader.read();
    await other.close();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
