import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

const cursorOf = (text: string) => Buffer.from(`v1:${text}`, 'utf8').toString('base64url');

// A cursor is opaque but only base64: a forged one with the list's prefix and a NUL character
// reached PostgreSQL, which cannot hold a NUL in text, and the list answered 500.
describe('a forged cursor', () => {
  it('is a 400 on every list, whatever it holds', async ({ t }) => {
    const lists: Array<[string, string]> = [
      ['/v1/messages', 'msg'],
      ['/v1/templates', 'tpl'],
      ['/v1/devices', 'dev'],
      ['/v1/api-keys', 'key'],
      ['/v1/webhooks', 'whk'],
      ['/v1/verifications', 'ver'],
      ['/v1/audit-log', 'aud'],
      ['/v1/conversations', `${new Date().toISOString()}|cnv`],
    ];
    for (const [url, prefix] of lists) {
      for (const forged of [
        `${prefix}_\u0000abc`,
        `${prefix}_01m8tk7edc9fex4yqbhr8mve70\u0000`,
        `${prefix}_é`,
      ]) {
        const res = await t.request({ method: 'GET', url: `${url}?cursor=${cursorOf(forged)}` });
        expect(res.statusCode, `${url} ${JSON.stringify(forged)}`).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION_ERROR');
      }
    }
    // Bytes that are not UTF-8 at all.
    const bytes = Buffer.concat([Buffer.from('v1:msg_'), Buffer.from([0xff, 0xfe, 0x00])]).toString(
      'base64url',
    );
    const res = await t.request({ method: 'GET', url: `/v1/messages?cursor=${bytes}` });
    expect(res.statusCode).toBe(400);
  });
});
