import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/lib/time.js';
import { startSmtpServer, type FakeSmtpServer } from '../channels/helpers.js';
import { eventually, otherWorkspace, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createWebhook, deliveries, emit, startReceiver, type Receiver } from './kit.js';

let db: TestDatabase;
let smtp: FakeSmtpServer;
let receiver: Receiver;
let t: TestApp | undefined;

/** A clock tests can move forward, so "10 minutes later" or "5 days later" needs no waiting. */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpServer();
  receiver = await startReceiver();
});

afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await smtp?.close();
  await db?.drop();
});

async function restart(env: Record<string, string>, clock?: Clock): Promise<TestApp> {
  await t?.close();
  t = await startApp(db, { WAPING_SMTP_URL: smtp.url, ...env }, clock ? { clock } : {});
  return t;
}

describe('webhook deliveries are durable', () => {
  it('loses nothing when the app restarts while a delivery waits for its retry', async () => {
    let app = await restart({ WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '600000' });
    const ws = await otherWorkspace(app);
    const hook = await createWebhook(app, ws.apiKey, { url: receiver.url, events: ['*'] });
    receiver.answer(() => ({ status: 503, body: 'restarting' }));
    const event = await emit(app, ws.workspaceId, 'message.delivered', { id: 'msg_1' }, 'dev_a');
    const [waiting] = await eventually(async () => {
      const rows = await deliveries(app, ws.apiKey, hook.id);
      return rows[0]?.attemptCount === 1 && rows;
    });
    expect(waiting).toMatchObject({ status: 'pending', lastStatusCode: 503 });

    receiver.answer(() => ({ status: 200 }));
    const clock = movableClock();
    clock.advance(11 * 60_000);
    app = await restart({ WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '600000' }, clock);
    const done = await eventually(async () => {
      const rows = await deliveries(app, ws.apiKey, hook.id);
      return rows[0]?.status === 'succeeded' && rows[0];
    });
    expect(done.attemptCount).toBe(2);
    expect(receiver.received.filter((r) => r.id === event.id).map((r) => r.event.type)).toEqual([
      'message.delivered',
      'message.delivered',
    ]);
  });

  it("a node started again under its id sends at once what its killed process had claimed; other nodes' claims wait", async () => {
    let app = await restart({ WAPING_NODE_ID: 'node-x', WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '600000' });
    const ws = await otherWorkspace(app);
    const hook = await createWebhook(app, ws.apiKey, { url: receiver.url, events: ['message.read'] });
    receiver.answer(() => ({ status: 503, body: 'not yet' }));
    const mine = await emit(app, ws.workspaceId, 'message.read', { id: 'msg_mine' }, 'dev_mine');
    const theirs = await emit(app, ws.workspaceId, 'message.read', { id: 'msg_theirs' }, 'dev_theirs');
    await eventually(async () =>
      (await deliveries(app, ws.apiKey, hook.id)).every((d) => d.attemptCount === 1),
    );
    // As a process killed mid-request leaves them: due now, claimed for minutes to come, one in
    // this node's name and one in another live node's.
    const lockedUntil = new Date(Date.now() + 10 * 60_000).toISOString();
    for (const [event, token] of [
      [mine, 'node-x/killed-mid-request'],
      [theirs, 'node-y/still-sending'],
    ] as const) {
      await app.app.ctx.db
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: new Date().toISOString(), locked_until: lockedUntil, lock_token: token })
        .where('event_id', '=', event.id)
        .execute();
    }
    receiver.answer(() => ({ status: 200 }));
    app = await restart({ WAPING_NODE_ID: 'node-x', WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '600000' });
    const byEvent = async () =>
      new Map((await deliveries(app, ws.apiKey, hook.id)).map((d) => [d.eventId, d] as const));
    await eventually(async () => (await byEvent()).get(mine.id)?.status === 'succeeded');
    expect((await byEvent()).get(theirs.id)).toMatchObject({ status: 'pending', attemptCount: 1 });
  });

  it('marks a delivery failed once the schedule is used up', async () => {
    const app = await restart({ WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '10,10' });
    const ws = await otherWorkspace(app);
    const hook = await createWebhook(app, ws.apiKey, { url: receiver.url, events: ['message.failed'] });
    receiver.answer(() => ({ status: 500 }));
    await emit(app, ws.workspaceId, 'message.failed', { id: 'msg_1' });
    const failed = await eventually(async () => {
      const rows = await deliveries(app, ws.apiKey, hook.id);
      return rows[0]?.status === 'failed' && rows[0];
    });
    expect(failed.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    expect(failed.nextAttemptAt).toBeNull();
  });

  it('disables an endpoint that failed everything for 5 days and tells the owners by email', async () => {
    const clock = movableClock();
    const app = await restart(
      { WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '60000,60000,60000,60000,60000,60000,60000' },
      clock,
    );
    const ws = await otherWorkspace(app);
    await app.request({
      method: 'PATCH',
      url: '/v1/workspace',
      key: ws.apiKey,
      payload: { alertRecipients: ['ops@example.com'] },
    });
    const hook = await createWebhook(app, ws.apiKey, { url: receiver.url, events: ['device.qr'] });
    receiver.answer(() => ({ status: 500 }));
    await emit(app, ws.workspaceId, 'device.qr', { id: 'dev_q' }, 'dev_q');
    await eventually(async () => (await deliveries(app, ws.apiKey, hook.id))[0]?.attemptCount === 1);
    clock.advance(5 * 24 * 3_600_000 + 60_000);
    const mail = await smtp.waitForMessage(
      (m) => m.subject.includes(hook.id) || m.text.includes(hook.id),
      10_000,
    );
    expect(mail.to).toEqual(['ops@example.com']);
    expect(mail.subject).toMatch(/disabled/);
    const res = await app.request({ method: 'GET', url: `/v1/webhooks/${hook.id}`, key: ws.apiKey });
    expect(res.json()).toMatchObject({ enabled: false, disabledReason: 'failing' });

    // Enabled again, the backlog resumes.
    receiver.answer(() => ({ status: 200 }));
    await app.request({
      method: 'PATCH',
      url: `/v1/webhooks/${hook.id}`,
      key: ws.apiKey,
      payload: { enabled: true },
    });
    await eventually(async () => (await deliveries(app, ws.apiKey, hook.id))[0]?.status === 'succeeded');
  });
});
