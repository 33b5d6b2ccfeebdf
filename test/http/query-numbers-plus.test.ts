import { describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';

const it = appTest();

type Listed = { data: Array<{ to: string }> };

// `?to=+15551234567` written without encoding the `+` arrives as a space (form encoding). Every
// filter by number takes it as the `+` it was; the message log always did, the verifications list
// and the sandbox's received messages answered 400 "must be a phone number in international format".
describe('a number filter with its + unencoded', () => {
  it('lists what the encoded one lists', async ({ t }) => {
    await linkSandboxDevice(t);
    const to = '+15557001234';
    expect((await sendText(t, to, 'Hello')).statusCode).toBe(202);
    const verification = await t.request({ method: 'POST', url: '/v1/verifications', payload: { to } });
    expect(verification.statusCode).toBe(201);

    for (const path of ['/v1/messages', '/v1/verifications', '/v1/sandbox/messages']) {
      // The sandbox lists a message once the line has sent it.
      const encoded = await eventually(async () => {
        const res = await t.request({ method: 'GET', url: `${path}?to=%2B15557001234` });
        return res.statusCode === 200 && (res.json() as Listed).data.length > 0 ? res : undefined;
      });
      const raw = await t.request({ method: 'GET', url: `${path}?to=+15557001234` });
      expect(raw.statusCode, `${path}: ${raw.body}`).toBe(200);
      expect((raw.json() as Listed).data.map((m) => m.to)).toEqual(
        (encoded.json() as Listed).data.map((m) => m.to),
      );
    }
  });

  it('names the query field when the number is not one', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1/verifications?to=12' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: unknown } }).error.details).toEqual([
      { field: 'querystring.to', message: 'is not a possible phone number with country code' },
    ]);
  });
});
