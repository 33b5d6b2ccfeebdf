import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { exchange, listenLocal } from '../helpers/raw-http.js';

// Slow clients on real loopback sockets: each must be closed once its deadline passes. The
// deadlines are 1 s here; "closed" is asserted within a generous 20 s, never a speed.
const GIVE_UP_MS = 20_000;

let db: TestDatabase;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await buildApp(
    testConfig(db, { WAPING_HEADERS_TIMEOUT_MS: '1000', WAPING_BODY_TIMEOUT_MS: '1000' }),
    { logger: pino({ level: 'silent' }) },
  );
  // A route that declares more room, as media uploads will: larger and slower bodies are fine there.
  app.post(
    '/test/roomy',
    { config: { scope: 'public', body: { limitBytes: 4 * 1024 * 1024, timeoutMs: 30_000 } } },
    async (request) => ({ received: JSON.stringify(request.body).length }),
  );
  port = await listenLocal(app);
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

/** Writes `text` a byte every `everyMs` until the socket closes. */
function trickle(socket: net.Socket, text: string, everyMs: number) {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

const loginHead = (length: number) =>
  `POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('slow clients are closed', () => {
  it('a connection that never sends anything', async () => {
    const res = await exchange(port, [], GIVE_UP_MS);
    expect(res.ending).toBe('closed');
  });

  it('headers sent a byte at a time (slowloris)', async () => {
    const res = await exchange(
      port,
      (socket) =>
        trickle(socket, `POST /auth/login HTTP/1.1\r\nHost: x\r\n${'X-Pad: y\r\n'.repeat(500)}`, 50),
      GIVE_UP_MS,
    );
    expect(res.ending).toBe('closed');
    if (res.status !== undefined) expect(res.status).toBe(408);
  });

  it('a body that stops half way, unauthenticated', async () => {
    const res = await exchange(port, [loginHead(100), '{"email":"a@b.c",'], GIVE_UP_MS);
    expect(res.ending).toBe('closed');
    expect(res.status).toBe(408);
    expect(res.json).toMatchObject({ error: { code: 'REQUEST_TIMEOUT' } });
  });

  it('a body sent a byte at a time', async () => {
    const body = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(200) });
    const res = await exchange(
      port,
      (socket) => {
        socket.write(loginHead(body.length));
        trickle(socket, body, 50);
      },
      GIVE_UP_MS,
    );
    expect(res.ending).toBe('closed');
    expect(res.status).toBe(408);
  });

  it('a chunked body that never ends', async () => {
    const res = await exchange(
      port,
      (socket) => {
        socket.write(
          'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        );
        const timer = setInterval(
          () => (socket.destroyed ? clearInterval(timer) : socket.write('1\r\n \r\n')),
          100,
        );
      },
      GIVE_UP_MS,
    );
    expect(res.ending).toBe('closed');
    expect(res.status).toBe(408);
  });
});

describe('a route that declares more room', () => {
  it('takes a body larger than the JSON limit, sent slower than the JSON deadline', async () => {
    const body = JSON.stringify({ blob: 'b'.repeat(2 * 1024 * 1024) });
    const res = await exchange(
      port,
      (socket) => {
        socket.write(
          `POST /test/roomy HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
        );
        // Half now, the rest well after the 1 s JSON deadline.
        socket.write(body.slice(0, 1000));
        setTimeout(() => socket.write(body.slice(1000)), 2500);
      },
      GIVE_UP_MS,
    );
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    expect(res.json).toEqual({ received: body.length });
  });

  it('while JSON routes keep the tight limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'a@example.com', password: 'p'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
  });
});
