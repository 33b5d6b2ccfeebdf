import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention, startRetention } from '../../src/inbound/retention.js';
import { otherWorkspace, eventually } from '../helpers/app.js';
import { makeMessage } from '../helpers/factories.js';
import { startHttpRecorder } from '../channels/http-recorder.js';
import { customerWrites, DAY, linkDevice, startInboundApp, type InboundKit } from './kit.js';

let kit: InboundKit;
let deviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  kit.clock.set('2025-01-01T00:00:00Z');
  deviceId = await linkDevice(kit.t);
});
afterAll(async () => {
  await kit.close();
});

const message = (id: string) => kit.t.request({ method: 'GET', url: `/v1/messages/${id}` });
const send = async (payload: Record<string, unknown>) => {
  const res = await kit.t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { type: 'text', ...payload },
  });
  expect(res.statusCode).toBe(202);
  return (res.json() as { id: string }).id;
};

/** A message row as another part of WAPing would leave it (another tenant, a queue that waits). */
async function insertMessage(
  workspaceId: string,
  createdAt: string,
  fields: { status: 'received' | 'queued'; body: string },
): Promise<string> {
  const row = await makeMessage(kit.t.app.ctx.db, {
    workspace_id: workspaceId,
    direction: fields.status === 'queued' ? 'out' : 'in',
    phone: '+15557770009',
    body: fields.body,
    status: fields.status,
    source: 'inbound',
    wa_message_id: null,
    created_at: createdAt,
  });
  return row.id;
}

describe('retention', () => {
  it('erases bodies older than retentionDays and nothing else', async () => {
    const other = await otherWorkspace(kit.t);
    await kit.t.app.ctx.db
      .updateTable('workspaces')
      .set({ settings: JSON.stringify({ retentionDays: 60 }) })
      .where('id', '=', other.workspaceId)
      .execute();
    const foreign = await insertMessage(other.workspaceId, '2025-01-01T00:00:00.000Z', {
      status: 'received',
      body: 'foreign body',
    });

    // A webhook receiver taking the messages' events, so they have rows (an event no webhook wants
    // has none) to age out; it answers at once, so no delivery still waits to send them.
    const receiver = await startHttpRecorder(() => ({ status: 200 }));
    const hook = await kit.t.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: { url: receiver.url, events: ['message.received', 'message.read'] },
    });
    expect(hook.statusCode).toBe(201);
    const oldIn = (await customerWrites(kit, deviceId, 'old question', '+15557770001')).inboundId;
    const oldOut = await send({
      deviceId,
      to: '+15557770001',
      text: { body: 'old answer' },
      metadata: { ticket: 7 },
    });
    await eventually(async () => (await message(oldOut)).json().status === 'read');
    await eventually(async () => receiver.requests.length === 2);
    // Received is not yet recorded as sent: an event whose delivery still waits is kept.
    const hookId = hook.json<{ webhook: { id: string } }>().webhook.id;
    await eventually(
      async () =>
        (
          await kit.t.request({ method: 'GET', url: `/v1/webhooks/${hookId}/deliveries?status=succeeded` })
        ).json<{ data: unknown[] }>().data.length === 2,
    );
    await receiver.close();
    const waiting = await insertMessage(kit.t.workspaceId, '2025-01-01T00:00:00.000Z', {
      status: 'queued',
      body: 'still waiting to go out',
    });

    kit.clock.set(new Date(Date.parse('2025-01-01T00:00:00Z') + 30 * DAY + 60_000));
    const recentIn = (await customerWrites(kit, deviceId, 'new question', '+15557770001')).inboundId;

    expect(await runRetention(kit.t.app.ctx)).toBe(2);

    const erasedOut = (await message(oldOut)).json();
    expect(erasedOut).toMatchObject({
      body: null,
      status: 'read',
      metadata: { ticket: 7 },
      to: '+15557770001',
    });
    expect(erasedOut.timeline.map((s: { status: string }) => s.status)).toEqual([
      'queued',
      'sending',
      'sent',
      'delivered',
      'read',
    ]);
    expect((await message(oldIn)).json()).toMatchObject({ body: null, status: 'received' });
    expect((await message(recentIn)).json().body).toBe('new question');
    expect((await message(waiting)).json()).toMatchObject({
      status: 'queued',
      body: 'still waiting to go out',
    });
    const sealed = await kit.t.app.ctx.db
      .selectFrom('messages')
      .select('sealed_body')
      .where('id', '=', oldOut)
      .executeTakeFirstOrThrow();
    expect(sealed.sealed_body).toBeNull();
    const kept = await kit.t.app.ctx.db
      .selectFrom('messages')
      .select('body')
      .where('id', '=', foreign)
      .executeTakeFirstOrThrow();
    expect(kept.body).toBe('foreign body');

    // The events that carried the old texts went with them (their deliveries were sent); the
    // recent one stays.
    const events = await kit.t.app.ctx.db
      .selectFrom('events')
      .select(['data', 'created_at'])
      .where('workspace_id', '=', kit.t.workspaceId)
      .execute();
    expect(events.some((e) => e.data.includes('old question') || e.data.includes('old answer'))).toBe(false);
    expect(events.some((e) => e.data.includes('new question'))).toBe(true);

    // Nothing left to erase: a second run changes nothing.
    expect(await runRetention(kit.t.app.ctx)).toBe(0);
  });

  it('follows a shorter retention set with PATCH /v1/workspace', async () => {
    const patched = await kit.t.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { retentionDays: 1 },
    });
    expect(patched.json()).toMatchObject({ settings: { retentionDays: 1 } });
    const id = (await customerWrites(kit, deviceId, 'short-lived', '+15557770003')).inboundId;
    kit.clock.advance(DAY - 60_000);
    await runRetention(kit.t.app.ctx);
    expect((await message(id)).json().body).toBe('short-lived');
    kit.clock.advance(2 * 60_000);
    expect(await runRetention(kit.t.app.ctx)).toBeGreaterThanOrEqual(1);
    expect((await message(id)).json().body).toBeNull();
  });
});

describe('retention timer', () => {
  it('runs on its interval and stops cleanly', async () => {
    const id = (await customerWrites(kit, deviceId, 'timer fodder', '+15557770004')).inboundId;
    kit.clock.advance(400 * DAY);
    const timer = startRetention(kit.t.app.ctx, 5);
    await eventually(async () => (await message(id)).json().body === null);
    await timer.stop();
  });
});
