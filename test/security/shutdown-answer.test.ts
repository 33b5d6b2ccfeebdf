import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { exchange, listenLocal } from '../helpers/raw-http.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('a request that arrives while the server shuts down gets 503 in the envelope', async () => {
  const app = await buildApp(testConfig(db), { logger: pino({ level: 'silent' }) });
  const port = await listenLocal(app);
  const body = JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' });
  const head = `POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  let closed: Promise<void> | undefined;
  // The first request is in flight when shutdown starts; the second, pipelined behind it, arrives during it.
  const res = await exchange(
    port,
    (socket) => {
      socket.write(head + body.slice(0, 5));
      setTimeout(() => {
        closed = app.close();
        setTimeout(() => socket.write(body.slice(5) + 'GET /v1/workspace HTTP/1.1\r\nHost: x\r\n\r\n'), 100);
      }, 200);
    },
    20_000,
  );
  await closed;
  const answers = [...res.text.matchAll(/HTTP\/1\.1 (\d{3})[^]*?\r\n\r\n(\{[^\r]*?\}\}?)(?=HTTP|$)/g)];
  expect(answers.map((m) => m[1])).toContain('503');
  const last = JSON.parse(answers.at(-1)![2]!) as { error: { code: string; requestId: string } };
  expect(last.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(last.error.requestId).toMatch(/^req_/);
});
