import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBus } from '../../src/events/memory-bus.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

let db: TestDatabase;
let nodeA: TestApp;
let nodeB: TestApp;
// On PostgreSQL each node has its own bus and NOTIFY carries it between them. On SQLite both nodes
// run in this process, so they share one in-process bus that stands in for it.
const sharedBus = new MemoryBus();

beforeAll(async () => {
  db = await createTestDatabase();
  const deps = db.dialect === 'sqlite' ? { bus: sharedBus } : {};
  nodeA = await startApp(db, { WAPING_NODE_ID: 'node-a' }, deps);
  nodeB = await startApp(db, { WAPING_NODE_ID: 'node-b' }, deps);
});
afterAll(async () => {
  await nodeB.close();
  await nodeA.close();
  await sharedBus.close();
  await db.drop();
});

describe('POST /v1/contacts/check on a node that does not run the device', () => {
  it('asks WhatsApp through the node that runs it, and keeps the answer', async () => {
    const deviceId = await linkSandboxDevice(nodeA, { phone: '+15550006060' });
    expect(nodeA.app.supervisor.isRunning(deviceId)).toBe(true);
    expect(nodeB.app.supervisor.isRunning(deviceId)).toBe(false);

    const onWhatsApp = await nodeB.request({
      method: 'POST',
      url: '/v1/contacts/check',
      payload: { phone: '+15550006061' },
    });
    expect(onWhatsApp.statusCode).toBe(200);
    expect(onWhatsApp.json()).toEqual({
      phone: '+15550006061',
      onWhatsApp: true,
      jid: '15550006061@s.whatsapp.net',
    });

    const notOnWhatsApp = await nodeB.request({
      method: 'POST',
      url: '/v1/contacts/check',
      payload: { phone: '+15555550101', deviceId },
    });
    expect(notOnWhatsApp.statusCode).toBe(200);
    expect(notOnWhatsApp.json()).toMatchObject({ phone: '+15555550101', onWhatsApp: false });

    const stored = await nodeB.request({ method: 'GET', url: '/v1/contacts/%2B15550006061' });
    expect(stored.json()).toMatchObject({ onWhatsApp: true, jid: '15550006061@s.whatsapp.net' });
    expect(nodeB.app.supervisor.isRunning(deviceId)).toBe(false);
  });
});
