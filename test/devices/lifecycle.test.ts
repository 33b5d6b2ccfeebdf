import { describe, expect } from 'vitest';
import { eventually, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest({ env: { WAPING_SANDBOX_QR_REFRESH_MS: '150' } });

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;
it.beforeAll(({ t: app }) => {
  t = app;
});

const device = async (id: string) => (await t.request({ method: 'GET', url: `/v1/devices/${id}` })).json();
const statusOf = async (id: string) => (await device(id)).status as string;
/** The types of a device's events (its own statuses), as published, in id order. */
const eventTypes = async (id: string) =>
  publishedEvents(t, (e) => e.type.startsWith('device.') && e.data.id === id)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((e) => e.type);

describe('device lifecycle on the sandbox engine', () => {
  it('goes unlinked → connecting → qr → connected → disconnected → connected', async ({ t }) => {
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Support' } });
    expect(created.statusCode).toBe(201);
    const dev = created.json();
    expect(dev).toMatchObject({ name: 'Support', engine: 'sandbox', status: 'unlinked', phone: null });
    expect(dev.id).toMatch(/^dev_/);

    const connect = await t.request({ method: 'POST', url: `/v1/devices/${dev.id}/connect` });
    expect(['connecting', 'qr']).toContain(connect.json().status);
    await eventually(async () => (await statusOf(dev.id)) === 'qr');

    const scan = await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${dev.id}/scan`,
      payload: { phone: '+1 555 000 1234' },
    });
    expect(scan.json()).toMatchObject({
      status: 'connected',
      phone: '+15550001234',
      displayName: 'Sandbox phone',
    });

    await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${dev.id}/disconnect`,
      payload: { reason: 'phone lost signal', reconnectAfterMs: 100 },
    });
    await eventually(async () => (await statusOf(dev.id)) === 'disconnected');
    expect((await device(dev.id)).statusReason).toContain('phone lost signal');
    await eventually(async () => (await statusOf(dev.id)) === 'connected');
    expect(await eventTypes(dev.id)).toEqual([
      'device.qr',
      'device.connected',
      'device.disconnected',
      'device.connected',
    ]);
  });

  it('stays disconnected without a reconnect and comes back with /connect', async ({ t }) => {
    const id = await linkSandboxDevice(t, { phone: '+15550002222' });
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${id}/disconnect` });
    await eventually(async () => (await statusOf(id)) === 'disconnected');
    await t.request({ method: 'POST', url: `/v1/devices/${id}/connect` });
    await eventually(async () => (await statusOf(id)) === 'connected');
  });

  it('logs out through the API and when the phone removes the device', async ({ t }) => {
    const a = await linkSandboxDevice(t, { phone: '+15550003333' });
    const out = await t.request({ method: 'POST', url: `/v1/devices/${a}/logout` });
    expect(out.json().status).toBe('logged_out');
    const state = await t.app.ctx.db
      .selectFrom('engine_state')
      .select('key_id')
      .where('device_id', '=', a)
      .execute();
    expect(state).toEqual([]);

    const b = await linkSandboxDevice(t, { phone: '+15550004444' });
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${b}/unlink` });
    await eventually(async () => (await statusOf(b)) === 'logged_out');
    expect(await eventTypes(b)).toContain('device.logged_out');
  });

  it('refreshes the QR while waiting and serves it as PNG or JSON', async ({ t }) => {
    const dev = (await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'QR' } })).json();
    const early = await t.request({ method: 'GET', url: `/v1/devices/${dev.id}/qr` });
    expect(early.statusCode).toBe(409);
    await t.request({ method: 'POST', url: `/v1/devices/${dev.id}/connect` });
    await eventually(async () => (await statusOf(dev.id)) === 'qr');
    const first = (
      await t.request({
        method: 'GET',
        url: `/v1/devices/${dev.id}/qr`,
        headers: { accept: 'application/json' },
      })
    ).json();
    expect(first.qr).toContain(dev.id);
    expect(first.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now() - 1000);
    const png = await t.request({ method: 'GET', url: `/v1/devices/${dev.id}/qr` });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const next = await eventually(async () => {
      const now = (
        await t.request({
          method: 'GET',
          url: `/v1/devices/${dev.id}/qr`,
          headers: { accept: 'application/json' },
        })
      ).json();
      return now.qr !== first.qr ? now : undefined;
    });
    expect(next.qr).not.toBe(first.qr);
  });

  it('links by pairing code', async ({ t }) => {
    const dev = (await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Code' } })).json();
    const res = await t.request({
      method: 'POST',
      url: `/v1/devices/${dev.id}/pairing-code`,
      payload: { phone: '+15550005555' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toMatch(/^[A-Z0-9]{8}$/);
    await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${dev.id}/scan`,
      payload: { phone: '+15550005555' },
    });
    await eventually(async () => (await statusOf(dev.id)) === 'connected');
  });

  it('renames, changes pacing, lists and deletes', async ({ t }) => {
    const id = await linkSandboxDevice(t, { phone: '+15550006666' });
    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/devices/${id}`,
      payload: { name: 'Renamed', pacing: { minIntervalMs: 10, perMinute: 5 } },
    });
    expect(patched.json()).toMatchObject({
      name: 'Renamed',
      pacing: { minIntervalMs: 10, perMinute: 5, jitterMs: 0 },
    });
    const list = (await t.request({ method: 'GET', url: '/v1/devices?limit=100' })).json();
    expect(list.data.map((d: { id: string }) => d.id)).toContain(id);
    expect((await t.request({ method: 'DELETE', url: `/v1/devices/${id}` })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/v1/devices/${id}` })).statusCode).toBe(404);
  });

  it('streams status changes and QR codes over SSE', async ({ t }) => {
    const dev = (await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Live' } })).json();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${address.port}/v1/devices/${dev.id}/events`, {
      headers: { authorization: `Bearer ${t.apiKey}` },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    await t.request({ method: 'POST', url: `/v1/devices/${dev.id}/connect` });
    while (!text.includes('event: qr')) text += new TextDecoder().decode((await reader.read()).value);
    await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${dev.id}/scan`,
      payload: { phone: '+15550007777' },
    });
    while (!text.includes('"status":"connected"'))
      text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: status');
    controller.abort();
  });
});
