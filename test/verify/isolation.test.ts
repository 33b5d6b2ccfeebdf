import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, otherWorkspace } from '../helpers/app.js';
import { check, freshPhone, startVerification, startVerifyKit, whatsappCode, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ sms: false, email: false });
});
afterAll(async () => {
  await kit.close();
});

describe('tenant isolation', () => {
  it('keeps one workspace from seeing or touching another one’s verifications', async () => {
    const to = freshPhone();
    const mine = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to);
    const other = await otherWorkspace(kit.t);
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      kit.t.request({ method, url, payload, key: other.apiKey });

    expect((await as('GET', `/v1/verifications/${mine.id}`)).statusCode).toBe(404);
    expect((await as('POST', `/v1/verifications/${mine.id}/check`, { code })).statusCode).toBe(404);
    expect((await as('POST', `/v1/verifications/${mine.id}/resend`, {})).statusCode).toBe(404);
    expect((await as('POST', `/v1/verifications/${mine.id}/cancel`)).statusCode).toBe(404);
    expect((await as('POST', '/v1/verifications/check', { to, code })).statusCode).toBe(404);
    expect((await as('GET', '/v1/verifications')).json().data).toEqual([]);
    // The other workspace has no device: its own verification cannot reach WhatsApp, and fails.
    const theirs = await as('POST', '/v1/verifications', { to });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().status).toBe('failed');
    expect(theirs.json().sendAttempts[0].reason).toBe('SESSION_DISCONNECTED');

    // Mine is untouched by all of that.
    expect((await check(kit.t, mine.id, code)).json().status).toBe('approved');
  });

  it('needs the verify scope', async () => {
    const key = await createKey(kit.t, ['messages']);
    const res = await kit.t.request({ method: 'GET', url: '/v1/verifications', key });
    expect(res.statusCode).toBe(403);
    expect((await kit.t.request({ method: 'GET', url: '/v1/verifications', key: null })).statusCode).toBe(
      401,
    );
  });
});
