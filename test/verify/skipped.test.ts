import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import {
  check,
  eventsOf,
  freshPhone,
  getVerification,
  startVerification,
  startVerifyKit,
  whatsappCode,
  type VerifyKit,
} from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ sms: false, email: false });
});
afterAll(async () => {
  await kit.close();
});

describe('channels that are not configured', () => {
  it('are skipped, saying why, and the next channel takes the code', async () => {
    const to = freshPhone();
    const created = await startVerification(kit.t, { to, channels: ['sms', 'whatsapp'] });
    expect(created.channel).toBe('whatsapp');
    expect(created.sendAttempts).toEqual([
      expect.objectContaining({ channel: 'sms', status: 'skipped', reason: 'CHANNEL_NOT_CONFIGURED' }),
      expect.objectContaining({ channel: 'whatsapp', status: 'pending' }),
    ]);
    expect(
      (await eventsOf(kit.t, 'verification.fallback', created.id)).map((e) => [e.from, e.channel]),
    ).toEqual([['sms', 'whatsapp']]);
    expect((await check(kit.t, created.id, await whatsappCode(kit.t, to))).json().status).toBe('approved');
  });

  it('fail the verification when no channel is left', async () => {
    const to = '+15555550101';
    const created = await startVerification(kit.t, {
      to,
      channels: ['whatsapp', 'sms', 'email'],
      email: 'someone@example.com',
    });
    const failed = await eventually(async () => {
      const v = await getVerification(kit.t, created.id);
      return v.status === 'failed' ? v : undefined;
    });
    expect(failed.sendAttempts.map((a) => [a.channel, a.status, a.reason])).toEqual([
      ['whatsapp', 'failed', 'RECIPIENT_NOT_ON_WHATSAPP'],
      ['sms', 'skipped', 'CHANNEL_NOT_CONFIGURED'],
      ['email', 'skipped', 'CHANNEL_NOT_CONFIGURED'],
    ]);
    expect(await eventsOf(kit.t, 'verification.failed', created.id)).toEqual([
      { id: created.id, to, reason: 'all_channels_failed' },
    ]);
    const answer = await check(kit.t, created.id, '123456');
    expect(answer.json()).toEqual({ id: created.id, status: 'failed', remainingAttempts: 5 });
    const row = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .select('sealed_code')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.sealed_code).toBeNull();
  });
});
