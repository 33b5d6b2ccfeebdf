/**
 * A message's first timeline entry is its row (`queued` when accepted, `received` when a contact
 * sent it, at `created_at`): accepting or receiving writes no timeline row, the API still shows
 * the entry, and a message stored with that entry as a row (before) shows it once.
 */
import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { customerMessage } from '../conversations/kit.js';
import { makeMessage } from '../helpers/factories.js';
import { appTest } from '../helpers/fixture.js';
import { idleSandboxDevice, sendText } from '../helpers/sandbox.js';

const it = appTest();

async function historyRows(t: TestApp, id: string) {
  return t.app.ctx.db
    .selectFrom('message_status_history')
    .select('status')
    .where('message_id', '=', id)
    .execute();
}

async function apiTimeline(t: TestApp, id: string) {
  const res = await t.request({ method: 'GET', url: `/v1/messages/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<{ createdAt: string; timeline: Array<{ status: string; at: string }> }>();
}

describe("a message's creation entry", () => {
  it('is the accepted message itself: no row is written, the API shows `queued` at its creation', async ({
    t,
  }) => {
    await idleSandboxDevice(t, '+15550093001');
    const accepted = await sendText(t, '+15550093002', 'first entry', { queueIfDisconnected: true });
    expect(accepted.statusCode).toBe(202);
    const id = accepted.json<{ id: string }>().id;
    expect(await historyRows(t, id)).toEqual([]);
    const message = await apiTimeline(t, id);
    expect(message.timeline).toEqual([{ status: 'queued', at: message.createdAt, errorCode: null }]);
  });

  it('is the received message itself for an inbound one', async ({ t }) => {
    const { deviceId } = await idleSandboxDevice(t, '+15550093003');
    const received = await customerMessage(t, deviceId, '+15550093004', 'hello there');
    expect(received).toBeDefined();
    const id = received!.id;
    expect(await historyRows(t, id)).toEqual([]);
    const message = await apiTimeline(t, id);
    expect(message.timeline).toEqual([{ status: 'received', at: message.createdAt, errorCode: null }]);
  });

  it('is shown once for a message stored with it as a row', async ({ t }) => {
    const at = '2026-05-01T10:00:00.000Z';
    const row = await makeMessage(t.app.ctx.db, { workspace_id: t.workspaceId, created_at: at });
    await t.app.ctx.db
      .insertInto('message_status_history')
      .values([
        { message_id: row.id, status: 'queued', at, error_code: null },
        { message_id: row.id, status: 'sending', at: '2026-05-01T10:00:01.000Z', error_code: null },
      ])
      .execute();
    const message = await apiTimeline(t, row.id);
    expect(message.timeline.map((entry) => entry.status)).toEqual(['queued', 'sending']);
  });
});
