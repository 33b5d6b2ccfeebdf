/**
 * Files on the WhatsApp Web protocol, end to end through a real WAPing process: an image uploaded
 * to the API and sent by its id is encrypted and uploaded by Baileys to the media host, and the
 * contact's phone downloads and decrypts exactly those bytes; an image a contact sends is
 * downloaded and decrypted by WAPing, stored, and served back by `GET /v1/media/:id` unchanged.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { multipartBody, ogg, pdf, png } from '../media/fixtures.js';
import { fileOf, type SimulatedContact } from '../wa-server/contact.js';
import type { SimulatedPhone } from '../wa-server/phone.js';
import { startWaServer, type WaServer } from '../wa-server/server.js';
import {
  WAPING_KEY,
  linkByQr,
  messageStatus,
  startWaping,
  timeline,
  type WapingProcess,
} from '../wa-server/waping.js';

const LINE = '+15550110001';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let db: TestDatabase;
let wa: WaServer;
let waping: WapingProcess;
let phone: SimulatedPhone;
let contact: SimulatedContact;
let deviceId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  wa = await startWaServer();
  phone = await wa.phone(LINE, { pushName: 'Acme Support' });
  contact = await wa.contact('+15550210001', { receipts: { deliveredAfterMs: 10, readAfterMs: null } });
  waping = await startWaping(wa, db);
  deviceId = await linkByQr(waping, phone);
}, 180_000);
afterAll(async () => {
  await waping?.stop();
  await wa?.close();
  await db?.drop();
});

/** Uploads a file through the API; returns its media id. */
async function uploadFile(bytes: Buffer, filename: string, contentType: string): Promise<string> {
  const { payload, headers } = multipartBody(bytes, { filename, contentType });
  const res = await fetch(`${waping.url}/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${WAPING_KEY}`, ...headers },
    body: payload,
  });
  const json = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}

describe('media on the WhatsApp Web protocol', { timeout: 120_000 }, () => {
  it('an image sent by upload id reaches the contact, who decrypts exactly the uploaded bytes', async () => {
    const image = png(64, 48, 7);
    const { payload, headers } = multipartBody(image, { filename: 'chart.png', contentType: 'image/png' });
    const uploaded = await fetch(`${waping.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${WAPING_KEY}`, ...headers },
      body: payload,
    });
    const media = (await uploaded.json()) as { id: string; sha256: string };
    expect(uploaded.status, JSON.stringify(media)).toBe(201);
    expect(media.sha256).toBe(sha(image));

    const sent = await waping.api('POST', '/v1/messages', {
      deviceId,
      to: contact.number,
      type: 'image',
      media: { id: media.id },
      caption: 'this month',
    });
    expect(sent.status, JSON.stringify(sent.json)).toBe(202);
    await messageStatus(waping, sent.json.id, 'delivered');

    const received = await contact.waitForFile();
    const content = received.message.imageMessage;
    expect(content).toMatchObject({ mimetype: 'image/png', caption: 'this month' });
    expect(Number(content?.fileLength)).toBe(image.length);
    // The file went through the media host, encrypted: the host never held the plain bytes. One
    // upload per hand-off: a hand-off cut off by a dropped connection or a lapsed lease (a loaded
    // machine) is handed off again, with the same WhatsApp id, and uploads the file again.
    const timelineNow = await timeline(waping, sent.json.id);
    const handOffs = timelineNow.filter((status) => status === 'sending').length;
    expect(wa.media.uploads.length, JSON.stringify(timelineNow)).toBeGreaterThanOrEqual(1);
    expect(wa.media.uploads.length, JSON.stringify(timelineNow)).toBeLessThanOrEqual(handOffs);
    expect(wa.media.uploads).toContain(content?.directPath);
    for (const path of wa.media.uploads)
      expect(wa.media.get(path)!.includes(image.subarray(0, 32))).toBe(false);
    const decrypted = await contact.downloadFile(received);
    expect(sha(decrypted)).toBe(sha(image));
    expect(Buffer.from(content!.fileSha256!).toString('hex')).toBe(sha(image));
  });

  it('an image a contact sends is stored and GET /v1/media/:id returns the same bytes', async () => {
    const image = png(40, 30, 11);
    const uploadsBefore = wa.media.uploads.length;
    await contact.sendImage(image, { to: LINE, mime: 'image/png', caption: 'the broken part' });
    const message = await eventually(async () => {
      const { json } = await waping.api(
        'GET',
        `/v1/messages?direction=in&to=${encodeURIComponent(contact.number)}&limit=50`,
      );
      return (json?.data as Array<{ body: string; media?: { url: string } }> | undefined)?.find(
        (m) => m.body === 'the broken part' && m.media,
      );
    }, 60_000);
    expect(message).toMatchObject({
      type: 'image',
      media: { type: 'image', mime: 'image/png', size: image.length, sha256: sha(image) },
    });
    const file = await fetch(`${waping.url}${message.media!.url}`, {
      headers: { authorization: `Bearer ${WAPING_KEY}` },
    });
    // WAPing fetched the contact's upload from the media host (and decrypted it: the sha256 matches).
    const upload = wa.media.uploads[uploadsBefore];
    expect(upload).toBeDefined();
    expect(wa.media.downloads).toContain(upload);
    expect(file.status).toBe(200);
    expect(sha(Buffer.from(await file.arrayBuffer()))).toBe(sha(image));
  });

  it('a document keeps its file name both ways, and a voice note goes out as one', async () => {
    const sentBefore = contact.received.length;
    const invoice = pdf(900);
    const doc = await waping.api('POST', '/v1/messages', {
      deviceId,
      to: contact.number,
      type: 'document',
      media: { id: await uploadFile(invoice, 'invoice.pdf', 'application/pdf') },
      filename: 'invoice-2026-11.pdf',
    });
    expect(doc.status, JSON.stringify(doc.json)).toBe(202);
    const gotDoc = await eventually(async () =>
      contact.received.slice(sentBefore).find((m) => fileOf(m)?.kind === 'document'),
    );
    const docPart =
      gotDoc.message.documentMessage ?? gotDoc.message.documentWithCaptionMessage?.message?.documentMessage;
    expect(docPart).toMatchObject({ mimetype: 'application/pdf', fileName: 'invoice-2026-11.pdf' });
    expect(sha(await contact.downloadFile(gotDoc))).toBe(sha(invoice));

    const voice = ogg(700);
    const note = await waping.api('POST', '/v1/messages', {
      deviceId,
      to: contact.number,
      type: 'audio',
      media: { id: await uploadFile(voice, 'note.ogg', 'audio/ogg') },
      voice: true,
    });
    expect(note.status, JSON.stringify(note.json)).toBe(202);
    const gotNote = await eventually(async () =>
      contact.received.slice(sentBefore).find((m) => fileOf(m)?.kind === 'audio'),
    );
    expect(gotNote.message.audioMessage).toMatchObject({ ptt: true, mimetype: 'audio/ogg; codecs=opus' });
    expect(sha(await contact.downloadFile(gotNote))).toBe(sha(voice));

    const report = pdf(1500);
    await contact.sendDocument(report, { to: LINE, mime: 'application/pdf', fileName: 'report.pdf' });
    const inbound = await eventually(async () => {
      const { json } = await waping.api(
        'GET',
        `/v1/messages?direction=in&to=${encodeURIComponent(contact.number)}&limit=50`,
      );
      return (
        json?.data as Array<{ type: string; media?: { url: string; sha256: string } }> | undefined
      )?.find((m) => m.type === 'document' && m.media?.sha256 === sha(report));
    }, 60_000);
    expect(inbound.media).toMatchObject({
      type: 'document',
      mime: 'application/pdf',
      filename: 'report.pdf',
      size: report.length,
    });
    const file = await fetch(`${waping.url}${inbound.media!.url}`, {
      headers: { authorization: `Bearer ${WAPING_KEY}` },
    });
    expect(file.status).toBe(200);
    expect(sha(Buffer.from(await file.arrayBuffer()))).toBe(sha(report));
  });

  it('an image whose host copy was damaged is recorded without the file, never with wrong bytes', async () => {
    const image = png(50, 50, 23);
    await contact.sendImage(image, {
      to: LINE,
      mime: 'image/png',
      caption: 'damaged on the way',
      damaged: true,
    });
    const message = await eventually(async () => {
      const { json } = await waping.api(
        'GET',
        `/v1/messages?direction=in&to=${encodeURIComponent(contact.number)}&limit=50`,
      );
      return (json?.data as Array<{ body: string; type: string; media: unknown }> | undefined)?.find(
        (m) => m.body === 'damaged on the way',
      );
    }, 60_000);
    expect(message.type).toBe('image');
    // No file is shown (the API leaves `media` out), rather than bytes that are not what was sent.
    expect(message.media ?? null).toBeNull();
  });
});
