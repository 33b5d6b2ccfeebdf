/**
 * Linking by pairing code, and what WhatsApp can do to a running session, against a real WAPing
 * process on the WhatsApp Web protocol test server: a wrong code, another client taking the
 * session over (440), the server ending the stream or the network dropping, and the phone
 * unlinking the device (401) while messages wait in its queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import type { SimulatedContact } from '../wa-server/contact.js';
import type { SimulatedPhone } from '../wa-server/phone.js';
import { startWaServer, type WaServer } from '../wa-server/server.js';
import {
  deviceStatus,
  linkByQr,
  messageStatus,
  sendText,
  startWaping,
  UNPACED,
  type WapingProcess,
} from '../wa-server/waping.js';

let db: TestDatabase;
let wa: WaServer;
let waping: WapingProcess;
let phone: SimulatedPhone;
let contact: SimulatedContact;
let deviceId: string;

const LINE = '+15550300001';

beforeAll(async () => {
  db = await createTestDatabase();
  wa = await startWaServer();
  phone = await wa.phone(LINE);
  contact = await wa.contact('+15550400001', { receipts: { deliveredAfterMs: 10, readAfterMs: 30 } });
  waping = await startWaping(wa, db);
}, 180_000);
afterAll(async () => {
  await waping?.stop();
  await wa?.close();
  await db?.drop();
});

describe('the transport rule', { timeout: 180_000 }, () => {
  it('WAPing refuses a ws:// WhatsApp URL without the test-only switch; this suite runs on wss://', async () => {
    expect(wa.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\//);
    const clearText = wa.url.replace(/^wss:/, 'ws:');
    await expect(startWaping(wa, db, { WAPING_WA_WS_URL: clearText })).rejects.toThrow(
      /WAPING_WA_ALLOW_INSECURE_WS/,
    );
  });
});

describe('linking by pairing code', { timeout: 180_000 }, () => {
  it('a wrong code is refused by the phone; the right one links the device', async () => {
    const { json: device } = await waping.api('POST', '/v1/devices', {
      name: 'Code line',
      engine: 'baileys',
      pacing: UNPACED,
    });
    deviceId = device.id;
    const { status, json } = await waping.api('POST', `/v1/devices/${deviceId}/pairing-code`, {
      phone: LINE,
    });
    expect(status).toBe(200);
    expect(json.code).toMatch(/^[A-Z0-9]{8}$/);
    const wrong = json.code === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH';
    await expect(phone.enterPairingCode(wrong)).rejects.toThrow(/does not match/);
    expect(phone.companions()).toHaveLength(0);

    const online = phone.activations() + 1;
    await phone.enterPairingCode(json.code);
    const connected = await deviceStatus(waping, deviceId, 'connected');
    expect(connected.phone).toBe(LINE);
    await phone.waitForOnline(online);
    await phone.waitForFirstSync();
    // A code link is a link like any other: no QR was scanned.
    expect(wa.log.find((e) => e.text.startsWith('scanned QR'))).toEqual([]);
    const id = await sendText(waping, deviceId, contact.number, 'linked by code');
    await contact.waitForText('linked by code');
    await messageStatus(waping, id, 'read');
  });
});

describe('what WhatsApp does to a running session', { timeout: 180_000 }, () => {
  it('440 (another client took the session over): disconnected, not logged out; it resumes after a restart', async () => {
    expect(phone.conflict()).toBe(1);
    const device = await eventually(async () => {
      const { json } = await waping.api('GET', `/v1/devices/${deviceId}`);
      return json?.status === 'disconnected' ? json : undefined;
    });
    expect(device.statusReason).toMatch(/conflict|replaced/i);
    expect(device.statusReason).toMatch(/reconnecting/);

    const online = phone.activations() + 1;
    await waping.stop();
    waping = await startWaping(wa, db);
    await phone.waitForOnline(online);
    await deviceStatus(waping, deviceId, 'connected');
    expect(phone.companions()).toHaveLength(1);
    const id = await sendText(waping, deviceId, contact.number, 'back after the takeover');
    await contact.waitForText('back after the takeover');
    await messageStatus(waping, id, 'read');
  });

  it('the server ends the stream, then the network drops: the device reconnects by itself each time', async () => {
    const logins = wa.logins(LINE).length;
    let online = phone.activations() + 1;
    expect(phone.streamEnd()).toBe(1);
    await phone.waitForOnline(online);
    online += 1;
    expect(phone.dropConnections()).toBe(1);
    await phone.waitForOnline(online);
    await deviceStatus(waping, deviceId, 'connected');
    expect(wa.logins(LINE).slice(logins)).toEqual(['success', 'success']);
    const id = await sendText(waping, deviceId, contact.number, 'still here');
    await contact.waitForText('still here');
    await messageStatus(waping, id, 'read');
  });

  it('401 device_removed (the phone unlinks the device while it is connected): logged_out', async () => {
    expect(phone.unlinkCompanions()).toBe(1);
    const device = await deviceStatus(waping, deviceId, 'logged_out');
    expect(device.phone).toBe(LINE);
  });

  it('unlinked while away, with messages waiting: the next login gets 401, logged_out, the queue fails SESSION_LOGGED_OUT', async () => {
    const other = await wa.phone('+15550300002');
    const id = await linkByQr(waping, other, { name: 'Second line' });
    // Every login is answered 503 for now: the device keeps trying, and stays away.
    wa.faults.onLogin({ kind: 'stream-error', code: 503 });
    other.dropConnections();
    await deviceStatus(waping, id, 'disconnected');
    const waiting: string[] = [];
    for (const text of ['first while away', 'second while away']) {
      const res = await waping.api('POST', '/v1/messages', {
        deviceId: id,
        to: contact.number,
        type: 'text',
        text: { body: text },
        queueIfDisconnected: true,
      });
      expect(res.json.status).toBe('queued');
      waiting.push(res.json.id as string);
    }
    expect(other.unlinkCompanions()).toBe(0);
    wa.faults.clear();
    await deviceStatus(waping, id, 'logged_out');
    expect(wa.logins(other.number).at(-1)).toBe('failure 401 (no such linked device)');
    for (const messageId of waiting) {
      const failed = await messageStatus(waping, messageId, 'failed');
      expect(failed.error.code).toBe('SESSION_LOGGED_OUT');
    }
    expect(contact.texts()).not.toContain('first while away');
  });

  it('failure 401 at login: the device is logged out', async () => {
    const third = await wa.phone('+15550300003');
    const id = await linkByQr(waping, third, { name: 'Third line' });
    wa.faults.onLogin({ kind: 'failure', reason: 401 }, 1);
    const online = third.activations();
    third.dropConnections();
    await deviceStatus(waping, id, 'logged_out');
    expect(wa.logins(third.number).at(-1)).toBe('failure 401 (fault)');
    expect(third.activations()).toBe(online);
  });
});
