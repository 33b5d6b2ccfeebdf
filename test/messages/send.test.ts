import { describe, expect } from 'vitest';
import { eventually, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { linkSandboxDevice, sendText, waitForStatus } from '../helpers/sandbox.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;

let deviceId: string;

it.beforeAll(async ({ t: app }) => {
  t = app;
  deviceId = await linkSandboxDevice(t, { phone: '+15550001000' });
});

const inbox = async (to: string) =>
  (await t.request({ method: 'GET', url: `/v1/sandbox/messages?to=${encodeURIComponent(to)}` })).json()
    .data as Array<{ text: string; status: string }>;

describe('sending', () => {
  it('accepts a text (202), hands it to WhatsApp and follows it to read', async ({ t }) => {
    const res = await sendText(t, '+1 (555) 123-4567', 'Hello there', { metadata: { orderId: 42 } });
    expect(res.statusCode).toBe(202);
    const msg = res.json();
    expect(msg).toMatchObject({
      status: 'queued',
      to: '+15551234567',
      deviceId,
      direction: 'out',
      type: 'text',
      body: 'Hello there',
      metadata: { orderId: 42 },
      priority: 'normal',
      source: 'api',
    });
    await waitForStatus(t, msg.id, 'read');
    const full = (await t.request({ method: 'GET', url: `/v1/messages/${msg.id}` })).json();
    expect(full.timeline.map((s: { status: string }) => s.status)).toEqual([
      'queued',
      'sending',
      'sent',
      'delivered',
      'read',
    ]);
    expect((await inbox('+15551234567'))[0]).toMatchObject({ text: 'Hello there', status: 'read' });
    const events = publishedEvents(t, (e) => e.type.startsWith('message.'));
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['message.sent', 'message.delivered', 'message.read']),
    );
  });

  it.each([
    ['+15555550101', 'failed', 'RECIPIENT_NOT_ON_WHATSAPP'],
    ['+15555550102', 'failed', 'SEND_FAILED'],
  ])('magic number %s ends %s with %s', async (to, status, code) => {
    const msg = (await sendText(t, to, 'magic')).json();
    await waitForStatus(t, msg.id, status);
    expect((await t.request({ method: 'GET', url: `/v1/messages/${msg.id}` })).json().error.code).toBe(code);
  });

  it('+15555550103 is sent but never delivered; +15555550104 delivered but never read', async ({ t }) => {
    const a = (await sendText(t, '+15555550103', 'never delivered')).json();
    const b = (await sendText(t, '+15555550104', 'never read')).json();
    const control = (await sendText(t, '+15550009876', 'control')).json();
    await waitForStatus(t, control.id, 'read');
    await waitForStatus(t, b.id, 'delivered');
    expect((await t.request({ method: 'GET', url: `/v1/messages/${a.id}` })).json().status).toBe('sent');
  });

  it('sends templates with variables and names a missing one', async ({ t }) => {
    const tpl = (
      await t.request({
        method: 'POST',
        url: '/v1/templates',
        payload: { name: 'otp', body: 'Your code is {{code}}. Hi {{name}}!' },
      })
    ).json();
    expect(tpl.variables).toEqual(['code', 'name']);
    const ok = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: {
        to: '+15551112233',
        type: 'template',
        template: { name: 'otp', variables: { code: 123456, name: 'Ana' } },
      },
    });
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toMatchObject({
      body: 'Your code is 123456. Hi Ana!',
      templateId: tpl.id,
      type: 'template',
    });
    const missing = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15551112233', type: 'template', template: { id: tpl.id, variables: { code: 1 } } },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('"name"');
    const dup = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'otp', body: 'x' },
    });
    expect(dup.statusCode).toBe(409);
    const unknown = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15551112233', type: 'template', template: { name: 'nope' } },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('expires a queued message that was not handed off in time', async ({ t }) => {
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
    );
    const refused = await sendText(t, '+15551234000', 'no device');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('SESSION_DISCONNECTED');
    const waiting = (await sendText(t, '+15551234000', 'will wait', { queueIfDisconnected: true })).json();
    const expiring = (
      await sendText(t, '+15551234001', 'will expire', { queueIfDisconnected: true, ttlSeconds: 1 })
    ).json();
    await waitForStatus(t, expiring.id, 'expired');
    expect((await t.request({ method: 'GET', url: `/v1/messages/${expiring.id}` })).json().error.code).toBe(
      'EXPIRED',
    );
    await t.request({ method: 'POST', url: `/v1/devices/${deviceId}/connect` });
    await waitForStatus(t, waiting.id, 'read');
    expect((await inbox('+15551234001')).length).toBe(0);
  });

  it('cancels queued messages only', async ({ t }) => {
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
    );
    const msg = (await sendText(t, '+15551234002', 'cancel me', { queueIfDisconnected: true })).json();
    const canceled = await t.request({ method: 'POST', url: `/v1/messages/${msg.id}/cancel` });
    expect(canceled.json().status).toBe('canceled');
    expect((await t.request({ method: 'POST', url: `/v1/messages/${msg.id}/cancel` })).statusCode).toBe(409);
    await t.request({ method: 'POST', url: `/v1/devices/${deviceId}/connect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'connected',
    );
  });

  it('filters and pages the log', async ({ t }) => {
    for (let i = 0; i < 3; i++) await sendText(t, '+15557770000', `page ${i}`);
    const page1 = (await t.request({ method: 'GET', url: '/v1/messages?to=%2B15557770000&limit=2' })).json();
    expect(page1.data.map((m: { body: string }) => m.body)).toEqual(['page 2', 'page 1']);
    const page2 = (
      await t.request({
        method: 'GET',
        url: `/v1/messages?to=%2B15557770000&limit=2&cursor=${page1.nextCursor}`,
      })
    ).json();
    expect(page2.data.map((m: { body: string }) => m.body)).toEqual(['page 0']);
    expect(page2.nextCursor).toBeNull();
    const failed = (await t.request({ method: 'GET', url: '/v1/messages?status=failed&limit=100' })).json();
    expect(failed.data.every((m: { status: string }) => m.status === 'failed')).toBe(true);
    const future = (
      await t.request({
        method: 'GET',
        url: `/v1/messages?since=${new Date(Date.now() + 60_000).toISOString()}`,
      })
    ).json();
    expect(future.data).toEqual([]);
    const byDevice = (
      await t.request({ method: 'GET', url: `/v1/messages?deviceId=${deviceId}&direction=out&limit=1` })
    ).json();
    expect(byDevice.data[0].deviceId).toBe(deviceId);
  });

  it('checks whether a number is on WhatsApp', async ({ t }) => {
    expect(
      (
        await t.request({ method: 'POST', url: '/v1/contacts/check', payload: { phone: '+15555550101' } })
      ).json(),
    ).toEqual({ phone: '+15555550101', onWhatsApp: false, jid: null });
    expect(
      (
        await t.request({ method: 'POST', url: '/v1/contacts/check', payload: { phone: '+15551234567' } })
      ).json(),
    ).toEqual({ phone: '+15551234567', onWhatsApp: true, jid: '15551234567@s.whatsapp.net' });
  });

  it('counts sent messages in the workspace usage', async ({ t }) => {
    const ws = (await t.request({ method: 'GET', url: '/v1/workspace' })).json();
    expect(ws.usage.messagesSent).toBeGreaterThan(5);
    expect(ws.usage.devices).toBe(1);
  });
});
