import { describe, expect } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { newId } from '../../src/lib/ids.js';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, messageStatus, sendText, waitForStatus } from '../helpers/sandbox.js';

const it = appTest();

/**
 * A message another process queued (on SQLite the bus does not reach it; on PostgreSQL its
 * NOTIFY may be missed): written through a connection of its own, with no wake-up at all.
 */
async function queueFromElsewhere(other: DatabaseHandle, like: string): Promise<string> {
  const row = await other.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', like)
    .executeTakeFirstOrThrow();
  const now = new Date();
  const id = newId('msg', now.getTime());
  await other.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('messages')
      .values({
        ...row,
        id,
        status: 'queued',
        attempts: 0,
        wa_message_id: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto('message_status_history')
      .values({ message_id: id, status: 'queued', at: now.toISOString(), error_code: null })
      .execute();
  });
  return id;
}

describe('idle lines', () => {
  it('an idle line picks up a message queued elsewhere without a wake-up', async ({ t, db }) => {
    await linkSandboxDevice(t, { phone: '+15550072001' });
    const sent = await sendText(t, '+15550072101', 'first');
    expect(sent.statusCode).toBe(202);
    const first = sent.json<{ id: string }>().id;
    await waitForStatus(t, first, 'read');

    const other = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    try {
      // Twice: the line goes idle again after the first, and must be looked at again.
      for (let round = 0; round < 2; round++) {
        const id = await queueFromElsewhere(other, first);
        await eventually(async () => ['sent', 'delivered', 'read'].includes(await messageStatus(t, id)));
      }
    } finally {
      await other.destroy();
    }
  });

  it('a backlog is handed off in queue order, each message recorded as sent once', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550072002' });
    await t.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await t.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status === 'disconnected',
    );
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await sendText(t, '+15550072200', `backlog ${i}`, {
        deviceId,
        queueIfDisconnected: true,
        ...(i === 15 ? { priority: 'high' } : {}),
      });
      expect(res.statusCode).toBe(202);
      ids.push(res.json<{ id: string }>().id);
    }
    await t.request({ method: 'POST', url: `/v1/devices/${deviceId}/connect` });
    for (const id of ids) await waitForStatus(t, id, 'read');

    const inbox = (await t.request({ method: 'GET', url: '/v1/sandbox/messages?to=%2B15550072200' })).json()
      .data as Array<{ text: string }>;
    const order = [15, ...Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 15)];
    expect([...inbox].reverse().map((m) => m.text)).toEqual(order.map((i) => `backlog ${i}`));
    const messages = await t.app.ctx.db
      .selectFrom('messages')
      .select(['attempts'])
      .where('id', 'in', ids)
      .execute();
    expect(messages.map((m) => m.attempts)).toEqual(ids.map(() => 1));
    const sent = await t.app.ctx.db
      .selectFrom('message_status_history')
      .select('message_id')
      .where('message_id', 'in', ids)
      .where('status', '=', 'sent')
      .execute();
    expect(sent.map((r) => r.message_id).sort()).toEqual([...ids].sort());
  });
});
