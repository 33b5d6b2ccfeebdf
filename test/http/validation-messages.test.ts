import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

type Envelope = {
  error: { code: string; message: string; details: Array<{ field: string; message: string }> };
};

// A refused field is named once, with what it takes: a field that takes one of a few values (a
// message's type, its priority, a status filter) or one of a few types (a template variable) says
// which, not each alternative the validator tried; a missing field says it is required.
describe('what a validation error says', () => {
  it('names the values a body field takes', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15551234567', type: 'txt', text: { body: 'Hello' } },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as Envelope;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('body.type must be one of text, template, image, video, audio or document');
    expect(error.details).toEqual([
      { field: 'body.type', message: 'must be one of text, template, image, video, audio or document' },
    ]);

    const priority = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15551234567', type: 'text', text: { body: 'Hello' }, priority: 'urgent' },
    });
    expect((priority.json() as Envelope).error.message).toBe(
      'body.priority must be one of low, normal or high',
    );
  });

  it('names the values a query filter takes', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1/messages?direction=sideways' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as Envelope;
    expect(error.message).toBe('querystring.direction must be one of in or out');
    expect(error.details).toHaveLength(1);
  });

  it('names the types a value may have', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: {
        to: '+15551234567',
        type: 'template',
        template: { name: 'x', variables: { code: { digits: 6 } } },
      },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as Envelope;
    expect(error.message).toBe('body.template.variables.code must be a string, number or boolean');
    expect(error.details).toHaveLength(1);
  });

  it('says a missing field is required, naming it once', async ({ t }) => {
    const res = await t.request({ method: 'POST', url: '/v1/messages', payload: { type: 'text' } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as Envelope;
    expect(error.message).toBe('body.to is required');
    expect(error.details).toEqual([{ field: 'body.to', message: 'is required' }]);
  });

  it('says what an id, a code and a name look like instead of quoting a regular expression', async ({
    t,
  }) => {
    const check = await t.request({
      method: 'POST',
      url: '/v1/verifications/msg_01m8qzqda6a27aas9vkm0gc0w7/check',
      payload: { code: '12a' },
    });
    expect(check.statusCode).toBe(400);
    expect((check.json() as Envelope).error.details).toEqual([
      { field: 'params.id', message: 'must be an id: ver_ followed by 26 lowercase letters and digits' },
    ]);

    const code = await t.request({
      method: 'POST',
      url: '/v1/verifications/ver_01m8qzqda6a27aas9vkm0gc0w7/check',
      payload: { code: '12 34' },
    });
    expect((code.json() as Envelope).error.message).toBe('body.code must be 4 to 10 digits');

    const device = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: '   ' } });
    expect(device.statusCode).toBe(400);
    expect((device.json() as Envelope).error.message).toBe('body.name must not be only whitespace');

    const send = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15551234567', type: 'text', text: { body: 'Hi' }, deviceId: 'dev_1' },
    });
    expect((send.json() as Envelope).error.message).toBe(
      'body.deviceId must be an id: dev_ followed by 26 lowercase letters and digits',
    );
  });

  it("says sizes and types in words, not in Ajv's terms", async ({ t }) => {
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/v1/devices', [{ name: 'Line' }], 'body must be a JSON object'],
      [
        'POST',
        '/v1/messages',
        { to: '+1', type: 'text', text: { body: 'Hi' } },
        'body.to must be at least 5 characters long',
      ],
      ['POST', '/v1/devices', { name: 'x'.repeat(101) }, 'body.name must be at most 100 characters long'],
      [
        'POST',
        '/v1/webhooks',
        { url: 'https://hooks.example.com/in', events: [] },
        'body.events must list at least 1 item',
      ],
      [
        'POST',
        '/v1/webhooks',
        { url: 'https://hooks.example.com/in', events: ['message.sent', 'message.sent'] },
        'body.events must not list the same value twice',
      ],
      ['PATCH', '/v1/workspace', { verification: 'sms' }, 'body.verification must be a JSON object'],
      [
        'PATCH',
        '/v1/workspace',
        { verification: { codeLength: 6.5 } },
        'body.verification.codeLength must be a whole number',
      ],
    ];
    for (const [method, url, payload, said] of cases) {
      const res = await t.request({ method: method as 'POST' | 'PATCH', url, payload: payload as object });
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as Envelope).error.message, JSON.stringify(payload)).toBe(said);
    }
  });

  it('says what a webhook URL, a template name and a preset id look like', async ({ t }) => {
    const webhook = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: { url: 'ftp://hooks.example.com/in', events: ['message.sent'] },
    });
    expect((webhook.json() as Envelope).error.message).toBe('body.url must be an http:// or https:// URL');

    const template = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: '#welcome', body: 'Hi' },
    });
    expect((template.json() as Envelope).error.message).toBe(
      'body.name must start with a letter or digit and hold only letters, digits, spaces and _ . -',
    );

    const preset = await t.request({ method: 'POST', url: '/v1/auto-replies/presets/Opt_Out', payload: {} });
    expect((preset.json() as Envelope).error.message).toBe(
      'params.presetId must be a preset id (lowercase letters, digits and -), as GET /v1/auto-replies/presets lists',
    );
  });

  it('says what a date, an email address and a yes-or-no look like', async ({ t }) => {
    const since = await t.request({ method: 'GET', url: '/v1/messages?since=yesterday' });
    expect((since.json() as Envelope).error.message).toBe(
      'querystring.since must be a date and time in ISO 8601 with its offset, like 2026-11-26T06:58:02Z',
    );
    const optedOut = await t.request({ method: 'GET', url: '/v1/contacts?optedOut=yes' });
    expect((optedOut.json() as Envelope).error.message).toBe('querystring.optedOut must be true or false');
    const email = await t.request({
      method: 'POST',
      url: '/v1/verifications',
      payload: { to: '+15551234567', email: 'ana' },
    });
    expect((email.json() as Envelope).error.message).toBe('body.email must be an email address');
  });

  it('says a number out of range in words, once, where the field also takes null', async ({ t }) => {
    // Before: `must be >= 60`; and for a pacing cap, which takes a number or null, three entries
    // (`must be >= 1`, `must be null`, `must match a schema in anyOf`) for one mistake.
    const ttl = await t.request({
      method: 'POST',
      url: '/v1/verifications',
      payload: { to: '+15551234567', ttlSeconds: 5 },
    });
    expect((ttl.json() as Envelope).error.details).toEqual([
      { field: 'body.ttlSeconds', message: 'must be at least 60' },
    ]);
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Capped' } });
    const { id } = created.json<{ id: string }>();
    const cases: Array<[object, string, string]> = [
      [{ perMinute: 0 }, 'body.pacing.perMinute', 'must be at least 1, or null'],
      [{ perDay: 2_000_000 }, 'body.pacing.perDay', 'must be at most 1000000, or null'],
      [{ minIntervalMs: -1 }, 'body.pacing.minIntervalMs', 'must be at least 0'],
    ];
    for (const [pacing, field, message] of cases) {
      const res = await t.request({ method: 'PATCH', url: `/v1/devices/${id}`, payload: { pacing } });
      expect(res.statusCode).toBe(400);
      expect((res.json() as Envelope).error.details, JSON.stringify(pacing)).toEqual([{ field, message }]);
    }
  });
});
