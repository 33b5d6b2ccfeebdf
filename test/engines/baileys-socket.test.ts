/**
 * The real Baileys socket (makeWASocket, nothing injected) against local WebSocket endpoints that
 * misbehave the way an unreachable or hostile WhatsApp server would. Loopback only.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import pino from 'pino';
import { BaileysEngine } from '../../src/engines/baileys/engine.js';
import type { EngineEvents } from '../../src/engines/engine.js';
import { MemoryStateStore } from './baileys/memory-store.js';

const unhandled = vi.fn();
beforeEach(() => {
  unhandled.mockReset();
  process.on('unhandledRejection', unhandled);
});
afterEach(() => {
  process.off('unhandledRejection', unhandled);
});

function engineFor(wsUrl: string) {
  const store = new MemoryStateStore();
  const engine = new BaileysEngine(
    {
      deviceId: 'dev_socket',
      log: pino({ level: 'silent' }),
      state: store,
      getMessageText: async () => undefined,
    },
    {
      wsUrl,
      browserName: 'WAPing',
      connectTimeoutMs: 2_000,
      // Short and jitter-free, so three attempts take well under a second and visibly grow.
      backoff: { baseMs: 40, capMs: 1_000, random: () => 0.5 },
      fetchVersion: async () => {
        throw new Error('no network in tests');
      },
    },
  );
  const disconnects: EngineEvents['disconnected'][] = [];
  const waiters: Array<() => void> = [];
  engine.on('disconnected', (d) => {
    disconnects.push(d);
    waiters.splice(0).forEach((wake) => wake());
  });
  const untilDisconnects = async (n: number) => {
    while (disconnects.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { engine, store, disconnects, untilDisconnects };
}

/** A TCP port on 127.0.0.1 with nobody listening any more. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('baileys engine on a real socket, no WhatsApp reachable', () => {
  it('server accepts the WebSocket then hangs up: disconnected, retried with growing waits', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    let connections = 0;
    wss.on('connection', (ws) => {
      connections += 1;
      ws.close();
    });
    const { port } = wss.address() as { port: number };
    const { engine, store, disconnects, untilDisconnects } = engineFor(`ws://127.0.0.1:${port}/ws/chat`);

    await engine.start();
    await untilDisconnects(3);
    await engine.stop();
    await new Promise<void>((resolve) => wss.close(() => resolve()));

    expect(connections).toBeGreaterThanOrEqual(3);
    for (const d of disconnects.slice(0, 3)) {
      expect(d.reason).toMatch(/Connection Terminated|WebSocket Error/);
      expect(d.statusCode).toBeTypeOf('number');
      expect(d.willReconnect).toBe(true);
    }
    expect(disconnects.slice(0, 3).map((d) => d.retryInMs)).toEqual([30, 60, 120]);
    expect(store.clears).toBe(0);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('connection refused: disconnected with the socket error, retried, no unhandled rejection', async () => {
    const port = await closedPort();
    const { engine, disconnects, untilDisconnects } = engineFor(`ws://127.0.0.1:${port}/ws/chat`);

    await engine.start();
    await untilDisconnects(3);
    await engine.stop();

    expect(disconnects[0]).toMatchObject({ willReconnect: true, statusCode: 408 });
    expect(disconnects[0]!.reason).toMatch(/ECONNREFUSED/);
    const waits = disconnects.slice(0, 3).map((d) => d.retryInMs!);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(waits[2]!).toBeGreaterThan(waits[1]!);
    // Nothing is scheduled after stop(): no further attempts arrive.
    const seen = disconnects.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(disconnects).toHaveLength(seen);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
