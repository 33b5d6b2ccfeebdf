import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectFallbackToSmsThenEmail } from './fallback-flow.js';
import { startVerifyKit, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit();
});
afterAll(async () => {
  await kit.close();
});

describe('fallback from WhatsApp to SMS, then email', () => {
  it('when the number is not on WhatsApp', async () => {
    await expectFallbackToSmsThenEmail(kit, '+15555550101', {
      status: 'failed',
      reason: 'RECIPIENT_NOT_ON_WHATSAPP',
    });
  });

  it('when the WhatsApp send fails', async () => {
    await expectFallbackToSmsThenEmail(kit, '+15555550102', { status: 'failed', reason: 'SEND_FAILED' });
  });

  it('when the message is not delivered within the channel timeout', async () => {
    await expectFallbackToSmsThenEmail(
      kit,
      '+15555550103',
      { status: 'timed_out', reason: 'NOT_DELIVERED_IN_TIME' },
      { channelTimeoutSeconds: 1 },
    );
  });
});
