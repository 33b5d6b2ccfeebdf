import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

type Envelope = {
  error: { code: string; message: string; details: Array<{ field: string; message: string }> };
};

// A JSON encoder writes an unset field as null (Python's None, a Go pointer, a JavaScript object
// built with `?? null`). Where the field takes no null, the refusal names the null: before, type
// coercion turned it into "", 0 or false first, and the message was about that value instead.
describe('a null where the field takes none', () => {
  it('is refused as a null, naming every such field', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: null, type: 'text', text: { body: null }, deviceId: null, queueIfDisconnected: true },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as Envelope;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('body.to must not be null');
    expect(error.details).toEqual([
      { field: 'body.to', message: 'must not be null' },
      { field: 'body.text.body', message: 'must not be null' },
      { field: 'body.deviceId', message: 'must not be null; leave the field out instead' },
    ]);
  });

  it('is refused in an optional field of a verification, which before said the email was malformed', async ({
    t,
  }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/verifications',
      payload: { to: '+15551234567', email: null, codeLength: null },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Envelope).error.details).toEqual([
      { field: 'body.email', message: 'must not be null; leave the field out instead' },
      { field: 'body.codeLength', message: 'must not be null; leave the field out instead' },
    ]);
  });

  it('is refused in a template variable, which before was sent as an empty text', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { to: '+15551234567', type: 'template', template: { name: 'x', variables: { name: null } } },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Envelope).error.message).toBe(
      'body.template.variables.name must not be null; leave the field out instead',
    );
  });

  it('still clears a field that takes null, and is kept inside metadata', async ({ t }) => {
    const named = await t.request({
      method: 'PATCH',
      url: '/v1/contacts/+15551234567',
      payload: { displayName: 'Ana', notes: 'VIP' },
    });
    expect(named.statusCode).toBe(200);
    const cleared = await t.request({
      method: 'PATCH',
      url: '/v1/contacts/+15551234567',
      payload: { displayName: null, notes: null },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ displayName: null, notes: null });

    await linkSandboxDevice(t);
    const sent = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: {
        to: '+15551234567',
        type: 'text',
        text: { body: 'Hello' },
        metadata: { order: null, nested: { at: null } },
      },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    expect(sent.json()).toMatchObject({ metadata: { order: null, nested: { at: null } } });
  });
});

describe('a query parameter given twice', () => {
  it('is refused as given twice, not for its type', async ({ t }) => {
    const res = await t.request({
      method: 'GET',
      url: '/v1/messages?status=queued&status=sent&limit=1&limit=2',
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as Envelope;
    expect(error.message).toBe('querystring.status must be given once');
    expect(error.details).toEqual([
      { field: 'querystring.status', message: 'must be given once' },
      { field: 'querystring.limit', message: 'must be given once' },
    ]);
  });

  it('is still taken once', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1/messages?status=queued&limit=1' });
    expect(res.statusCode).toBe(200);
  });
});
