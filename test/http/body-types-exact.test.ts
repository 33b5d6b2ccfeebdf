import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

type Envelope = {
  error: { code: string; message: string; details: Array<{ field: string; message: string }> };
};

// A JSON body says what type each value is. Before, Ajv coerced a body's values the way it must
// coerce a query string's: `true` became the text "true" and was sent to the customer, a string
// became a one-item list, "false" became false. The body is now taken as written.
describe('a JSON body value of the wrong type', () => {
  it('is refused, and no message is stored, where before `true` was sent as the text "true"', async ({
    t,
  }) => {
    await linkSandboxDevice(t);
    for (const body of [true, 123]) {
      const res = await t.request({
        method: 'POST',
        url: '/v1/messages',
        payload: { to: '+15551234567', type: 'text', text: { body } },
      });
      expect(res.statusCode).toBe(400);
      expect((res.json() as Envelope).error).toMatchObject({
        code: 'VALIDATION_ERROR',
        message: 'body.text.body must be a string',
      });
    }
    const log = await t.request({ method: 'GET', url: '/v1/messages' });
    expect(log.json()).toMatchObject({ data: [] });
  });

  it('names the type each field takes', async ({ t }) => {
    const cases: Array<{ url: string; payload: object; field: string; message: string }> = [
      {
        url: '/v1/messages',
        payload: { to: 15551234567, type: 'text', text: { body: 'hi' } },
        field: 'body.to',
        message: 'must be a string',
      },
      {
        url: '/v1/messages',
        payload: { to: '+15551234567', type: 'text', text: { body: 'hi' }, queueIfDisconnected: 'false' },
        field: 'body.queueIfDisconnected',
        message: 'must be true or false',
      },
      {
        url: '/v1/verifications',
        payload: { to: '+15551234567', codeLength: '6' },
        field: 'body.codeLength',
        message: 'must be a whole number',
      },
      {
        url: '/v1/api-keys',
        payload: { name: 'ci', scopes: 'messages' },
        field: 'body.scopes',
        message: 'must be a list (a JSON array)',
      },
    ];
    for (const { url, payload, field, message } of cases) {
      const res = await t.request({ method: 'POST', url, payload });
      expect(res.statusCode, url).toBe(400);
      expect((res.json() as Envelope).error.details, url).toEqual([{ field, message }]);
    }
    const keys = await t.request({ method: 'GET', url: '/v1/api-keys' });
    expect((keys.json() as { data: Array<{ name: string }> }).data.map((k) => k.name)).not.toContain('ci');
  });

  it('is refused for a code sent as a number, without using up an attempt', async ({ t }) => {
    // A client that turns the code the user typed into a number sends 12345 for "012345": before,
    // that was checked as a wrong code of five digits and cost the user an attempt.
    await linkSandboxDevice(t);
    const created = await t.request({
      method: 'POST',
      url: '/v1/verifications',
      payload: { to: '+15557654321' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const check = await t.request({
      method: 'POST',
      url: `/v1/verifications/${id}/check`,
      payload: { code: 12345 },
    });
    expect(check.statusCode).toBe(400);
    expect((check.json() as Envelope).error.message).toBe('body.code must be a string');
    const after = await t.request({ method: 'GET', url: `/v1/verifications/${id}` });
    expect(after.json()).toMatchObject({ status: 'pending', remainingAttempts: 5 });
  });

  it('is refused for a 0 where the field takes 1 or more, or null: before, 0 became null, no cap at all', async ({
    t,
  }) => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/devices',
      payload: { name: 'Paced', pacing: { perMinute: 20, perDay: 500 } },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    for (const pacing of [{ perMinute: 0 }, { perDay: 0 }, { perDay: false }]) {
      const res = await t.request({ method: 'PATCH', url: `/v1/devices/${id}`, payload: { pacing } });
      expect(res.statusCode, JSON.stringify(pacing)).toBe(400);
      expect((res.json() as Envelope).error.code).toBe('VALIDATION_ERROR');
    }
    const device = await t.request({ method: 'GET', url: `/v1/devices/${id}` });
    expect(device.json()).toMatchObject({ pacing: { perMinute: 20, perDay: 500 } });
  });

  it('is still read from a query string, where every value arrives as text', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1/messages?limit=1' });
    expect(res.statusCode).toBe(200);
    const refused = await t.request({ method: 'GET', url: '/v1/messages?limit=many' });
    expect(refused.statusCode).toBe(400);
  });
});
