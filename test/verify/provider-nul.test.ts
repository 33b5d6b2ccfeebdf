import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { freshPhone, getVerification, startVerification, startVerifyKit, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ email: false });
});
afterAll(async () => {
  await kit.close();
});

// What an SMS provider answers is quoted in the verification's send attempts. PostgreSQL reads
// them as JSON when a later WhatsApp code is delivered, and its JSON refuses the NUL character: a
// provider's error text holding one made that write fail, and the code's delivery went unrecorded.
describe('a provider error text holding the NUL character', () => {
  it('is kept with U+FFFD, and the WhatsApp code that follows is recorded as delivered', async () => {
    kit.twilio.failNext(400, { code: 21211, message: 'Invalid \u0000 number', status: 400 });
    const created = await startVerification(kit.t, { to: freshPhone(), channels: ['sms', 'whatsapp'] });
    const delivered = await eventually(async () => {
      const v = await getVerification(kit.t, created.id);
      return v.sendAttempts.at(-1)?.status === 'delivered' ? v : undefined;
    });
    expect(delivered.sendAttempts.map((a) => [a.channel, a.status, a.reason])).toEqual([
      ['sms', 'failed', 'PROVIDER_REJECTED'],
      ['whatsapp', 'delivered', undefined],
    ]);
    expect(delivered.sendAttempts[0]!.detail).toContain('Invalid \ufffd number');
  });
});
