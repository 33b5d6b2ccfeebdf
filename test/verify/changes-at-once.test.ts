import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import {
  check,
  freshPhone,
  getVerification,
  inbox,
  startVerification,
  verifyKitPerFile,
  whatsappCode,
  wrongCode,
  type VerificationJson,
} from './kit.js';

// No SMS provider and no SMTP server: WhatsApp is the one channel this server sends on.
const kit = verifyKitPerFile({ sms: false, email: false });

const resend = (id: string, payload: object = {}) =>
  kit().t.request({ method: 'POST', url: `/v1/verifications/${id}/resend`, payload });
const cancel = (id: string) => kit().t.request({ method: 'POST', url: `/v1/verifications/${id}/cancel` });

/** The sends counted against the number's limit (5 in 10 minutes). */
async function sendSlotsUsed(to: string): Promise<number> {
  const row = await kit()
    .t.app.ctx.db.selectFrom('verification_limit_counts')
    .select(sql<string>`coalesce(sum(count), 0)`.as('n'))
    .where('kind', '=', 'send')
    .where('subject', '=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The number's code messages that were kept (a send that lost its verification stored none). */
async function codeMessages(to: string): Promise<Array<{ status: string }>> {
  return kit().t.app.ctx.db.selectFrom('messages').select('status').where('phone', '=', to).execute();
}

const isPending = (res: LightMyRequestResponse) =>
  res.statusCode === 200 && res.json<VerificationJson>().status === 'pending';

// A resend naming a channel this server does not send on answered 200 and ended the verification
// as failed (its WhatsApp attempt canceled, the channel skipped), so the code the user already had
// stopped working, and it used a send slot.
describe('a resend on a channel this server does not send on', () => {
  for (const channel of ['sms', 'email'] as const) {
    it(`(${channel}) is refused and leaves the verification as it was`, async () => {
      const to = freshPhone();
      const { id } = await startVerification(kit().t, { to, email: 'ana@example.com' });
      const code = await whatsappCode(kit().t, to);
      const refused = await resend(id, { channel });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('No channel of this resend can send the code'),
      });
      const after = await getVerification(kit().t, id);
      expect(after.status).toBe('pending');
      expect(after.sendAttempts.map((a) => a.status)).toEqual(['pending']);
      expect(await sendSlotsUsed(to)).toBe(1);
      expect((await check(kit().t, id, code)).json()).toMatchObject({ status: 'approved' });
    });
  }
});

// On PostgreSQL, checks made at once answered `pending` with no attempts left: a check that found
// none left read the verification again before the fifth wrong check had ended it.
describe('wrong codes checked at once', () => {
  it('answer pending with checks left, or max_attempts_reached, never pending with none', async () => {
    for (let round = 0; round < 12; round++) {
      const to = freshPhone();
      const { id } = await startVerification(kit().t, { to });
      const code = await whatsappCode(kit().t, to);
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => check(kit().t, id, wrongCode(code))),
      );
      for (const res of answers) {
        if (res.statusCode === 429) continue;
        expect(res.statusCode, res.body).toBe(200);
        const { status, remainingAttempts } = res.json<{ status: string; remainingAttempts: number }>();
        if (status === 'pending') expect(remainingAttempts).toBeGreaterThan(0);
        else expect(status).toBe('max_attempts_reached');
      }
      // Once the fifth check was wrong, the verification has ended: the right code is refused too.
      const after = await getVerification(kit().t, id);
      if (after.remainingAttempts > 0) continue;
      expect(after.status).toBe('max_attempts_reached');
      expect((await check(kit().t, id, code)).json()).toMatchObject({ status: 'max_attempts_reached' });
    }
  });
});

// Two resends at once (a double click) both answered 200 while the phone got one new message, and
// both used a send slot: the one that lost the race took over the other's send, whose message was
// then undone. Now each send slot used is a message the phone gets.
describe('two resends at once', () => {
  it('use a send slot for each message the phone gets', async () => {
    for (let round = 0; round < 5; round++) {
      const to = freshPhone();
      const { id } = await startVerification(kit().t, { to });
      await whatsappCode(kit().t, to);
      const answers = await Promise.all([resend(id), resend(id)]);
      for (const res of answers) {
        if (res.statusCode === 409) expect(res.json().error.message).toContain('already under way');
        else expect(isPending(res), res.body).toBe(true);
      }
      expect(answers.some(isPending)).toBe(true);
      const sent = (await codeMessages(to)).length;
      expect(await sendSlotsUsed(to)).toBe(sent);
      await eventually(async () => (await inbox(kit().t, to)).length === sent);
    }
  });
});

// On PostgreSQL, a resend racing a cancel (or the right code) answered 200 "pending" with its
// attempt canceled and nothing sent, although the verification had ended, and kept its send slot.
describe('a resend racing the end of its verification', () => {
  const enders = {
    cancel: (id: string) => cancel(id),
    'the right code': (id: string, code: string) => check(kit().t, id, code),
  };
  for (const [name, end] of Object.entries(enders)) {
    it(`(${name}) answers what the verification is, and counts only what it sent`, async () => {
      for (let round = 0; round < 8; round++) {
        const to = freshPhone();
        const { id } = await startVerification(kit().t, { to });
        const code = await whatsappCode(kit().t, to);
        const [resent, ended] = await Promise.all([resend(id), end(id, code)]);
        expect(ended.statusCode, ended.body).toBe(200);
        if (resent.statusCode === 409) {
          expect(resent.json().error.code).toBe('CONFLICT');
        } else {
          expect(resent.statusCode, resent.body).toBe(200);
          // A code went out: the answer's last attempt is the resend's message.
          expect(resent.json<VerificationJson>().sendAttempts.at(-1)).toMatchObject({
            status: 'pending',
            messageId: expect.any(String),
          });
        }
        expect(await sendSlotsUsed(to)).toBe((await codeMessages(to)).length);
      }
    });
  }
});
