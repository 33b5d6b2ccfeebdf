import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/time.js';
import { freshPhone, verifyKitPerFile } from './kit.js';

/** A clock that stands still until moved: requests made at once fall in one second of the windows. */
const stopped = { at: new Date() };
const clock: Clock = { now: () => stopped.at };

const kit = verifyKitPerFile({ sms: false, email: false, deps: { clock } });

const start = (to: string) => kit().t.request({ method: 'POST', url: '/v1/verifications', payload: { to } });

async function sendSlotsUsed(to: string): Promise<number> {
  const rows = await kit()
    .t.app.ctx.db.selectFrom('verification_limit_counts')
    .select('count')
    .where('kind', '=', 'send')
    .where('subject', '=', to)
    .execute();
  return rows.reduce((sum, r) => sum + Number(r.count), 0);
}

// On PostgreSQL, a burst was refused below the limit: each request raised the number's count
// before reading its window, so requests at once saw each other's counts and several were refused,
// told to wait the whole window, though fewer than 5 codes had been sent and a retry at once passed.
describe('verifications started at once for one number', () => {
  it('are created up to the limit exactly, and the rest told when a slot frees', async () => {
    for (let round = 0; round < 4; round++) {
      stopped.at = new Date();
      const to = freshPhone();
      const answers = await Promise.all(Array.from({ length: 8 }, () => start(to)));
      const refused = answers.filter((a) => a.statusCode === 429);
      expect([answers.filter((a) => a.statusCode === 201).length, refused.length]).toEqual([5, 3]);
      expect(await sendSlotsUsed(to)).toBe(5);
      // The five were sent in this second: a slot frees when it leaves the window.
      for (const res of refused) expect(res.headers['retry-after']).toBe('600');
      expect((await start(to)).statusCode).toBe(429);
    }
  });
});
