import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerification, freshPhone, startVerifyKit, whatsappCode, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ sms: false, email: false });
});
afterAll(async () => {
  await kit.close();
});

const template = async (name: string, body: string) =>
  (await kit.t.request({ method: 'POST', url: '/v1/templates', payload: { name, body } })).json<{
    id: string;
  }>();

describe('bad input', () => {
  it.each([
    ['a number without country code', { to: '5551234' }],
    ['an unknown field', { to: '+15551234567', foo: 1 }],
    ['a code too short', { to: '+15551234567', codeLength: 3 }],
    ['a code too long', { to: '+15551234567', codeLength: 11 }],
    ['a ttl under a minute', { to: '+15551234567', ttlSeconds: 59 }],
    ['a ttl over 15 minutes', { to: '+15551234567', ttlSeconds: 901 }],
    ['a channel timeout of 0', { to: '+15551234567', channelTimeoutSeconds: 0 }],
    ['an unknown channel', { to: '+15551234567', channels: ['pigeon'] }],
    ['no channel', { to: '+15551234567', channels: [] }],
    ['a repeated channel', { to: '+15551234567', channels: ['sms', 'sms'] }],
    ['email without an address', { to: '+15551234567', channels: ['email'] }],
    ['a bad email address', { to: '+15551234567', channels: ['email'], email: 'nope' }],
    ['an unshipped locale', { to: '+15551234567', locale: 'xx' }],
    [
      'both template id and name',
      { to: '+15551234567', templateId: 'tpl_01h000000000000000000000zz', templateName: 'x' },
    ],
  ])('refuses %s with 400', async (_what, payload) => {
    const res = await createVerification(kit.t, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_ERROR', requestId: expect.any(String) });
  });

  it('refuses malformed checks and ids', async () => {
    const id = 'ver_01h0000000000000000000000a';
    const letters = await kit.t.request({
      method: 'POST',
      url: `/v1/verifications/${id}/check`,
      payload: { code: '12ab56' },
    });
    expect(letters.statusCode).toBe(400);
    const badId = await kit.t.request({ method: 'GET', url: '/v1/verifications/msg_nope' });
    expect(badId.statusCode).toBe(400);
    const missing = await kit.t.request({ method: 'GET', url: `/v1/verifications/${id}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const notJson = await kit.t.request({
      method: 'POST',
      url: '/v1/verifications',
      payload: '{"to":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('takes a template with {{code}} and {{minutes}}, and refuses one without the code', async () => {
    const bad = await template('no-code', 'Hello there');
    const refused = await createVerification(kit.t, { to: freshPhone(), templateId: bad.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('{{code}}');
    const unknown = await createVerification(kit.t, { to: freshPhone(), templateName: 'missing' });
    expect(unknown.statusCode).toBe(404);

    await template('login', 'ACME login: {{code}} (valid {{minutes}} min)');
    const to = freshPhone();
    const created = await createVerification(kit.t, { to, templateName: 'login', ttlSeconds: 300 });
    expect(created.statusCode).toBe(201);
    const code = await whatsappCode(kit.t, to);
    const messageId = created.json().sendAttempts[0].messageId;
    const message = (await kit.t.request({ method: 'GET', url: `/v1/messages/${messageId}` })).json();
    expect(message.body).toBe('ACME login: •••••• (valid 5 min)');
    expect(message.templateId).toBe(created.json().templateId);
    expect(code).toHaveLength(6);
  });

  it('replays a create with the same Idempotency-Key instead of sending a second code', async () => {
    const payload = { to: freshPhone() };
    const headers = { 'idempotency-key': `verify-${payload.to}` };
    const first = await kit.t.request({ method: 'POST', url: '/v1/verifications', payload, headers });
    const second = await kit.t.request({ method: 'POST', url: '/v1/verifications', payload, headers });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const other = await kit.t.request({
      method: 'POST',
      url: '/v1/verifications',
      payload: { to: freshPhone() },
      headers,
    });
    expect(other.statusCode).toBe(409);
  });
});
