import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { exchange, listenLocal, type RawExchange } from '../helpers/raw-http.js';

// Answers the server gives before (or instead of) a route: each must be the error envelope.
let db: TestDatabase;
let t: TestApp;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startApp(db);
  port = await listenLocal(t.app);
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

function expectEnvelope(res: RawExchange, status: number, code: string) {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  const body = res.json as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.requestId).toMatch(/^req_/);
}

const get = (target: string, extra = '') => [`GET ${target} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`];

describe('answers outside the routes are in the error envelope', () => {
  it('CONNECT is answered 405, not dropped', async () => {
    const res = await exchange(
      port,
      ['CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'],
      5000,
    );
    expectEnvelope(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.ending).toBe('closed');
  });

  it('a URL that does not decode is 400', async () => {
    expectEnvelope(
      await exchange(port, get('/v1/devices/%zz', 'Connection: close\r\n'), 5000),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('headers over 16 KiB are 431', async () => {
    const res = await exchange(port, get('/healthz', `X-Big: ${'a'.repeat(20_000)}\r\n`), 5000);
    expectEnvelope(res, 431, 'HEADERS_TOO_LARGE');
  });

  it('a request that is not HTTP is 400', async () => {
    expectEnvelope(await exchange(port, ['HELLO THERE\r\n\r\n'], 5000), 400, 'BAD_REQUEST');
  });

  it('a 10 MB body gets its 413, not a reset', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    for (let i = 0; i < 3; i++) {
      const head =
        `POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.apiKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`;
      const res = await exchange(port, [head, big], 15_000);
      expectEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
      // The server read the rest of the body instead of closing on it (EPIPE, or a reset that
      // can make the client lose the 413), then closed.
      expect(res.errors).toEqual([]);
      expect(res.unsent).toBe(0);
      expect(res.ending).toBe('closed');
    }
  });
});

describe('bodies the JSON parser refuses', () => {
  it('a charset other than UTF-8 is 415', async () => {
    for (const charset of ['latin1', 'ISO-8859-1', 'utf-16']) {
      const res = await t.request({
        method: 'POST',
        url: '/v1/api-keys',
        headers: { 'content-type': `application/json; charset=${charset}` },
        payload: JSON.stringify({ name: 'x' }),
      });
      expect(res.statusCode, charset).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const utf8 = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      payload: JSON.stringify({ name: 'x', scopes: ['messages'] }),
    });
    expect(utf8.statusCode).toBe(201);
  });

  it('deeply nested metadata is a 400, not a 500', async () => {
    for (const depth of [40, 5000]) {
      const metadata = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const res = await t.request({
        method: 'POST',
        url: '/v1/messages',
        headers: { 'content-type': 'application/json' },
        payload: `{"to":"+15555550100","type":"text","text":{"body":"hi"},"metadata":${metadata}}`,
      });
      expect(res.statusCode, `depth ${depth}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
    }
  });
});
