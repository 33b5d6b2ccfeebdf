import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../helpers/app.js';
import { createVerification, freshPhone, startVerifyKit, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ env: { WAPING_VERIFY_PER_MINUTE: '3' }, sms: false, email: false });
});
afterAll(async () => {
  await kit.close();
});

describe('per-workspace ceiling', () => {
  it('refuses verifications past WAPING_VERIFY_PER_MINUTE, whatever the number', async () => {
    for (let i = 0; i < 3; i++)
      expect((await createVerification(kit.t, { to: freshPhone() })).statusCode).toBe(201);
    const phone = freshPhone();
    const refused = await createVerification(kit.t, { to: phone });
    expect(refused.statusCode).toBe(429);
    // A refused start does not count as a code sent to its number either.
    const sends = await kit.t.app.ctx.db
      .selectFrom('verification_limit_counts')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('count'), eb.lit(0)).as('n'))
      .where('kind', '=', 'send')
      .where('subject', '=', phone)
      .executeTakeFirstOrThrow();
    expect(Number(sends.n)).toBe(0);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The counters live in the database, so they hold across restarts (and nodes).
    await kit.t.close();
    kit.t = await startApp(kit.db, kit.env);
    expect((await createVerification(kit.t, { to: freshPhone() })).statusCode).toBe(429);
  });
});
