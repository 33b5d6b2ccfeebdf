import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startApp, TEST_MASTER_KEY, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

let db: TestDatabase;
let nodeA: ServerProcess | undefined;
let nodeB: TestApp | undefined;
const KEY = 'wap_cluster_test_key_00000000000001';

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await nodeA?.kill();
  await nodeB?.close();
  await db.drop();
});

async function api(method: string, path: string, body?: object) {
  const res = await fetch(`${nodeA!.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('several nodes on one database', () => {
  // Two processes starting on a loaded machine take most of the time; the takeover itself is seconds.
  it('one node runs a device; another takes it over when the first dies', { timeout: 60_000 }, async () => {
    const env = {
      WAPING_DATA_DIR: db.dataDir,
      WAPING_MASTER_KEY: TEST_MASTER_KEY,
      WAPING_API_KEY: KEY,
      WAPING_LEASE_TTL_SECONDS: '3',
      WAPING_SANDBOX_DELIVERED_MS: '30',
      WAPING_SANDBOX_READ_MS: '60',
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    };
    nodeA = await startServerProcess({ ...env, WAPING_NODE_ID: 'node-a' });
    const device = (await api('POST', '/v1/devices', { name: 'Shared line' })).json;
    await api('POST', `/v1/devices/${device.id}/connect`);
    await eventually(async () => (await api('GET', `/v1/devices/${device.id}`)).json.status === 'qr');
    expect(
      (await api('POST', `/v1/sandbox/devices/${device.id}/scan`, { phone: '+15550007070' })).json.status,
    ).toBe('connected');

    nodeB = await startApp(db, {
      WAPING_NODE_ID: 'node-b',
      WAPING_LEASE_TTL_SECONDS: '3',
      WAPING_API_KEY: KEY,
    });
    const b = nodeB;
    const holder = async () =>
      (
        await b.app.ctx.db
          .selectFrom('device_leases')
          .select('node_id')
          .where('device_id', '=', String(device.id))
          .executeTakeFirst()
      )?.node_id;
    expect(await holder()).toBe('node-a');
    expect(b.app.supervisor.isRunning(String(device.id))).toBe(false);

    // Any node accepts the API call; the lease holder sends it.
    const viaB = (
      await b.request({
        method: 'POST',
        url: '/v1/messages',
        payload: { to: '+15550800000', type: 'text', text: { body: 'through B' } },
      })
    ).json();
    await eventually(
      async () =>
        (await b.request({ method: 'GET', url: `/v1/messages/${viaB.id}` })).json().status === 'read',
    );
    expect(b.app.supervisor.isRunning(String(device.id))).toBe(false);

    const killedAt = new Date().toISOString();
    await nodeA.kill();
    await eventually(() => b.app.supervisor.isRunning(String(device.id)), 20_000);
    expect(await holder()).toBe('node-b');
    // The row says `connected` from node A's time until node B, taking over, says the line was
    // lost: only a `connected` written after the kill is node B's own.
    await eventually(async () => {
      const line = (await b.request({ method: 'GET', url: `/v1/devices/${device.id}` })).json();
      return line.status === 'connected' && line.statusChangedAt > killedAt;
    });
    const after = (
      await b.request({
        method: 'POST',
        url: '/v1/messages',
        payload: { to: '+15550800001', type: 'text', text: { body: 'after takeover' } },
      })
    ).json();
    await eventually(
      async () =>
        (await b.request({ method: 'GET', url: `/v1/messages/${after.id}` })).json().status === 'read',
    );
  });
});
