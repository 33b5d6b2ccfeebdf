import { describe, expect, it } from 'vitest';
import {
  createVerification as requestVerification,
  createWithKey,
  freshPhone,
  verifyKitPerFile,
} from './kit.js';

const kitOf = verifyKitPerFile({ env: { WAPING_VERIFY_PER_MINUTE: '1000' } });

const verificationsTo = (phone: string) =>
  kitOf()
    .t.app.ctx.db.selectFrom('verifications')
    .select(['id', 'status', 'failure_reason'])
    .where('phone', '=', phone)
    .orderBy('id')
    .execute();

/**
 * Starts `count` verifications for one number at the same moment, `rounds` times with a new number
 * each time (the number's send limit allows five in ten minutes): every request is answered 201,
 * and each number ends with one pending verification, the others superseded.
 */
async function startedTogether(
  start: (to: string) => Promise<{ statusCode: number; json(): { id: string } }>,
) {
  for (let round = 0; round < 8; round++) {
    const to = freshPhone();
    const answers = await Promise.all(Array.from({ length: 4 }, () => start(to)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const stored = await verificationsTo(to);
    expect(stored.map((v) => v.id).sort()).toEqual(answers.map((a) => a.json().id).sort());
    expect(stored.filter((v) => v.status === 'pending')).toHaveLength(1);
    for (const v of stored.filter((v) => v.status !== 'pending'))
      expect(v).toMatchObject({ status: 'canceled', failure_reason: 'superseded' });
  }
}

describe('verifications for one number started at the same moment', () => {
  it('leave one pending, the others superseded, with their code on WhatsApp', async () => {
    await startedTogether((to) => requestVerification(kitOf().t, { to }));
  });

  it('leave one pending with an Idempotency-Key each', async () => {
    let n = 0;
    await startedTogether((to) => createWithKey(kitOf().t, `together-${n++}`, to));
  });

  it('leave one pending when the first channel is SMS', async () => {
    await startedTogether((to) => requestVerification(kitOf().t, { to, channels: ['sms'] }));
  });
});
