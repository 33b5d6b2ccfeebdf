import { afterAll, describe, expect } from 'vitest';
import { EVENT_TYPES } from '../../src/events/types.js';
import { newId } from '../../src/lib/ids.js';
import type { DeliveryStatus } from '../../src/webhooks/tables.js';
import { eventually, otherWorkspace, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { createWebhook, deliveries, emit, startReceiver, type Receiver } from './kit.js';

const it = appTest();
const receivers: Receiver[] = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

const BASE = Date.parse('2026-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

interface Planned {
  status: DeliveryStatus;
  attempts: Array<{ minute: number; statusCode: number | null; snippet?: string; error?: string }>;
}

/**
 * Writes a known delivery log for a disabled endpoint (the worker leaves it alone): one event and
 * one delivery per entry, oldest first, with exactly the attempts given.
 */
async function writeLog(t: TestApp, workspaceId: string, endpointId: string, planned: Planned[]) {
  const db = t.app.ctx.db;
  const ids: string[] = [];
  for (const [i, p] of planned.entries()) {
    // Kept whatever the outbox knows of the endpoints: the deliveries below are made by hand.
    const event = await t.app.ctx.events.record(
      db,
      { workspaceId, type: 'message.delivered', data: { id: `msg_${i}` }, now: t.app.ctx.clock.now() },
      { keep: true },
    );
    const id = newId('dlv', BASE + i * 1000);
    ids.push(id);
    const last = p.attempts.at(-1);
    await db
      .insertInto('webhook_deliveries')
      .values({
        id,
        workspace_id: workspaceId,
        endpoint_id: endpointId,
        event_id: event.id,
        event_type: event.type,
        sequence_key: '',
        status: p.status,
        attempts: p.attempts.length,
        schedule_step: 0,
        next_attempt_at: p.status === 'pending' ? at(60) : null,
        locked_until: null,
        lock_token: null,
        last_status_code: last?.statusCode ?? null,
        response_snippet: last?.snippet ?? null,
        last_error: last?.error ?? null,
        last_attempt_at: last ? at(last.minute) : null,
        created_at: event.createdAt,
        updated_at: event.createdAt,
      })
      .execute();
    if (p.attempts.length > 0)
      await db
        .insertInto('webhook_attempts')
        .values(
          p.attempts.map((a, n) => ({
            delivery_id: id,
            number: n + 1,
            started_at: at(a.minute),
            duration_ms: 40,
            status_code: a.statusCode,
            response_snippet: a.snippet ?? null,
            error: a.error ?? null,
          })),
        )
        .execute();
  }
  return ids;
}

describe('webhook endpoint health', () => {
  it('counts the latest deliveries and names the last failed attempt', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    const hook = await createWebhook(t, apiKey, {
      url: 'http://127.0.0.1:9/h',
      events: ['*'],
      enabled: false,
    });
    const ids = await writeLog(t, workspaceId, hook.id, [
      { status: 'succeeded', attempts: [{ minute: 1, statusCode: 200 }] },
      {
        status: 'succeeded',
        attempts: [
          { minute: 2, statusCode: 500, snippet: 'down' },
          { minute: 3, statusCode: 200 },
        ],
      },
      {
        status: 'failed',
        attempts: [
          { minute: 4, statusCode: 503, snippet: 'busy' },
          { minute: 8, statusCode: null, error: 'No answer within 15 s' },
        ],
      },
      { status: 'pending', attempts: [{ minute: 6, statusCode: 500, snippet: 'boom' }] },
      { status: 'pending', attempts: [] },
      { status: 'succeeded', attempts: [{ minute: 7, statusCode: 204 }] },
    ]);

    const res = await t.request({ method: 'GET', url: `/v1/webhooks/${hook.id}/health`, key: apiKey });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      window: 100,
      deliveries: 6,
      succeeded: 3,
      failed: 1,
      retrying: 1,
      waiting: 1,
      successRate: 0.6,
      lastSuccessAt: at(7),
      lastError: {
        at: at(8),
        deliveryId: ids[2],
        eventType: 'message.delivered',
        statusCode: null,
        responseSnippet: null,
        error: 'No answer within 15 s',
      },
    });
  });

  it('looks at the latest 100 deliveries only', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    const hook = await createWebhook(t, apiKey, {
      url: 'http://127.0.0.1:9/h',
      events: ['*'],
      enabled: false,
    });
    // The oldest failed; the 100 after it succeeded, so it is out of the window.
    await writeLog(t, workspaceId, hook.id, [
      { status: 'failed', attempts: [{ minute: 1, statusCode: 500, snippet: 'old' }] },
      ...Array.from({ length: 100 }, () => ({
        status: 'succeeded' as const,
        attempts: [{ minute: 2, statusCode: 200 }],
      })),
    ]);
    const res = await t.request({ method: 'GET', url: `/v1/webhooks/${hook.id}/health`, key: apiKey });
    expect(res.json()).toMatchObject({
      deliveries: 100,
      succeeded: 100,
      failed: 0,
      successRate: 1,
      lastError: null,
    });
  });

  it('has no rate and no error before anything was tried, and stays in its workspace', async ({ t }) => {
    const { apiKey } = await otherWorkspace(t);
    const hook = await createWebhook(t, apiKey, {
      url: 'http://127.0.0.1:9/h',
      events: ['*'],
      enabled: false,
    });
    const res = await t.request({ method: 'GET', url: `/v1/webhooks/${hook.id}/health`, key: apiKey });
    expect(res.json()).toMatchObject({
      deliveries: 0,
      successRate: null,
      lastSuccessAt: null,
      lastError: null,
    });

    const other = await otherWorkspace(t);
    const foreign = await t.request({
      method: 'GET',
      url: `/v1/webhooks/${hook.id}/health`,
      key: other.apiKey,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('lists every event type an endpoint can subscribe to, and not the test event', async ({ t }) => {
    const { apiKey } = await otherWorkspace(t);
    const res = await t.request({ method: 'GET', url: '/v1/webhooks/event-types', key: apiKey });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: EVENT_TYPES.filter((type) => type !== 'webhook.test') });
  });

  it('shows a delivery with the body its attempts sent, byte for byte', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    const receiver = await startReceiver();
    receivers.push(receiver);
    const hook = await createWebhook(t, apiKey, { url: receiver.url, events: ['*'] });
    await emit(t, workspaceId, 'message.received', { id: 'msg_in', text: 'héllo "there"' });
    const [done] = await eventually(async () => {
      const rows = await deliveries(t, apiKey, hook.id);
      return rows[0]?.status === 'succeeded' && rows;
    });
    const res = await t.request({
      method: 'GET',
      url: `/v1/webhooks/${hook.id}/deliveries/${done!.id}`,
      key: apiKey,
    });
    expect(res.statusCode).toBe(200);
    const detail = res.json<{ payload: string; attempts: unknown[] }>();
    expect(detail.payload).toBe(receiver.received[0]!.body);
    expect(detail.attempts).toHaveLength(1);
  });
});
