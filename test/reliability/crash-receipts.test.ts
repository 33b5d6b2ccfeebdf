/**
 * Sandbox receipts survive a crash: messages left at `sent` by a `kill -9` reach `delivered` and
 * `read` after a restart on the same data, delivered before read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { CrashableServer, linkSandboxDevice } from './crash-kit.js';

let db: TestDatabase;
let server: CrashableServer;

beforeAll(async () => {
  db = await createTestDatabase();
  // Receipts slow enough that every message is still at `sent` when the server is killed.
  server = new CrashableServer(db, { WAPING_SANDBOX_DELIVERED_MS: '4000', WAPING_SANDBOX_READ_MS: '5000' });
  await server.start();
}, 120_000);
afterAll(async () => {
  await server.kill();
  await db.drop();
});

interface TimelineEntry {
  status: string;
}

describe('sandbox receipts across a crash', () => {
  it(
    'messages left at sent by kill -9 are delivered, then read, after the restart',
    { timeout: 90_000 },
    async () => {
      await linkSandboxDevice(server, '+15550001000');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const sent = await server.api('POST', '/v1/messages', {
          to: `+1555020${String(i).padStart(4, '0')}`,
          type: 'text',
          text: { body: `before the crash ${i}` },
        });
        expect(sent.status).toBe(202);
        ids.push(String(sent.json.id));
      }
      await eventually(async () => {
        for (const id of ids)
          if ((await server.api('GET', `/v1/messages/${id}`)).json.status !== 'sent') return false;
        return true;
      }, 20_000);

      await server.kill();
      await server.start();

      for (const id of ids) {
        await eventually(
          async () => (await server.api('GET', `/v1/messages/${id}`)).json.status === 'read',
          30_000,
        );
        const message = (await server.api('GET', `/v1/messages/${id}`)).json;
        const timeline = (message.timeline as TimelineEntry[]).map((t) => t.status);
        expect(timeline.filter((s) => s === 'delivered' || s === 'read')).toEqual(['delivered', 'read']);
      }
      // The recipients' phones kept what they had received across the restart.
      const inbox = (await server.api('GET', '/v1/sandbox/messages?limit=500')).json.data as Array<{
        text: string;
        status: string;
      }>;
      for (let i = 0; i < 5; i++) {
        expect(inbox.filter((m) => m.text === `before the crash ${i}`).map((m) => m.status)).toEqual([
          'read',
        ]);
      }
    },
  );
});
