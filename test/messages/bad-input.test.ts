import { describe, expect } from 'vitest';
import { otherWorkspace, type TestApp } from '../helpers/app.js';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;

let deviceId: string;
let messageId: string;
let templateId: string;

it.beforeAll(async ({ t: app }) => {
  t = app;
  deviceId = await linkSandboxDevice(t);
  messageId = (await sendText(t, '+15551230000', 'mine')).json().id;
  templateId = (
    await t.request({ method: 'POST', url: '/v1/templates', payload: { name: 'mine', body: 'Hi {{x}}' } })
  ).json().id;
});

describe('bad input on devices, messages, templates and the sandbox → 4xx envelope', () => {
  const cases: Array<[string, string, unknown?]> = [
    ['POST', '/v1/messages', { to: '+15551234567', type: 'text' }],
    ['POST', '/v1/messages', { to: 'not a number', type: 'text', text: { body: 'x' } }],
    ['POST', '/v1/messages', { to: '+1555', type: 'text', text: { body: 'x' } }],
    ['POST', '/v1/messages', { to: '+15551234567', type: 'video', text: { body: 'x' } }],
    ['POST', '/v1/messages', { to: '+15551234567', type: 'text', text: { body: '' } }],
    ['POST', '/v1/messages', { to: '+15551234567', type: 'text', text: { body: 'x' }, priority: 'urgent' }],
    [
      'POST',
      '/v1/messages',
      {
        to: '+15551234567',
        type: 'text',
        text: { body: 'x' },
        ttlSeconds: 10,
        expiresAt: '2030-01-01T00:00:00Z',
      },
    ],
    [
      'POST',
      '/v1/messages',
      { to: '+15551234567', type: 'text', text: { body: 'x' }, expiresAt: '2001-01-01T00:00:00Z' },
    ],
    ['POST', '/v1/messages', { to: '+15551234567', type: 'text', text: { body: 'x' }, deviceId: 'dev_nope' }],
    ['POST', '/v1/messages', { to: '+15551234567', type: 'template' }],
    ['GET', '/v1/messages?status=lost'],
    ['GET', '/v1/messages?since=yesterday'],
    ['GET', '/v1/messages/msg_bad'],
    ['POST', '/v1/devices', {}],
    ['POST', '/v1/devices', { name: 'x', engine: 'telegram' }],
    ['POST', '/v1/devices', { name: 'x', pacing: { minIntervalMs: -1 } }],
    ['PATCH', '/v1/devices/dev_01m8b9h1cdef936fj2a94dxtvj', { name: '' }],
    ['POST', '/v1/devices/dev_01m8b9h1cdef936fj2a94dxtvj/pairing-code', { phone: 'abc' }],
    ['POST', '/v1/templates', { name: '', body: 'x' }],
    ['POST', '/v1/templates', { name: 'ok', body: 'x', extra: true }],
    ['POST', '/v1/sandbox/devices/dev_01m8b9h1cdef936fj2a94dxtvj/scan', {}],
    ['POST', '/v1/sandbox/inbound', { deviceId: 'dev_x', from: '+15551234567', text: 'hi' }],
    ['GET', '/v1/sandbox/messages?to=%2B1&limit=0'],
    ['POST', '/v1/contacts/check', { phone: 'nope' }],
  ];
  it.each(cases)('%s %s', async (method, url, payload) => {
    const res = await t.request({ method: method as 'GET', url, payload: payload as object });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toBeTypeOf('string');
  });
});

describe('tenant isolation on devices, messages, templates and the sandbox', () => {
  it('another workspace sees none of it and cannot touch it', async ({ t }) => {
    const b = await otherWorkspace(t);
    const key = b.apiKey;
    const get = (url: string) => t.request({ method: 'GET', url, key });
    expect((await get('/v1/devices')).json().data).toEqual([]);
    expect((await get(`/v1/devices/${deviceId}`)).statusCode).toBe(404);
    expect((await get(`/v1/devices/${deviceId}/qr`)).statusCode).toBe(404);
    expect((await get(`/v1/devices/${deviceId}/events`)).statusCode).toBe(404);
    expect((await get('/v1/messages')).json().data).toEqual([]);
    expect((await get(`/v1/messages/${messageId}`)).statusCode).toBe(404);
    expect((await get('/v1/templates')).json().data).toEqual([]);
    expect((await get(`/v1/templates/${templateId}`)).statusCode).toBe(404);
    expect((await get('/v1/sandbox/messages')).json().data).toEqual([]);
    const post = (url: string, payload: object = {}) => t.request({ method: 'POST', url, payload, key });
    expect((await post(`/v1/devices/${deviceId}/connect`)).statusCode).toBe(404);
    expect((await post(`/v1/devices/${deviceId}/logout`)).statusCode).toBe(404);
    expect((await post(`/v1/messages/${messageId}/cancel`)).statusCode).toBe(404);
    expect((await post(`/v1/sandbox/devices/${deviceId}/scan`, { phone: '+15550001111' })).statusCode).toBe(
      404,
    );
    expect((await post(`/v1/sandbox/devices/${deviceId}/disconnect`)).statusCode).toBe(404);
    expect(
      (await post('/v1/sandbox/inbound', { deviceId, from: '+15551234567', text: 'hi' })).statusCode,
    ).toBe(404);
    expect(
      (await post('/v1/messages', { deviceId, to: '+15551234567', type: 'text', text: { body: 'x' } }))
        .statusCode,
    ).toBe(404);
    const noDevice = await post('/v1/messages', { to: '+15551234567', type: 'text', text: { body: 'x' } });
    expect(noDevice.json().error.code).toBe('SESSION_DISCONNECTED');
    expect(
      (await post('/v1/messages', { to: '+15551234567', type: 'template', template: { id: templateId } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'PATCH', url: `/v1/devices/${deviceId}`, payload: { name: 'x' }, key }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'PATCH', url: `/v1/templates/${templateId}`, payload: { name: 'x' }, key }))
        .statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/v1/templates/${templateId}`, key })).statusCode).toBe(
      404,
    );
    expect((await t.request({ method: 'DELETE', url: `/v1/devices/${deviceId}`, key })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).statusCode).toBe(200);
  });
});
