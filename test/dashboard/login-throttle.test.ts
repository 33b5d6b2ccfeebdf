import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { login, manualClock, MEMBER_PASSWORD, setupOwner, OWNER, signedIn } from './session.js';

// Attempts are reserved in the database before the password hash, so parallel guesses cannot
// all pass the check before any failure is recorded.
const clock = manualClock();
const it = appTest({ deps: { clock } });

const statuses = (responses: { statusCode: number }[]) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
};

describe('login throttling under concurrency', () => {
  it.beforeAll(async ({ t }) => {
    await setupOwner(t);
  });

  it('checks five of 60 parallel wrong passwords and answers 429 with Retry-After to the rest', async ({
    t,
  }) => {
    const ip = '203.0.113.60';
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(t, OWNER.email, `wrong guess number ${i}`, ip)),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 55 });
    for (const r of responses.filter((r) => r.statusCode === 429)) {
      expect(r.json().error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(r.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    // Even the right password waits for the window now, from that address.
    expect((await login(t, OWNER.email, OWNER.password, ip)).statusCode).toBe(429);
  });

  it('counts one account across addresses, without letting one address lock it out', async ({ t }) => {
    await signedIn(t, 'agent', 'spread@example.com');
    // One address used up its five: the account still signs in from elsewhere.
    for (let i = 0; i < 6; i++) await login(t, 'spread@example.com', `nope ${i}`, '198.51.100.1');
    expect((await login(t, 'spread@example.com', MEMBER_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    // Guesses spread over many addresses meet the account's own allowance (20 in the window).
    const spread = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(t, 'spread@example.com', `spread ${i}`, `192.0.2.${10 + i}`),
      ),
    );
    expect(statuses(spread)).toEqual({ 401: 15, 429: 15 });
  });

  it('counts one address across accounts', async ({ t }) => {
    const ip = '203.0.113.77';
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(t, `someone${i}@example.com`, 'one password for all', ip)),
    );
    expect(statuses(responses)).toEqual({ 401: 30, 429: 10 });
  });

  it('gives every key a fresh window once 15 minutes have passed', async ({ t }) => {
    clock.advance(15 * 60_000 + 1000);
    expect((await login(t, OWNER.email, OWNER.password, '203.0.113.60')).statusCode).toBe(200);
    expect((await login(t, 'spread@example.com', MEMBER_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
  });
});
