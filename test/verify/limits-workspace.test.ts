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
    const refused = await createVerification(kit.t, { to: freshPhone() });
    expect(refused.statusCode).toBe(429);
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
