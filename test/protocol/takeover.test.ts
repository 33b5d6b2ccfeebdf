/**
 * Two WAPing nodes on one database and a real Baileys session: the node running the device is
 * killed (SIGKILL), the other takes the lease and resumes the session from the database, with no
 * new QR, and its messages still reach the contact, who decrypts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { eventually } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import type { SimulatedContact } from '../wa-server/contact.js';
import type { SimulatedPhone } from '../wa-server/phone.js';
import { startWaServer, type WaServer } from '../wa-server/server.js';
import { linkByQr, messageStatus, sendText, startWaping, type WapingProcess } from '../wa-server/waping.js';

let db: TestDatabase;
let wa: WaServer;
let nodeA: WapingProcess | undefined;
let nodeB: WapingProcess | undefined;
let phone: SimulatedPhone;
let contact: SimulatedContact;

const LINE = '+15550500001';

beforeAll(async () => {
  db = await createTestDatabase();
  wa = await startWaServer();
  phone = await wa.phone(LINE);
  contact = await wa.contact('+15550600001', { receipts: { deliveredAfterMs: 10, readAfterMs: 30 } });
}, 180_000);
afterAll(async () => {
  await nodeA?.kill();
  await nodeB?.stop();
  await wa?.close();
  await db?.drop();
});

/** The node id holding the device's lease, read from the shared database. */
async function leaseHolder(deviceId: string): Promise<string | undefined> {
  const handle = openDatabase({
    dataDir: db.dataDir,
    ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}),
  });
  try {
    const row = await handle.db
      .selectFrom('device_leases')
      .select('node_id')
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return row?.node_id;
  } finally {
    await handle.destroy();
  }
}

describe('several nodes on one database, a real WhatsApp session', { timeout: 180_000 }, () => {
  it('the node running the device dies; another resumes the session from the database without a QR', async () => {
    // One after the other: the first start of a database creates its default workspace.
    // A short lease, so the survivor takes the line over soon after the kill. The other protocol
    // tests keep the default: a stall of a loaded machine longer than a 3-second lease hands a
    // message off twice, which their exact timelines do not expect.
    nodeA = await startWaping(wa, db, { WAPING_NODE_ID: 'node-a', WAPING_LEASE_TTL_SECONDS: '3' });
    nodeB = await startWaping(wa, db, { WAPING_NODE_ID: 'node-b', WAPING_LEASE_TTL_SECONDS: '3' });
    const deviceId = await linkByQr(nodeA, phone, { name: 'Shared line' });
    const holder = await leaseHolder(deviceId);
    const [running, survivor] = holder === 'node-a' ? [nodeA, nodeB] : [nodeB, nodeA];

    // Any node accepts the API call; the node holding the device's lease sends it.
    const viaSurvivor = await sendText(survivor, deviceId, contact.number, 'accepted by the other node');
    await contact.waitForText('accepted by the other node');
    await messageStatus(survivor, viaSurvivor, 'read');
    const firstConnection = phone.liveConnections()[0]?.who;

    const online = phone.activations() + 1;
    await running.kill();
    await phone.waitForOnline(online, 60_000);
    expect(phone.liveConnections().map((c) => c.who)).not.toContain(firstConnection);
    await eventually(
      async () => (await survivor.api('GET', `/v1/devices/${deviceId}`)).json?.status === 'connected',
      30_000,
    );
    expect(await leaseHolder(deviceId)).toBe(holder === 'node-a' ? 'node-b' : 'node-a');

    // One registration, one companion: the session came from the database, not from a new link.
    expect(wa.log.find((e) => e.text.startsWith('registration'))).toHaveLength(1);
    expect(phone.companions()).toHaveLength(1);
    expect(wa.logins(LINE).filter((l) => l === 'success').length).toBeGreaterThanOrEqual(2);

    const after = await sendText(survivor, deviceId, contact.number, 'sent after the takeover');
    await contact.waitForText('sent after the takeover');
    await messageStatus(survivor, after, 'read');
    expect(contact.failures).toEqual([]);
  });
});
