import { describe, expect } from 'vitest';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../src/db/database.js';
import type { Database } from '../../src/db/types.js';
import { newId } from '../../src/lib/ids.js';
import { idleLinesOf } from '../../src/messages/idle-lines.js';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, messageStatus, sendText, waitForStatus } from '../helpers/sandbox.js';

const it = appTest();

/**
 * A queued message written straight into the database with no wake-up at all: through a
 * connection of its own, it is what another process queues (on SQLite the bus does not reach it;
 * on PostgreSQL its NOTIFY may be missed).
 */
async function queueFromElsewhere(db: Kysely<Database>, like: string): Promise<string> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', like).executeTakeFirstOrThrow();
  const now = new Date();
  const id = newId('msg', now.getTime());
  await db
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
        const id = await queueFromElsewhere(other.db, first);
        await eventually(async () => ['sent', 'delivered', 'read'].includes(await messageStatus(t, id)));
      }
    } finally {
      await other.destroy();
    }
  });

  it('an idle line picks up a message whose wake-up this process never delivered', async ({ t }) => {
    await linkSandboxDevice(t, { phone: '+15550072003' });
    const sent = await sendText(t, '+15550072103', 'first');
    expect(sent.statusCode).toBe(202);
    const first = sent.json<{ id: string }>().id;
    await waitForStatus(t, first, 'read');

    // Written through the app's own handle and no `dispatch:` published: on SQLite the write is
    // this connection's own, so data_version does not show it either.
    const idle = idleLinesOf(t.app.ctx);
    await idle.look(); // The line is idle and already looked at.
    const id = await queueFromElsewhere(t.app.ctx.db, first);
    // The node's looks, made at once instead of one a second or every 2 s.
    for (let look = 0; look < 12 && (await messageStatus(t, id)) === 'queued'; look++) await idle.look();
    await eventually(async () => ['sent', 'delivered', 'read'].includes(await messageStatus(t, id)));
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
