/**
 * The SDK's inbox and media resources against a real `waping serve` process: a customer writes
 * to a sandbox line, the conversation is listed, read, answered, annotated and resolved; a file is
 * uploaded, described, downloaded byte for byte, sent as an image and deleted.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CLASSES, MediaEmptyError, MediaError, NotFoundError, type WAPing } from '@waping/sdk';
import { ERROR_CODES } from '../../src/lib/errors.js';
import { eventually } from '../helpers/app.js';
import { png } from '../media/fixtures.js';
import { linkSandboxDevice, startSdkServer, type SdkServer } from './server.js';

const CUSTOMER = '+15550107711';

let s: SdkServer;
let waping: WAPing;
let deviceId = '';

beforeAll(async () => {
  s = await startSdkServer();
  waping = s.client();
  deviceId = await linkSandboxDevice(waping);
});
afterAll(async () => {
  await s?.close();
});

describe('conversations', () => {
  it('lists, reads, answers, annotates and resolves a customer conversation', async () => {
    await waping.sandbox.inbound({ deviceId, from: CUSTOMER, text: 'My order has not arrived' });
    const [conversation] = await eventually(async () => {
      const found = await waping.conversations.list({ status: 'open' }).toArray();
      return found.length > 0 ? found : undefined;
    });
    expect(conversation).toMatchObject({ phone: CUSTOMER, status: 'open', unreadCount: 1 });
    expect((await waping.conversations.get(conversation!.id)).id).toBe(conversation!.id);

    const thread = await waping.conversations.messages(conversation!.id).toArray();
    expect(thread.map((m) => m.body)).toEqual(['My order has not arrived']);

    const key = `reply-${Date.now()}`;
    const reply = await waping.conversations.reply(
      conversation!.id,
      { type: 'text', text: { body: 'Sorry, it leaves today' } },
      { idempotencyKey: key },
    );
    // The same key answers with the same message: a retried reply is sent once.
    const again = await waping.conversations.reply(
      conversation!.id,
      { type: 'text', text: { body: 'Sorry, it leaves today' } },
      { idempotencyKey: key },
    );
    expect(again.id).toBe(reply.id);
    await eventually(async () => {
      const inbox = (await waping.sandbox.messages({ to: CUSTOMER })).data;
      return inbox.some((m) => m.text === 'Sorry, it leaves today') || undefined;
    });
    // Replying read the thread.
    expect((await waping.conversations.get(conversation!.id)).unreadCount).toBe(0);

    const note = await waping.conversations.addNote(conversation!.id, { body: 'Courier called' });
    expect(note.body).toBe('Courier called');
    expect((await waping.conversations.notes(conversation!.id).toArray()).map((n) => n.id)).toEqual([
      note.id,
    ]);

    const resolved = await waping.conversations.update(conversation!.id, { status: 'resolved' });
    expect(resolved.status).toBe('resolved');
    expect(await waping.conversations.list({ status: 'open' }).toArray()).toEqual([]);
    await waping.sandbox.inbound({ deviceId, from: CUSTOMER, text: 'Thanks!' });
    // A new customer message reopens it and counts as unread until marked read.
    const reopened = await eventually(async () => {
      const c = await waping.conversations.get(conversation!.id);
      return c.status === 'open' ? c : undefined;
    });
    expect(reopened.unreadCount).toBe(1);
    expect((await waping.conversations.markRead(conversation!.id)).unreadCount).toBe(0);
  });

  it('an unknown conversation is a NotFoundError', async () => {
    const missing = await waping.conversations.get('cnv_00000000000000000000000000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
  });
});

describe('media', () => {
  it('uploads, describes, downloads, sends and deletes a file', async () => {
    const image = png(8, 8, 7);
    const sha256 = createHash('sha256').update(image).digest('hex');
    const file = await waping.media.upload({ data: image, filename: 'receipt.png' });
    expect(file).toMatchObject({ type: 'image', mime: 'image/png', size: image.length, sha256 });
    expect(await waping.media.info(file.id)).toMatchObject({ id: file.id, filename: 'receipt.png' });

    const downloaded = await waping.media.download(file.id);
    expect(downloaded.contentType).toBe('image/png');
    expect(downloaded.filename).toBe('receipt.png');
    expect(Buffer.from(downloaded.data).equals(image)).toBe(true);

    const message = await waping.messages.send({
      to: CUSTOMER,
      type: 'image',
      media: { id: file.id },
      caption: 'Your receipt',
    });
    const received = await eventually(async () => {
      const inbox = (await waping.sandbox.messages({ to: CUSTOMER })).data;
      return inbox.find((m) => m.media?.sha256 === sha256);
    });
    expect(received.text).toBe('Your receipt');
    expect((await waping.messages.get(message.id)).id).toBe(message.id);

    await waping.media.delete(file.id);
    expect(await waping.media.info(file.id).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
  });
});

describe('errors', () => {
  it('has a class for every code of the API', () => {
    expect(Object.keys(ERROR_CLASSES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('a refused file is a MediaError of its code, and nothing is stored', async () => {
    const refused = await waping.media
      .upload({ data: new Uint8Array(0), filename: 'empty.png' })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MediaEmptyError);
    expect(refused).toBeInstanceOf(MediaError);
    expect((refused as MediaError).status).toBe(422);
  });
});
