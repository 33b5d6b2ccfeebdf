import { expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { check, codeIn, eventsOf, getVerification, startVerification, type VerifyKit } from './kit.js';

const email = (to: string) => `user${to.slice(1)}@example.com`;

/**
 * The fallback contract for one WhatsApp failure: with SMS working the code lands there; with SMS
 * failing too it lands in the mailbox. Each time the code that arrived is the one that approves.
 */
export async function expectFallbackToSmsThenEmail(
  kit: VerifyKit,
  to: string,
  whatsapp: { status: string; reason: string },
  extra: object = {},
): Promise<void> {
  const payload = { to, channels: ['whatsapp', 'sms', 'email'], email: email(to), ...extra };

  const viaSms = await startVerification(kit.t, payload);
  const sms = await kit.twilio.waitForRequest((r) => r.to === to, 10_000);
  const onSms = await eventually(async () => {
    const v = await getVerification(kit.t, viaSms.id);
    return v.sendAttempts.length === 2 ? v : undefined;
  });
  expect(onSms.channel).toBe('sms');
  expect(onSms.sendAttempts.map((a) => [a.channel, a.status, a.reason])).toEqual([
    ['whatsapp', whatsapp.status, whatsapp.reason],
    ['sms', 'sent', undefined],
  ]);
  expect((await eventsOf(kit.t, 'verification.fallback', viaSms.id)).map((e) => [e.from, e.channel])).toEqual(
    [['whatsapp', 'sms']],
  );
  expect((await check(kit.t, viaSms.id, codeIn(sms.body))).json().status).toBe('approved');

  kit.twilio.failNext(503);
  const viaEmail = await startVerification(kit.t, payload);
  const mail = await kit.smtp.waitForMessage(
    (m) => m.to.includes(email(to)) && m.text.includes('verification code'),
    10_000,
  );
  expect(mail.subject).toBe('Your verification code');
  const onEmail = await eventually(async () => {
    const v = await getVerification(kit.t, viaEmail.id);
    return v.sendAttempts.length === 3 ? v : undefined;
  });
  expect(onEmail.channel).toBe('email');
  expect(onEmail.sendAttempts.map((a) => [a.channel, a.status])).toEqual([
    ['whatsapp', whatsapp.status],
    ['sms', 'failed'],
    ['email', 'sent'],
  ]);
  expect(
    (await eventsOf(kit.t, 'verification.fallback', viaEmail.id)).map((e) => [e.from, e.channel]),
  ).toEqual([
    ['whatsapp', 'sms'],
    ['sms', 'email'],
  ]);
  expect((await check(kit.t, viaEmail.id, codeIn(mail.text))).json().status).toBe('approved');
  kit.smtp.messages.length = 0;
}
