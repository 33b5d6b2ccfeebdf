import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { linkSandboxDevice, sendText } from '../helpers/sandbox.js';
import { appendHistory } from '../../src/messages/status.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function statusOf(t: TestApp, id: string) {
  return (await t.request({ method: 'GET', url: `/v1/messages/${id}` })).json().status as string;
}

describe('restart', () => {
  it('restores linked devices and loses or doubles no accepted message', async () => {
    const first = await startApp(db);
    const deviceId = await linkSandboxDevice(first, { phone: '+15550006060' });
    await first.request({ method: 'POST', url: `/v1/sandbox/devices/${deviceId}/disconnect` });
    await eventually(
      async () =>
        (await first.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status ===
        'disconnected',
    );
    const queued = [];
    for (let i = 0; i < 3; i++)
      queued.push(
        (await sendText(first, '+15550500000', `queued ${i}`, { queueIfDisconnected: true })).json().id,
      );
    const interrupted = (
      await sendText(first, '+15550500001', 'interrupted once', { queueIfDisconnected: true })
    ).json().id;
    const interruptedTwice = (
      await sendText(first, '+15550500002', 'interrupted twice', { queueIfDisconnected: true })
    ).json().id;
    await first.close();

    // As if the process died right after claiming these two for hand-off.
    const { openDatabase } = await import('../../src/db/database.js');
    const handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    const at = new Date().toISOString();
    await handle.db
      .updateTable('messages')
      .set({ status: 'sending', attempts: 1 })
      .where('id', '=', interrupted)
      .execute();
    await handle.db
      .updateTable('messages')
      .set({ status: 'sending', attempts: 2 })
      .where('id', '=', interruptedTwice)
      .execute();
    await appendHistory(handle.db, interrupted, 'sending', at);
    await appendHistory(handle.db, interruptedTwice, 'sending', at);
    await handle.destroy();

    const second = await startApp(db);
    try {
      await eventually(
        async () =>
          (await second.request({ method: 'GET', url: `/v1/devices/${deviceId}` })).json().status ===
          'connected',
      );
      for (const id of [...queued, interrupted])
        await eventually(async () => (await statusOf(second, id)) === 'read');
      expect(await statusOf(second, interruptedTwice)).toBe('failed');
      const inbox = (await second.request({ method: 'GET', url: '/v1/sandbox/messages?limit=100' })).json()
        .data as Array<{ text: string }>;
      const texts = inbox.map((m) => m.text).sort();
      expect(texts).toEqual(['interrupted once', 'queued 0', 'queued 1', 'queued 2']);
      const all = await second.app.ctx.db.selectFrom('messages').select('id').execute();
      expect(all).toHaveLength(5);
    } finally {
      await second.close();
    }
  });
});
