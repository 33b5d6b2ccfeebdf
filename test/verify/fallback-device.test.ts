import { afterAll, beforeAll, describe, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { expectFallbackToSmsThenEmail } from './fallback-flow.js';
import { freshPhone, startVerifyKit, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit();
});
afterAll(async () => {
  await kit.close();
});

describe('fallback when the linked phone drops', () => {
  it('goes to SMS, then email, while no device is connected', async () => {
    await kit.t.request({ method: 'POST', url: `/v1/sandbox/devices/${kit.deviceId}/disconnect` });
    await eventually(
      async () =>
        (await kit.t.request({ method: 'GET', url: `/v1/devices/${kit.deviceId}` })).json().status ===
        'disconnected',
    );
    await expectFallbackToSmsThenEmail(kit, freshPhone(), {
      status: 'failed',
      reason: 'SESSION_DISCONNECTED',
    });
  });
});
