import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

// A linked line, so that a send gets as far as storing its message.
it.beforeAll(async ({ t }) => {
  await linkSandboxDevice(t);
});

type Envelope = {
  error: { code: string; message: string; details: Array<{ field: string; message: string }> };
};

function expectRefused(res: { statusCode: number; body: string; json(): unknown }, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json() as Envelope;
  expect(error.code).toBe('VALIDATION_ERROR');
  expect(error.message).toBe(`${field} must not contain the NUL character (U+0000)`);
  expect(error.details).toEqual([{ field, message: 'must not contain the NUL character (U+0000)' }]);
}

const messageCount = async (t: TestApp) =>
  Number(
    (
      await t.app.ctx.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// PostgreSQL cannot store U+0000 in text (the statement fails: a 500 before), and SQLite's text
// functions stop at it: a request carrying it is refused, naming the field, on both databases.
describe('the NUL character in a request', () => {
  it('is refused in a JSON body, in a value or a key, and nothing is stored', async ({ t }) => {
    const send = (body: Record<string, unknown>) =>
      t.request({
        method: 'POST',
        url: '/v1/messages',
        payload: { to: '+15551234567', type: 'text', ...body },
      });
    expectRefused(await send({ text: { body: 'code\u0000123456' } }), 'body.text.body');
    expectRefused(
      await send({ text: { body: 'Hello' }, metadata: { order: 'a\u0000' } }),
      'body.metadata.order',
    );
    expectRefused(
      await send({ text: { body: 'Hello' }, metadata: { 'o\u0000rder': 'a' } }),
      'body.metadata.o\\u0000rder',
    );
    expect(await messageCount(t)).toBe(0);

    const device = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line\u0000' } });
    expectRefused(device, 'body.name');
    const check = await t.request({
      method: 'POST',
      url: '/v1/contacts/check',
      payload: { phones: ['+15551234567', '+1555\u0000'] },
    });
    expectRefused(check, 'body.phones.1');
  });

  it('is refused in a query string and a path', async ({ t }) => {
    for (const url of [
      '/v1/messages?q=%00abc',
      '/v1/messages/count?q=%00',
      '/v1/messages/export.csv?q=a%00',
      '/v1/conversations?q=%00x',
    ])
      expectRefused(await t.request({ method: 'GET', url }), 'querystring.q');
    expectRefused(await t.request({ method: 'GET', url: '/v1/contacts/%2B1555%00' }), 'params.phone');
  });

  it('is taken written otherwise: an escaped backslash before u0000 is text', async ({ t }) => {
    // A line to queue for (none connected).
    expect(
      (await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Line' } })).statusCode,
    ).toBe(201);
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages',
      headers: { 'content-type': 'application/json' },
      payload: '{"to":"+15551234567","type":"text","text":{"body":"a\\\\u0000"}}',
    });
    expect(res.statusCode, res.body).toBe(202);
    expect((res.json() as { body: string }).body).toBe('a\\u0000');
  });
});
