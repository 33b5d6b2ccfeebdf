import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKey, eventually, otherWorkspace } from '../helpers/app.js';
import {
  check,
  freshPhone,
  getVerification,
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

interface StatsJson {
  since: string;
  until: string;
  total: number;
  byStatus: Record<string, number>;
  conversionRate: number | null;
  channels: Array<{ channel: string; attempts: number; delivered: number; failed: number; approved: number }>;
}

const stats = async (query = '', key?: string) =>
  kit.t.request({ method: 'GET', url: `/v1/verifications/stats${query}`, ...(key ? { key } : {}) });

describe('GET /v1/verifications/stats', () => {
  it('counts nothing in a fresh workspace', async () => {
    const res = await stats();
    expect(res.statusCode).toBe(200);
    const body = res.json<StatsJson>();
    expect(body).toMatchObject({ total: 0, conversionRate: null });
    expect(Object.values(body.byStatus).every((n) => n === 0)).toBe(true);
    expect(body.channels.map((c) => c.channel)).toEqual(['whatsapp', 'sms', 'email']);
    expect(Date.parse(body.until) - Date.parse(body.since)).toBe(7 * 86_400_000);
  });

  it('counts by status and channel, with the conversion rate among the ended ones', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    // Approved over WhatsApp.
    const approvedTo = freshPhone();
    const approved = await startVerification(kit.t, { to: approvedTo });
    expect((await check(kit.t, approved.id, await whatsappCode(kit.t, approvedTo))).json().status).toBe(
      'approved',
    );
    // Canceled.
    const canceled = await startVerification(kit.t, { to: freshPhone() });
    await kit.t.request({ method: 'POST', url: `/v1/verifications/${canceled.id}/cancel` });
    // Failed: the number is not on WhatsApp, and SMS, not configured here, is skipped.
    const failed = await startVerification(kit.t, { to: '+15555550101', channels: ['whatsapp', 'sms'] });
    await eventually(async () => (await getVerification(kit.t, failed.id)).status === 'failed');
    // Still pending after a wrong code.
    const pendingTo = freshPhone();
    const pending = await startVerification(kit.t, { to: pendingTo });
    await check(kit.t, pending.id, wrongCode(await whatsappCode(kit.t, pendingTo)));

    const body = (await stats(`?since=${encodeURIComponent(since)}`)).json<StatsJson>();
    expect(body.total).toBe(4);
    expect(body.byStatus).toEqual({
      pending: 1,
      approved: 1,
      canceled: 1,
      expired: 0,
      max_attempts_reached: 0,
      failed: 1,
    });
    expect(body.conversionRate).toBeCloseTo(1 / 3);
    const whatsapp = body.channels.find((c) => c.channel === 'whatsapp')!;
    expect(whatsapp).toMatchObject({ attempts: 4, failed: 1, approved: 1 });
    expect(body.channels.find((c) => c.channel === 'sms')).toEqual({
      channel: 'sms',
      attempts: 1,
      delivered: 0,
      failed: 1,
      approved: 0,
    });

    const before = (await stats(`?until=${encodeURIComponent(since)}`)).json<StatsJson>();
    expect(before.total).toBe(0);
  });

  it('counts only its own workspace', async () => {
    const other = await otherWorkspace(kit.t);
    const body = (await stats('', other.apiKey)).json<StatsJson>();
    expect(body.total).toBe(0);
  });

  it.each([
    ['since after until', '?since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z'],
    ['since equal to until', '?since=2026-01-01T00:00:00Z&until=2026-01-01T00:00:00Z'],
    ['a window over 366 days', '?since=2024-01-01T00:00:00Z&until=2026-01-01T00:00:00Z'],
    ['a date that is not one', '?since=yesterday'],
    ['an unknown parameter', '?channel=sms'],
  ])('refuses %s with 400', async (_what, query) => {
    const res = await stats(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
  });

  it('needs the verify scope', async () => {
    const key = await createKey(kit.t, ['messages']);
    expect((await stats('', key)).statusCode).toBe(403);
    const verifyKey = await createKey(kit.t, ['verify']);
    expect((await stats('', verifyKey)).statusCode).toBe(200);
  });
});
