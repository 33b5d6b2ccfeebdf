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

function expectRefused(
  res: { statusCode: number; body: string; json(): unknown },
  field: string,
  why: RegExp,
) {
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json() as Envelope;
  expect(error.code).toBe('VALIDATION_ERROR');
  expect(error.message).toMatch(why);
  expect(error.details).toHaveLength(1);
  expect(error.details[0]!.field).toBe(field);
  expect(error.details[0]!.message).toMatch(why);
}

const send = (t: TestApp, payload: string | Buffer) =>
  t.request({
    method: 'POST',
    url: '/v1/messages',
    headers: { 'content-type': 'application/json' },
    payload,
  });

const messageCount = async (t: TestApp) =>
  Number(
    (
      await t.app.ctx.db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const head = '{"to":"+15551234567","type":"text","text":{"body":"x';

// Invalid Unicode in a JSON body was taken and silently rewritten: a lone surrogate escape
// (`\ud800`) was stored as three U+FFFD on SQLite and one on PostgreSQL, and bytes that are not
// UTF-8 became U+FFFD. Both are now refused, naming the field, before anything is stored.
describe('invalid Unicode in a JSON body', () => {
  it('a lone surrogate escape is refused, in a value or a key', async ({ t }) => {
    const lone = /lone surrogate/;
    expectRefused(await send(t, `${head}\\ud800y"}}`), 'body.text.body', lone);
    expectRefused(await send(t, `${head}\\uDC00"}}`), 'body.text.body', lone);
    expectRefused(await send(t, `${head}\\ud83d"}}`), 'body.text.body', lone);
    expectRefused(
      await send(t, `${head}"},"metadata":{"order":"a\\ud800\\ud800"}}`),
      'body.metadata.order',
      lone,
    );
    expectRefused(
      await send(t, `${head}"},"metadata":{"o\\udfffrder":"a"}}`),
      'body.metadata.o\\udfffrder',
      lone,
    );
    expect(await messageCount(t)).toBe(0);
  });

  it('bytes that are not UTF-8 are refused, naming the field that holds them', async ({ t }) => {
    const utf8 = /not valid UTF-8/;
    const body = (bytes: number[]) =>
      Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from('y"}}')]);
    expectRefused(await send(t, body([0xff, 0xfe])), 'body.text.body', utf8);
    // A truncated sequence, and an encoded surrogate (UTF-8 does not encode those).
    expectRefused(await send(t, body([0xe2, 0x82])), 'body.text.body', utf8);
    expectRefused(await send(t, body([0xed, 0xa0, 0x80])), 'body.text.body', utf8);
    expect(await messageCount(t)).toBe(0);
  });

  it('valid text is taken as written: a pair of escapes, U+FFFD itself, an escaped backslash', async ({
    t,
  }) => {
    for (const [payload, stored] of [
      [`${head}\\ud83d\\ude00"}}`, 'x😀'],
      [`${head}\ufffd"}}`, 'x\ufffd'],
      [`${head}\\\\ud800"}}`, 'x\\ud800'],
    ] as const) {
      const res = await send(t, payload);
      expect(res.statusCode, res.body).toBe(202);
      expect((res.json() as { body: string }).body).toBe(stored);
    }
  });
});
