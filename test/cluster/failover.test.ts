import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { eventually, TEST_MASTER_KEY } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { startReceiver, type Receiver } from '../webhooks/kit.js';

// Two `waping serve` processes on one database with the default lease timing (6 s lease, renewed
// every 1.5 s, given up after 4 s without a renewal, polled for every second). Runs on both
// dialects: several processes may share one SQLite file too, which is all this needs.
const KEY = 'wap_cluster_failover_key_000000000001';

let db: TestDatabase;
let store: DatabaseHandle;
let receiver: Receiver;
const nodes: ServerProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await startReceiver();
});
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.kill()));
  await store?.destroy();
  await receiver.close();
  await db.drop();
});

async function startNode(nodeId: string): Promise<ServerProcess> {
  const node = await startServerProcess({
    WAPING_DATA_DIR: db.dataDir,
    WAPING_MASTER_KEY: TEST_MASTER_KEY,
    WAPING_API_KEY: KEY,
    WAPING_NODE_ID: nodeId,
    WAPING_SANDBOX_DELIVERED_MS: '30',
    WAPING_SANDBOX_READ_MS: '60',
    WAPING_WEBHOOK_ALLOW_PRIVATE: 'true',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
  });
  nodes.push(node);
  return node;
}

async function api(node: ServerProcess, method: string, path: string, body?: object) {
  const res = await fetch(`${node.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function holder(deviceId: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('device_leases')
    .select('node_id')
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return row?.node_id;
}

/** The device events the webhook receiver got from `from` on, as "type statusReason". */
function deviceHooks(deviceId: string, from = 0): string[] {
  return receiver.received
    .slice(from)
    .filter((r) => r.event.type.startsWith('device.') && r.event.data.id === deviceId)
    .map((r) => `${r.event.type} ${String(r.event.data.statusReason)}`);
}

describe('failover between nodes', () => {
  it(
    'a node killed with -9: the survivor says so, takes the device over and sends its queue',
    { timeout: 120_000 },
    async () => {
      const a = await startNode('node-a');
      store = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
      expect((await api(a, 'POST', '/v1/webhooks', { url: receiver.url, events: ['*'] })).status).toBe(201);
      const device = (await api(a, 'POST', '/v1/devices', { name: 'Failover line' })).json;
      const deviceId = String(device.id);
      await api(a, 'POST', `/v1/devices/${deviceId}/connect`);
      await eventually(async () => (await api(a, 'GET', `/v1/devices/${deviceId}`)).json.status === 'qr');
      await api(a, 'POST', `/v1/sandbox/devices/${deviceId}/scan`, { phone: '+15550062001' });
      await eventually(
        async () => (await api(a, 'GET', `/v1/devices/${deviceId}`)).json.status === 'connected',
      );
      const b = await startNode('node-b');
      expect(await holder(deviceId)).toBe('node-a');
      await eventually(() => deviceHooks(deviceId).includes('device.connected null'));
      const seenBefore = receiver.received.length;

      const killedAt = Date.now();
      await a.kill();
      // Accepted by the survivor while the device still shows the status its dead node left.
      const queued: string[] = [];
      for (const n of [1, 2, 3]) {
        const res = await api(b, 'POST', '/v1/messages', {
          to: `+1555091000${n}`,
          deviceId,
          type: 'text',
          text: { body: `queued while node-a is dead ${n}` },
        });
        expect(res.status).toBe(202);
        queued.push(String(res.json.id));
      }

      for (const id of queued) {
        await eventually(
          async () =>
            ['sent', 'delivered', 'read'].includes(
              String((await api(b, 'GET', `/v1/messages/${id}`)).json.status),
            ),
          30_000,
        );
      }
      expect(await holder(deviceId)).toBe('node-b');
      // Each message was claimed once: nobody else sent it.
      const history = await store.db
        .selectFrom('message_status_history')
        .select(['message_id', 'status', 'at'])
        .where('message_id', 'in', queued)
        .execute();
      for (const id of queued) {
        expect(history.filter((h) => h.message_id === id && h.status === 'sending')).toHaveLength(1);
      }
      const firstSent = Math.min(...history.filter((h) => h.status === 'sent').map((h) => Date.parse(h.at)));
      // Measured, not asserted (speed belongs to bench/); docs/architecture.md lists runs.
      console.warn(
        `[${db.dialect}] kill -9 → first queued message sent by the survivor: ${firstSent - killedAt} ms`,
      );

      // Meanwhile the device said what happened, as an event delivered to webhooks, then recovered.
      await eventually(() => deviceHooks(deviceId, seenBefore).includes('device.connected null'), 20_000);
      expect(deviceHooks(deviceId, seenBefore)).toEqual([
        'device.disconnected node_lost; reconnecting',
        'device.connected null',
      ]);
      expect((await api(b, 'GET', `/v1/devices/${deviceId}`)).json).toMatchObject({
        status: 'connected',
        statusReason: null,
      });
    },
  );
});
