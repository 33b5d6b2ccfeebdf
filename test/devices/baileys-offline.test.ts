import { createServer } from 'node:net';
import { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startApp, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
let t: TestApp;
let wss: WebSocketServer;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  // A stand-in for WhatsApp's server that accepts the WebSocket and hangs up at once.
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket) => socket.close());
  await new Promise((resolve) => wss.once('listening', resolve));
  db = await createTestDatabase();
  const port = (wss.address() as { port: number }).port;
  t = await startApp(db, {
    WAPING_WA_WS_URL: `ws://127.0.0.1:${port}/ws/chat`,
    WAPING_WA_ALLOW_INSECURE_WS: 'true',
    WAPING_WA_BACKOFF_BASE_MS: '100',
  });
});
afterAll(async () => {
  await t.close();
  await db.drop();
  await new Promise((resolve) => wss.close(resolve));
  process.off('unhandledRejection', onRejection);
});

const retrySeconds = (reason: string | null) =>
  Number(/reconnecting in ([\d.]+) s/.exec(reason ?? '')?.[1] ?? NaN);

describe('a baileys device that cannot reach WhatsApp', () => {
  it('goes connecting → disconnected with the reason, backs off longer each time, and the server stays healthy', async () => {
    const dev = (
      await t.request({
        method: 'POST',
        url: '/v1/devices',
        payload: { name: 'Real phone', engine: 'baileys' },
      })
    ).json();
    expect(dev).toMatchObject({
      engine: 'baileys',
      status: 'unlinked',
      pacing: { minIntervalMs: 1000, jitterMs: 500, perMinute: 30, perDay: 1000, presence: true },
    });
    const connected = await t.request({ method: 'POST', url: `/v1/devices/${dev.id}/connect` });
    expect(connected.json().status).toBe('connecting');

    const waits: number[] = [];
    await eventually(
      async () => {
        const now = (await t.request({ method: 'GET', url: `/v1/devices/${dev.id}` })).json();
        if (now.status === 'disconnected') {
          const wait = retrySeconds(now.statusReason);
          if (!Number.isNaN(wait) && wait !== waits.at(-1)) waits.push(wait);
        }
        return waits.length >= 3;
      },
      20_000,
      10,
    );
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits.at(-1)!).toBeGreaterThan(waits[0]!);

    const history = publishedEvents(t, (e) => e.type.startsWith('device.') && e.data.id === dev.id);
    expect(history.map((e) => e.type)).toContain('device.disconnected');
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const refused = await t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { deviceId: dev.id, to: '+15551234567', type: 'text', text: { body: 'x' } },
    });
    expect(refused.json().error.code).toBe('SESSION_DISCONNECTED');
    expect((await t.request({ method: 'POST', url: `/v1/devices/${dev.id}/logout` })).json().status).toBe(
      'logged_out',
    );
    expect(rejections).toEqual([]);
  });

  it('reports a refused connection the same way', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const db2 = await createTestDatabase();
    const t2 = await startApp(db2, {
      WAPING_WA_WS_URL: `ws://127.0.0.1:${port}/ws/chat`,
      WAPING_WA_ALLOW_INSECURE_WS: 'true',
      WAPING_WA_BACKOFF_BASE_MS: '100',
    });
    try {
      const dev = (
        await t2.request({
          method: 'POST',
          url: '/v1/devices',
          payload: { name: 'Offline', engine: 'baileys' },
        })
      ).json();
      await t2.request({ method: 'POST', url: `/v1/devices/${dev.id}/connect` });
      const reason = await eventually(async () => {
        const now = (await t2.request({ method: 'GET', url: `/v1/devices/${dev.id}` })).json();
        return now.status === 'disconnected' ? (now.statusReason as string) : undefined;
      }, 20_000);
      expect(reason).toMatch(/reconnecting in/);
      expect(rejections).toEqual([]);
    } finally {
      await t2.close();
      await db2.drop();
    }
  });
});
