/**
 * Groups, status broadcasts and channels are never conversations with the line, so WAPing does not
 * let Baileys decrypt them (and store their sender keys) only to throw them away. The real Baileys
 * socket, built with WAPing's config, gets message stanzas on a loopback WebSocket; what reaches
 * the key store and what goes back to the server is observed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import pino from 'pino';
import {
  BufferJSON,
  decodeBinaryNode,
  initAuthCreds,
  makeWASocket,
  proto,
  type BinaryNode,
  type UserFacingSocketConfig,
  type WASocket,
} from 'baileys';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import { buildSocketConfig } from '../../src/engines/baileys/socket-config.js';
import { MemoryStateStore } from './baileys/memory-store.js';

const ME = '15550000001:3@s.whatsapp.net';

/** A MemoryStateStore that records which categories were read. */
class ReadRecordingStore extends MemoryStateStore {
  readonly reads: string[] = [];
  override async read(category: string, id: string) {
    if (category !== 'creds') this.reads.push(category);
    return super.read(category, id);
  }
  override async readMany(category: string, ids: string[]) {
    this.reads.push(category);
    return super.readMany(category, ids);
  }
}

/** A linked device's stored creds, so the socket logs in rather than registering. */
async function linkedStore(): Promise<ReadRecordingStore> {
  const store = new ReadRecordingStore();
  const creds = {
    ...initAuthCreds(),
    me: { id: ME, name: 'Acme' },
    account: proto.ADVSignedDeviceIdentity.fromObject({ details: Buffer.alloc(8) }),
    registered: true,
  };
  await store.write([{ category: 'creds', id: 'me', value: JSON.stringify(creds, BufferJSON.replacer) }]);
  store.writes.length = 0;
  return store;
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

/**
 * A WebSocket server that accepts and never answers the handshake: the socket stays open, so what
 * Baileys sends back (acks, receipts) arrives here as plaintext binary nodes.
 */
async function silentServer() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => wss.once('listening', resolve));
  const received: BinaryNode[] = [];
  const waiters: Array<() => void> = [];
  let client: WebSocket | undefined;
  wss.on('connection', (ws) => {
    client = ws;
    let first = true;
    ws.on('message', async (data: Buffer) => {
      // The first frame carries the 4-byte intro and the Noise hello; later ones a 3-byte length.
      const frame = first ? data.subarray(4) : data;
      const wasFirst = first;
      first = false;
      if (wasFirst) return;
      received.push(await decodeBinaryNode(frame.subarray(3)));
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  cleanup.push(async () => {
    client?.terminate();
    await new Promise((resolve) => wss.close(() => resolve(undefined)));
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/ws/chat`,
    received,
    connected: () => client !== undefined,
    /** Resolves once `check` holds, re-checked at every frame from the client or store read. */
    async until(check: () => boolean) {
      while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    wake: () => waiters.splice(0).forEach((wake) => wake()),
  };
}

async function startSocket() {
  const server = await silentServer();
  const store = await linkedStore();
  let sock: WASocket | undefined;
  const engine = new BaileysEngine(
    {
      deviceId: 'dev_ignore',
      log: pino({ level: 'silent' }),
      state: store,
      getMessageText: async () => undefined,
    },
    {
      wsUrl: server.url,
      connectTimeoutMs: 60_000,
      socketFactory: (config: UserFacingSocketConfig) => (sock = makeWASocket(config)),
    },
  );
  await engine.start();
  // Wake the waiters on every store read too, so a decrypt attempt ends the wait at once.
  const readMany = store.readMany.bind(store);
  store.readMany = async (category, ids) => {
    const found = await readMany(category, ids);
    server.wake();
    return found;
  };
  cleanup.push(() => engine.stop());
  while (!server.connected() || !sock?.ws.isOpen) await new Promise((resolve) => setTimeout(resolve, 10));
  return { server, store, sock: sock! };
}

const encrypted = (from: string, id: string, extra: Record<string, string> = {}): BinaryNode => ({
  tag: 'message',
  attrs: { from, id, t: '1700000000', type: 'text', ...extra },
  content: [
    {
      tag: 'enc',
      attrs: { v: '2', type: extra.participant ? 'skmsg' : 'msg' },
      content: Buffer.alloc(48, 1),
    },
  ],
});

describe('baileys engine: chats WAPing ignores', () => {
  it('the socket config ignores groups, status broadcasts, broadcast lists and channels, not 1:1 chats', () => {
    const config = buildSocketConfig({
      auth: { creds: initAuthCreds(), keys: { get: async () => ({}), set: async () => undefined } },
      browserName: 'WAPing',
      log: pino({ level: 'silent' }),
      getMessageText: async () => undefined,
    });
    const ignore = config.shouldIgnoreJid!;
    for (const jid of [
      '120363000000000000@g.us',
      'status@broadcast',
      '1234567890@broadcast',
      '120363111@newsletter',
    ])
      expect(ignore(jid), jid).toBe(true);
    for (const jid of [
      '15557654321@s.whatsapp.net',
      '15557654321:2@s.whatsapp.net',
      '123456789012345@lid',
      '123456789012345:1@lid',
      '15557654321@hosted',
      '123456789012345@hosted.lid',
      's.whatsapp.net',
    ])
      expect(ignore(jid), jid).toBe(false);
  });

  it.each([
    [
      'a group',
      encrypted('120363000000000000@g.us', 'GROUP1', { participant: '15557654321@s.whatsapp.net' }),
    ],
    [
      'a status update',
      encrypted('status@broadcast', 'STATUS1', { participant: '15557654321@s.whatsapp.net' }),
    ],
    ['a channel post', encrypted('120363111@newsletter', 'NEWS1')],
  ])('%s message is acknowledged without touching the key store', async (_, node) => {
    const { server, store, sock } = await startSocket();
    store.reads.length = 0;
    sock.ws.emit('CB:message', node);
    await server.until(
      () => store.reads.length > 0 || server.received.some((n) => n.attrs.id === node.attrs.id),
    );
    expect(store.reads).toEqual([]);
    expect(server.received.find((n) => n.attrs.id === node.attrs.id)?.tag).toBe('ack');
  });

  it('a 1:1 message is still processed: its sender is resolved through the key store', async () => {
    const { server, store, sock } = await startSocket();
    store.reads.length = 0;
    sock.ws.emit('CB:message', encrypted('15557654321@s.whatsapp.net', 'DIRECT1'));
    await server.until(() => store.reads.length > 0);
    // Before decrypting, Baileys looks the sender's LID up (stored mappings first).
    expect(store.reads).toContain('lid-mapping');
  });
});
