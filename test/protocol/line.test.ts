/**
 * A real WAPing process (Baileys engine, unmodified Baileys) linked to a line on the WhatsApp Web
 * protocol test server, driven through the HTTP API: linking by QR, sending (the contact decrypts
 * the exact text), receipts, lookups, inbound by number and by LID (and one holding NUL), and a
 * restart in the middle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import type { SimulatedContact } from '../wa-server/contact.js';
import type { ReceivedMessage } from '../wa-server/simulated-device.js';
import { findKeyMaterial } from '../wa-server/key-material.js';
import type { SimulatedPhone } from '../wa-server/phone.js';
import { startWaServer, type WaServer } from '../wa-server/server.js';
import {
  deviceStatus,
  inboundMessage,
  linkByQr,
  messageStatus,
  sendText,
  startWaping,
  timeline,
  type WapingProcess,
} from '../wa-server/waping.js';

const LINE = '+15550100001';

let db: TestDatabase;
let wa: WaServer;
let waping: WapingProcess;
let phone: SimulatedPhone;
let fast: SimulatedContact;
let slow: SimulatedContact;
let viaLid: SimulatedContact;
/** Gets a one-time code and never opens it (no read receipt). */
let unread: SimulatedContact;
let deviceId: string;
/** What every WAPing process of this file printed, stdout and stderr. */
const printed: string[][] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  wa = await startWaServer();
  phone = await wa.phone(LINE, { pushName: 'Acme Support' });
  fast = await wa.contact('+15550200001', { receipts: { deliveredAfterMs: 10, readAfterMs: 40 } });
  slow = await wa.contact('+15550200002', { receipts: { deliveredAfterMs: 400, readAfterMs: 900 } });
  viaLid = await wa.contact('+15550200003', { lid: '123450000000003' });
  unread = await wa.contact('+15550200004', { receipts: { deliveredAfterMs: 0, readAfterMs: null } });
  waping = await startWaping(wa, db);
  printed.push(waping.output);
}, 180_000);
afterAll(async () => {
  await waping?.stop();
  await wa?.close();
  await db?.drop();
});

/** The message reaches `status`, and its timeline lists `expected` in that order. */
async function expectTimeline(messageId: string, expected: string[]): Promise<void> {
  await messageStatus(waping, messageId, expected.at(-1)!);
  expect(await timeline(waping, messageId)).toEqual(expected);
}

/** Starts WAPing again on the same database and waits until the line is live on the server. */
async function start(): Promise<void> {
  const online = phone.activations() + 1;
  waping = await startWaping(wa, db);
  printed.push(waping.output);
  await phone.waitForOnline(online);
  await deviceStatus(waping, deviceId, 'connected');
}

const DELIVERED_AND_READ = ['queued', 'sending', 'sent', 'delivered', 'read'];

describe('a line on the WhatsApp Web protocol', { timeout: 180_000 }, () => {
  it('links by QR: the phone scans, the device connects as the line', async () => {
    deviceId = await linkByQr(waping, phone);
    const { json: device } = await waping.api('GET', `/v1/devices/${deviceId}`);
    expect(device).toMatchObject({ status: 'connected', phone: LINE, engine: 'baileys' });
    expect(phone.companions()).toHaveLength(1);
    expect(wa.logins(LINE)).toEqual(['success']);
  });

  it('sends: the contact decrypts the exact text; receipts within 50 ms give delivered and read', async () => {
    const texts = ['Your code is 481 516', 'Zweite Nachricht – mit Ümlauten ✓', 'third'];
    const ids: string[] = [];
    for (const text of texts) ids.push(await sendText(waping, deviceId, fast.number, text));
    for (const text of texts) await fast.waitForText(text);
    expect(fast.texts()).toEqual(texts);
    for (const id of ids) await expectTimeline(id, DELIVERED_AND_READ);
    // The phone got its own copy of each (device-sent message), as WhatsApp syncs sends.
    expect(phone.sentByCompanions().map((m) => m.text)).toEqual(expect.arrayContaining(texts));
    expect(fast.failures).toEqual([]);
  });

  it('slow receipts (delivered after 400 ms, read after 900 ms) are recorded too', async () => {
    const id = await sendText(waping, deviceId, slow.number, 'slow one');
    await slow.waitForText('slow one');
    await expectTimeline(id, DELIVERED_AND_READ);
  });

  it('a number not on WhatsApp: the message fails with RECIPIENT_NOT_ON_WHATSAPP and nothing is sent', async () => {
    const from = wa.log.length;
    const id = await sendText(waping, deviceId, '+15550299999', 'anyone there?');
    const failed = await messageStatus(waping, id, 'failed');
    expect(failed.error.code).toBe('RECIPIENT_NOT_ON_WHATSAPP');
    // It was looked up (usync) and never relayed.
    expect(
      wa.log.find((e) => e.kind === 'in' && e.node?.tag === 'iq' && e.text.includes('usync'), from),
    ).not.toEqual([]);
    expect(wa.log.find((e) => e.kind === 'in' && e.node?.tag === 'message', from)).toEqual([]);
  });

  it('inbound by phone number is stored with the sender in E.164 and its push name', async () => {
    await fast.send('Hello, I have a question', { to: LINE });
    const message = await inboundMessage(waping, fast.number, 'Hello, I have a question');
    expect(message).toMatchObject({ direction: 'in', from: fast.number, status: 'received' });
  });

  it('inbound holding the NUL character is stored with U+FFFD in its place', async () => {
    await fast.send('my code\u0000 did not come', { to: LINE });
    const message = await inboundMessage(waping, fast.number, 'my code\ufffd did not come');
    expect(message).toMatchObject({ direction: 'in', from: fast.number, status: 'received' });
  });

  it('inbound by LID (sender_pn on the stanza) is stored under the phone number', async () => {
    await viaLid.send('Writing from my LID', { to: LINE, viaLid: true });
    const message = await inboundMessage(waping, viaLid.number, 'Writing from my LID');
    expect(message).toMatchObject({ from: viaLid.number });
    const stanza = wa.log.find(
      (e) => e.kind === 'out' && e.node?.tag === 'message' && e.text.includes('@lid'),
    );
    expect(stanza.at(-1)?.node?.attrs).toMatchObject({
      from: `${viaLid.lid}@lid`,
      sender_pn: `${viaLid.number.slice(1)}@s.whatsapp.net`,
    });
  });

  describe('WAPing stops and starts again', () => {
    let inFlight: string;
    let inFlightWaId: string;
    let code: ReceivedMessage;

    it('while it is down, receipts for a sent message come and customers write (a STOP among them)', async () => {
      // A one-time code, delivered but not read, sent before the restart (see the retry test).
      const { json: verification } = await waping.api('POST', '/v1/verifications', {
        to: unread.number,
        channels: ['whatsapp'],
      });
      code = await unread.waitForText(/\d{6}/);
      await messageStatus(waping, verification.sendAttempts[0].messageId, 'delivered');

      slow.setReceipts({ deliveredAfterMs: 1_500, readAfterMs: 2_000 });
      inFlight = await sendText(waping, deviceId, slow.number, 'read while you were away');
      inFlightWaId = (await slow.waitForText('read while you were away')).id;
      await messageStatus(waping, inFlight, 'sent');
      await waping.stop();
      await fast.send('Are you open on Sunday?', { to: LINE });
      await viaLid.send('STOP', { to: LINE, viaLid: true });
      // Both receipts are sent while the line is offline: the server keeps them for the next login.
      await slow.until(() => slow.receiptsSent(inFlightWaId) >= 2, 10_000, 'both receipts sent');
      slow.setReceipts({ deliveredAfterMs: 400, readAfterMs: 900 });
      expect(phone.liveConnections()).toEqual([]);
    });

    it('after the restart the session resumes without a QR; what waited is delivered with offline="1"', async () => {
      const mark = wa.log.length;
      await start();
      expect(phone.companions()).toHaveLength(1);
      expect(wa.logins(LINE).at(-1)).toBe('success');
      expect(wa.log.find((e) => e.text.startsWith('registration'))).toHaveLength(1);
      const offline = wa.log.find((e) => e.kind === 'out' && e.node?.attrs.offline === '1', mark);
      expect(offline.map((e) => e.node!.tag).sort()).toEqual(['message', 'message', 'receipt', 'receipt']);
    });

    it('the receipts that came while it was down are in the timeline', async () => {
      await expectTimeline(inFlight, DELIVERED_AND_READ);
    });

    it('the messages sent while it was down are inbound; the STOP opts the contact out', async () => {
      await inboundMessage(waping, fast.number, 'Are you open on Sunday?');
      await inboundMessage(waping, viaLid.number, 'STOP');
      const contact = await eventually(async () => {
        const { json } = await waping.api('GET', `/v1/contacts/${encodeURIComponent(viaLid.number)}`);
        return json?.optedOut ? json : undefined;
      });
      expect(contact.optedOut).toBe(true);
      // The confirmation goes back over WhatsApp and the contact can read it.
      await viaLid.waitForText(/unsubscribed/);
    });

    it('a retry request after the restart is answered with the code itself, not the masked text', async () => {
      // Baileys' own cache of recent sends died with the old process: the text comes from WAPing.
      unread.requestRetry(code);
      const again = await unread.until(
        () => unread.received.find((m) => m.id === code.id && m !== code),
        30_000,
        'the message sent again',
      );
      expect(again.text).toBe(code.text);
      expect(again.text).not.toMatch(/•/);
    });

    it('fast and slow receipts after the restart give delivered and read', async () => {
      const quick = await sendText(waping, deviceId, fast.number, 'after restart, fast');
      const later = await sendText(waping, deviceId, slow.number, 'after restart, slow');
      await fast.waitForText('after restart, fast');
      await slow.waitForText('after restart, slow');
      await expectTimeline(quick, DELIVERED_AND_READ);
      await expectTimeline(later, DELIVERED_AND_READ);
    });
  });

  it('nothing WAPing printed, and nothing in the server log, is key material', async () => {
    const lines = printed.flat();
    expect(lines.length).toBeGreaterThan(10);
    expect(phone.advSecrets).toHaveLength(1);
    expect(findKeyMaterial(lines, phone.advSecrets)).toEqual([]);
    expect(findKeyMaterial(wa.log.text().split('\n'), phone.advSecrets)).toEqual([]);
    // The search does find key material when it is there: a session printed as libsignal used to,
    // and the device's ADV secret in a log line.
    const sessionPrint = fast.party.sessionPrints()[0]!;
    expect(findKeyMaterial(sessionPrint.split('\n'))).not.toEqual([]);
    const secretLine = JSON.stringify({ level: 30, creds: { adv: phone.advSecrets[0]!.toString('base64') } });
    expect(findKeyMaterial([secretLine], phone.advSecrets)).toHaveLength(1);
  });
});
