/**
 * An endpoint (or a proxy in front of it) that refuses the WebSocket upgrade with an HTTP status.
 * Baileys listens for ws' `unexpected-response` and then does nothing, so the refusal used to
 * surface as a 408 handshake timeout, or never at all when the server hung up. Real `ws` servers on
 * loopback, the real Baileys socket.
 */
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import pino from 'pino';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import type { EngineEvents } from '../../src/engines/engine.js';
import { MemoryStateStore } from './baileys/memory-store.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A `ws` server that refuses every upgrade with `status` (and closes the connection). */
async function refusingWsServer(status: number): Promise<string> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (_info, done) => done(false, status),
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  closers.push(() => new Promise((resolve) => wss.close(() => resolve())));
  return `ws://127.0.0.1:${(wss.address() as { port: number }).port}/ws/chat`;
}

/** A proxy-like server that answers the upgrade with `status` and keeps the connection open. */
async function refusingKeepAliveServer(status: number): Promise<string> {
  const server: Server = createServer();
  const upgraded: Duplex[] = [];
  server.on('upgrade', (_req, socket: Duplex) => {
    upgraded.push(socket);
    socket.write(`HTTP/1.1 ${status} Refused\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    // Upgrade sockets are handed over to the listener: the server no longer tracks them.
    for (const socket of upgraded) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return `ws://127.0.0.1:${(server.address() as { port: number }).port}/ws/chat`;
}

async function firstDisconnect(wsUrl: string) {
  const store = new MemoryStateStore();
  const engine = new BaileysEngine(
    {
      deviceId: 'dev_refused',
      log: pino({ level: 'silent' }),
      state: store,
      getMessageText: async () => undefined,
    },
    {
      wsUrl,
      // Long enough that a refusal reported as a handshake timeout would fail this test.
      connectTimeoutMs: 60_000,
      backoff: { baseMs: 60_000, random: () => 0.5 },
      fetchVersion: async () => ({ version: [2, 3000, 1], isLatest: false }),
    },
  );
  const disconnected = new Promise<EngineEvents['disconnected']>((resolve) =>
    engine.on('disconnected', resolve),
  );
  await engine.start();
  const event = await disconnected;
  await engine.stop();
  return { event, store };
}

describe('baileys engine: WebSocket upgrade refused', () => {
  it.each([
    { server: 'a ws server', serve: refusingWsServer, status: 401 },
    { server: 'a ws server', serve: refusingWsServer, status: 403 },
    { server: 'a keep-alive proxy', serve: refusingKeepAliveServer, status: 401 },
  ])(
    '$server answering HTTP $status is reported as such, backed off, and never wipes the session',
    async ({ serve, status }) => {
      const { event, store } = await firstDisconnect(await serve(status));
      expect(event.reason).toContain(`HTTP ${status}`);
      expect(event.reason).not.toMatch(/timed out/i);
      expect(event.statusCode).not.toBe(408);
      expect(event.willReconnect).toBe(true);
      // Equal jitter pinned to the middle: 60 s / 2 + 0.5 · 60 s / 2.
      expect(event.retryInMs).toBe(45_000);
      expect(store.clears).toBe(0);
    },
    15_000,
  );
});
