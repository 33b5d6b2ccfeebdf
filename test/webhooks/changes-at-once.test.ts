import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { createWebhook, startReceiver, type Receiver } from './kit.js';

const it = appTest();

const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

async function receiver(): Promise<Receiver> {
  const started = await startReceiver();
  receivers.push(started);
  return started;
}

// An endpoint's PATCH read the row before its transaction and wrote every column back: two
// changes made at once kept only one, and a PATCH racing a secret rotation put the old secret back.
describe("a webhook endpoint's changes made at once", () => {
  it('keep every change', async ({ t }) => {
    const first = await receiver();
    const hook = await createWebhook(t, t.apiKey, { url: first.url, events: ['message.sent'] });
    for (let round = 1; round <= 3; round++) {
      const moved = await receiver();
      const patches = [
        { url: moved.url },
        { events: ['message.read', `message.${round % 2 ? 'delivered' : 'failed'}`] },
        { description: `Round ${round}` },
      ];
      const answers = await Promise.all(
        patches.map((payload) => t.request({ method: 'PATCH', url: `/v1/webhooks/${hook.id}`, payload })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
      const shown = await t.request({ method: 'GET', url: `/v1/webhooks/${hook.id}` });
      expect(shown.json()).toMatchObject({
        url: moved.url,
        events: expect.arrayContaining(['message.read', `message.${round % 2 ? 'delivered' : 'failed'}`]),
        description: `Round ${round}`,
      });
    }
  });

  it('keep a rotated secret that a change made at the same moment', async ({ t }) => {
    const target = await receiver();
    const hook = await createWebhook(t, t.apiKey, { url: target.url, events: ['*'] });
    let secret = hook.secret;
    for (let round = 1; round <= 3; round++) {
      const [rotated, patched] = await Promise.all([
        t.request({ method: 'POST', url: `/v1/webhooks/${hook.id}/rotate-secret` }),
        t.request({
          method: 'PATCH',
          url: `/v1/webhooks/${hook.id}`,
          payload: { description: `After ${round}` },
        }),
      ]);
      expect([rotated.statusCode, patched.statusCode]).toEqual([200, 200]);
      const given = rotated.json<{ secret: string }>().secret;
      const sent = await t.request({ method: 'POST', url: `/v1/webhooks/${hook.id}/test` });
      expect(sent.statusCode).toBe(202);
      const { eventId } = sent.json<{ eventId: string }>();
      const got = await eventually(() => target.received.find((r) => r.id === eventId));
      // Signed with the secret the rotation handed out, and still with the one before it.
      expect(new Webhook(given).verify(got.body, got.headers)).toBeTruthy();
      expect(new Webhook(secret).verify(got.body, got.headers)).toBeTruthy();
      secret = given;
    }
  });

  it('keep both secrets handed out by two rotations at once', async ({ t }) => {
    const target = await receiver();
    const hook = await createWebhook(t, t.apiKey, { url: target.url, events: ['*'] });
    const rotations = await Promise.all(
      [1, 2].map(() => t.request({ method: 'POST', url: `/v1/webhooks/${hook.id}/rotate-secret` })),
    );
    expect(rotations.map((r) => r.statusCode)).toEqual([200, 200]);
    const sent = await t.request({ method: 'POST', url: `/v1/webhooks/${hook.id}/test` });
    const { eventId } = sent.json<{ eventId: string }>();
    const got = await eventually(() => target.received.find((r) => r.id === eventId));
    // One rotation came second and kept the first one's secret as its previous one.
    for (const rotation of rotations) {
      const secret = rotation.json<{ secret: string }>().secret;
      expect(new Webhook(secret).verify(got.body, got.headers)).toBeTruthy();
    }
  });
});
