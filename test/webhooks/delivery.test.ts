import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect } from 'vitest';
import { eventually, otherWorkspace, type TestApp } from '../helpers/app.js';
import { createWebhook, deliveries, emit, startReceiver, type Receiver } from './kit.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest({ env: { WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '50,50,50,50,50,50,50' } });

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;
it.beforeAll(({ t: app }) => {
  t = app;
});

const receivers: Receiver[] = [];

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

/** Each test gets its own workspace, so no endpoint of one test receives another's events. */
async function setup(events: string[] = ['*']) {
  const ws = await otherWorkspace(t);
  const receiver = await startReceiver();
  receivers.push(receiver);
  const hook = await createWebhook(t, ws.apiKey, { url: receiver.url, events });
  return { ...ws, receiver, hook };
}

describe('webhook delivery', () => {
  it('signs with Standard Webhooks: the official library verifies what the receiver got', async ({ t }) => {
    const { workspaceId, receiver, hook } = await setup();
    const event = await emit(
      t,
      workspaceId,
      'message.delivered',
      { id: 'msg_1', status: 'delivered' },
      'dev_a',
    );
    const got = await eventually(() => receiver.received[0]);
    const verified = new Webhook(hook.secret).verify(got.body, got.headers) as Record<string, unknown>;
    expect(verified).toEqual({
      id: event.id,
      type: 'message.delivered',
      createdAt: event.createdAt,
      workspaceId,
      data: { id: 'msg_1', status: 'delivered' },
    });
    expect(got.id).toBe(event.id);
    expect(got.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got.body, got.headers),
    ).toThrow();
  });

  it('sends only the types an endpoint subscribed to', async ({ t }) => {
    const { workspaceId, receiver } = await setup(['message.read']);
    await emit(t, workspaceId, 'message.delivered', { id: 'msg_1' });
    const read = await emit(t, workspaceId, 'message.read', { id: 'msg_1' });
    await eventually(() => receiver.received.length === 1);
    expect(receiver.received.map((r) => r.event.type)).toEqual(['message.read']);
    expect(receiver.received[0]?.id).toBe(read.id);
  });

  it('delivers every event in order after a receiver fails and recovers', async ({ t }) => {
    const { workspaceId, apiKey, receiver, hook } = await setup();
    receiver.answer((_req, index) =>
      index < 3 ? { status: 500, body: 'down for maintenance' } : { status: 204 },
    );
    const sent = [];
    for (let i = 0; i < 6; i++)
      sent.push(await emit(t, workspaceId, 'message.sent', { id: `msg_${i}` }, 'dev_a'));
    const ids = sent.map((e) => e.id);
    await eventually(() => receiver.received.length >= 9);
    // The first event is tried until it goes through; nothing after it is sent meanwhile.
    expect(receiver.received.map((r) => r.id)).toEqual([ids[0], ids[0], ids[0], ...ids]);
    const log = await eventually(async () => {
      const rows = await deliveries(t, apiKey, hook.id);
      return rows.every((d) => d.status === 'succeeded') && rows;
    });
    const first = log.find((d) => d.eventId === ids[0])!;
    expect(first.attemptCount).toBe(4);
    expect(first.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 204]);
    expect(first.nextAttemptAt).toBeNull();
  });

  it('keeps each device in order without holding up the others; honours Retry-After', async ({ t }) => {
    const { workspaceId, apiKey, receiver, hook } = await setup();
    receiver.answer((req) =>
      req.event.data.device === 'a'
        ? { status: 429, headers: { 'retry-after': '3600' }, body: 'slow down' }
        : { status: 200 },
    );
    const a1 = await emit(t, workspaceId, 'message.sent', { id: 'm1', device: 'a' }, 'dev_a');
    await emit(t, workspaceId, 'message.sent', { id: 'm2', device: 'a' }, 'dev_a');
    const b1 = await emit(t, workspaceId, 'message.sent', { id: 'm3', device: 'b' }, 'dev_b');
    const first = await eventually(async () => {
      const log = await deliveries(t, apiKey, hook.id);
      const b = log.find((d) => d.eventId === b1.id);
      const a = log.find((d) => d.eventId === a1.id);
      return b?.status === 'succeeded' && a?.attemptCount === 1 && a;
    });
    expect(first.status).toBe('pending');
    expect(first.responseSnippet).toBe('slow down');
    const waited = Date.parse(first.nextAttemptAt!) - Date.parse(first.attempts[0]!.at);
    expect(waited).toBeGreaterThanOrEqual(3_600_000);
    // a's second event waits behind the first.
    expect(receiver.received.filter((r) => r.event.data.device === 'a').map((r) => r.id)).toEqual([a1.id]);

    receiver.answer(() => ({ status: 200 }));
    const retry = await t.request({
      method: 'POST',
      url: `/v1/webhooks/${hook.id}/deliveries/${first.id}/retry`,
      key: apiKey,
    });
    expect(retry.statusCode).toBe(202);
    await eventually(() => receiver.received.filter((r) => r.event.data.device === 'a').length === 3);
    expect(receiver.received.filter((r) => r.event.data.device === 'a').map((r) => r.event.data.id)).toEqual([
      'm1',
      'm1',
      'm2',
    ]);
  });

  it('disables the endpoint when the receiver answers 410 Gone', async ({ t }) => {
    const { workspaceId, apiKey, receiver, hook } = await setup();
    receiver.answer(() => ({ status: 410 }));
    await emit(t, workspaceId, 'device.connected', { id: 'dev_a' }, 'dev_a');
    const webhook = await eventually(async () => {
      const res = await t.request({ method: 'GET', url: `/v1/webhooks/${hook.id}`, key: apiKey });
      const body = res.json<{ enabled: boolean; disabledReason: string | null }>();
      return !body.enabled && body;
    });
    expect(webhook.disabledReason).toBe('gone');
    const [delivery] = await deliveries(t, apiKey, hook.id);
    expect(delivery).toMatchObject({ status: 'failed', lastStatusCode: 410, attemptCount: 1 });
    // Later events are not queued for it.
    await emit(t, workspaceId, 'device.connected', { id: 'dev_a' }, 'dev_a');
    expect(await deliveries(t, apiKey, hook.id)).toHaveLength(1);
  });

  it('verifies with either secret while a rotation overlaps', async ({ t }) => {
    const { workspaceId, apiKey, receiver, hook } = await setup();
    const res = await t.request({
      method: 'POST',
      url: `/v1/webhooks/${hook.id}/rotate-secret`,
      key: apiKey,
    });
    expect(res.statusCode).toBe(200);
    const rotated = res.json<{ secret: string; webhook: { previousSecretExpiresAt: string } }>();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    expect(Date.parse(rotated.webhook.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await emit(t, workspaceId, 'message.read', { id: 'msg_9' });
    const got = await eventually(() => receiver.received[0]);
    expect(got.signature.split(' ')).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(got.body, got.headers)).toBeTruthy();
    expect(new Webhook(hook.secret).verify(got.body, got.headers)).toBeTruthy();
  });

  it('sends a test event to the one endpoint asked', async ({ t }) => {
    const { workspaceId, apiKey, receiver, hook } = await setup();
    const bystander = await startReceiver();
    receivers.push(bystander);
    await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      key: apiKey,
      payload: { url: bystander.url, events: ['*'] },
    });
    const res = await t.request({ method: 'POST', url: `/v1/webhooks/${hook.id}/test`, key: apiKey });
    expect(res.statusCode).toBe(202);
    const { eventId } = res.json<{ eventId: string }>();
    const got = await eventually(() => receiver.received[0]);
    expect(got.event).toMatchObject({ id: eventId, type: 'webhook.test', workspaceId });
    expect(new Webhook(hook.secret).verify(got.body, got.headers)).toBeTruthy();
    // The bystander gets the next real event and nothing before it.
    const next = await emit(t, workspaceId, 'message.read', { id: 'msg_1' });
    await eventually(() => bystander.received.length > 0);
    expect(bystander.received.map((r) => r.id)).toEqual([next.id]);
  });

  it('replays a delivered event on request and logs both attempts', async ({ t }) => {
    const { workspaceId, apiKey, receiver, hook } = await setup();
    receiver.answer(() => ({ status: 200, body: 'x'.repeat(5000) }));
    const event = await emit(t, workspaceId, 'message.failed', { id: 'msg_2' });
    const [done] = await eventually(async () => {
      const rows = await deliveries(t, apiKey, hook.id);
      return rows[0]?.status === 'succeeded' && rows;
    });
    expect(done!.responseSnippet).toHaveLength(1024);
    await t.request({
      method: 'POST',
      url: `/v1/webhooks/${hook.id}/deliveries/${done!.id}/retry`,
      key: apiKey,
    });
    await eventually(() => receiver.received.length === 2);
    expect(receiver.received.map((r) => r.id)).toEqual([event.id, event.id]);
    const one = await eventually(async () => {
      const res = await t.request({
        method: 'GET',
        url: `/v1/webhooks/${hook.id}/deliveries/${done!.id}`,
        key: apiKey,
      });
      const body = res.json<{ attemptCount: number; status: string }>();
      return body.attemptCount === 2 && body.status === 'succeeded' && body;
    });
    expect(one.attemptCount).toBe(2);
  });
});
