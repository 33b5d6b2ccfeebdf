import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  check,
  createVerification,
  freshPhone,
  startVerification,
  startVerifyKit,
  whatsappCode,
  wrongCode,
  type VerifyKit,
} from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ sms: false, email: false });
});
afterAll(async () => {
  await kit.close();
});

function expectRateLimited(res: LightMyRequestResponse, windowSeconds: number): void {
  expect(res.statusCode).toBe(429);
  expect(res.json().error.code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

const checkByNumber = (to: string, code: string) =>
  kit.t.request({ method: 'POST', url: '/v1/verifications/check', payload: { to, code } });

describe('abuse limits', () => {
  it('allows 5 sends per destination in 10 minutes', async () => {
    const to = freshPhone();
    for (let i = 0; i < 5; i++) await startVerification(kit.t, { to });
    expectRateLimited(await createVerification(kit.t, { to }), 600);
    // The refused one left nothing: no verification, no code message (on SQLite it was refused
    // inside the transaction that accepted its code message).
    const stored = async (table: 'verifications' | 'messages') =>
      (await kit.t.app.ctx.db.selectFrom(table).select('id').where('phone', '=', to).execute()).length;
    expect([await stored('verifications'), await stored('messages')]).toEqual([5, 5]);
    // Another destination is not affected.
    expect((await createVerification(kit.t, { to: freshPhone() })).statusCode).toBe(201);
  });

  it('counts resends as sends', async () => {
    const to = freshPhone();
    const { id } = await startVerification(kit.t, { to });
    for (let i = 0; i < 4; i++) {
      expect(
        (await kit.t.request({ method: 'POST', url: `/v1/verifications/${id}/resend` })).statusCode,
      ).toBe(200);
    }
    expectRateLimited(await kit.t.request({ method: 'POST', url: `/v1/verifications/${id}/resend` }), 600);
  });

  it('allows 10 failed checks per destination in an hour, across verifications', async () => {
    const to = freshPhone();
    for (let round = 1; round <= 2; round++) {
      const { id } = await startVerification(kit.t, { to });
      const code = await whatsappCode(kit.t, to, round);
      for (let i = 0; i < 5; i++) await check(kit.t, id, wrongCode(code));
    }
    // A new code does not buy new guesses: even the right one is refused for now.
    const { id } = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to, 3);
    expectRateLimited(await check(kit.t, id, code), 3600);
    expectRateLimited(await checkByNumber(to, code), 3600);
    // Refused, it took nothing: still pending, no check used.
    const after = await kit.t.request({ method: 'GET', url: `/v1/verifications/${id}` });
    expect(after.json()).toMatchObject({ status: 'pending', remainingAttempts: 5 });
  });

  it('counts wrong codes only: a right one writes nothing to the failed-check window', async () => {
    const to = freshPhone();
    const failedChecks = () =>
      kit.t.app.ctx.db
        .selectFrom('verification_limit_counts')
        .select(['second', 'count'])
        .where('kind', '=', 'failed_check')
        .where('subject', '=', to)
        .execute();
    const { id } = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to);
    const ok = await check(kit.t, id, code);
    expect(ok.json()).toEqual({ id, status: 'approved', remainingAttempts: 4 });
    // Not raised and taken back: no count at all, not even one of zero.
    expect(await failedChecks()).toEqual([]);

    const next = await startVerification(kit.t, { to });
    const nextCode = await whatsappCode(kit.t, to, 2);
    expect((await check(kit.t, next.id, wrongCode(nextCode))).json().status).toBe('pending');
    expect((await failedChecks()).map((s) => Number(s.count))).toEqual([1]);
  });

  it('answers a number never seen exactly like a known one', async () => {
    const unknown = freshPhone();
    for (let i = 0; i < 10; i++) expect((await checkByNumber(unknown, '123456')).statusCode).toBe(404);
    const refused = await checkByNumber(unknown, '123456');
    expectRateLimited(refused, 3600);

    const known = freshPhone();
    const { id } = await startVerification(kit.t, { to: known });
    const code = await whatsappCode(kit.t, known);
    for (let i = 0; i < 5; i++) await check(kit.t, id, wrongCode(code));
    for (let i = 0; i < 5; i++) await checkByNumber(known, wrongCode(code));
    const alsoRefused = await checkByNumber(known, code);
    expectRateLimited(alsoRefused, 3600);
    expect(alsoRefused.json().error.message.replace(/\d+ s$/, '')).toBe(
      refused.json().error.message.replace(/\d+ s$/, ''),
    );
  });
});
