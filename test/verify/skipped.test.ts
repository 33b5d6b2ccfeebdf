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

  it('refuse a verification none of whose channels is configured, storing nothing', async () => {
    const to = freshPhone();
    const before = (await kit.t.request({ method: 'GET', url: '/v1/verifications?limit=100' })).json<{
      data: unknown[];
    }>().data.length;
    for (const [channels, named] of [
      [['sms'], 'SMS is'],
      [['email', 'sms'], 'email and SMS are'],
    ] as const) {
      const res = await kit.t.request({
        method: 'POST',
        url: '/v1/verifications',
        payload: { to, channels, email: 'someone@example.com' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_ERROR',
        message: `No channel of this verification can send the code: ${named} not configured on this server (docs/otp.md, Setup)`,
        details: [{ field: 'body.channels', message: 'has no channel this server sends on' }],
      });
    }
    const after = (await kit.t.request({ method: 'GET', url: '/v1/verifications?limit=100' })).json<{
      data: unknown[];
    }>().data;
    expect(after).toHaveLength(before);
  });
});
