import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startApp, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { getVerification, startVerification, startVerifyKit, type VerifyKit } from './kit.js';

let kit: VerifyKit;
let second: TestApp;

beforeAll(async () => {
  kit = await startVerifyKit({ email: false });
  // A second node on the same database: its worker races the first one's for every due attempt.
  second = await startApp(kit.db, kit.env);
});
afterAll(async () => {
  await second.close();
  await kit.close();
});

describe('two nodes on one database', () => {
  it('advance each timed-out attempt exactly once', async () => {
    const to = '+15555550103';
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await startVerification(kit.t, {
        to,
        channels: ['whatsapp', 'sms'],
        channelTimeoutSeconds: 1,
      });
      ids.push(created.id);
      await eventually(
        async () => (await getVerification(kit.t, created.id)).sendAttempts[1]?.status === 'sent',
      );
    }
    for (const id of ids) {
      const v = await getVerification(second, id);
      expect(v.sendAttempts.map((a) => [a.channel, a.status])).toEqual([
        ['whatsapp', 'timed_out'],
        ['sms', 'sent'],
      ]);
      // Made by whichever node advanced it (on PostgreSQL each node also hears the other's).
      const fallbacks = [kit.t, second].flatMap((app) =>
        publishedEvents(app, (e) => e.type === 'verification.fallback' && e.data.id === id).map((e) => e.id),
      );
      expect(new Set(fallbacks).size).toBe(1);
    }
    expect(kit.twilio.requests.filter((r) => r.to === to)).toHaveLength(3);
  });
});
