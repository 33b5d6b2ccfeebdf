import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { setupOwner } from '../dashboard/session.js';

let db: TestDatabase;
let t: TestApp;
let logLines: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  const logger = capturingLogger();
  logLines = logger.lines;
  t = await startApp(db, { LOG_LEVEL: 'info' }, { logger: logger.logger });
  await setupOwner(t);
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

type Spec = { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> };

async function listRoutes(): Promise<string[]> {
  const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<Spec>();
  return Object.entries(spec.paths)
    .filter(
      ([path, ops]) =>
        !path.includes('{') && ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'limit'),
    )
    .map(([path]) => path);
}

const error = (res: { json: () => unknown }) =>
  (res.json() as { error: { code: string; message: string } }).error;

describe('list limits', () => {
  it('every list refuses limit values that are not plain decimals', async () => {
    const routes = await listRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const path of routes) {
      for (const limit of ['Infinity', '-Infinity', 'NaN', '0x10', '1e1', '%205', '5.0', '0', '1000000']) {
        const res = await t.request({ method: 'GET', url: `${path}?limit=${limit}` });
        expect(res.statusCode, `${path}?limit=${limit}`).toBe(400);
        expect(error(res).code).toBe('VALIDATION_ERROR');
      }
      expect((await t.request({ method: 'GET', url: `${path}?limit=1` })).statusCode, path).toBe(200);
    }
  });

  it('/v1/team pages by limit and cursor', async () => {
    for (const n of [1, 2, 3]) {
      const res = await t.request({
        method: 'POST',
        url: '/v1/team',
        payload: { email: `m${n}@example.com`, password: 'long enough password', role: 'viewer' },
      });
      expect(res.statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/team?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request({ method: 'GET', url })).json<{
        data: Array<{ id: string }>;
        nextCursor: string | null;
      }>();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });
});

const send = (payload: Record<string, unknown>) =>
  t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { to: '+15555550100', type: 'text', text: { body: 'hi' }, ...payload },
  });

describe('bodies refused with a clear 400', () => {
  it('metadata keys longer than 100 characters, empty keys and oversized metadata', async () => {
    for (const metadata of [{ ['k'.repeat(101)]: 1 }, { '': 1 }, { blob: 'x'.repeat(20_000) }]) {
      const res = await send({ metadata });
      expect(res.statusCode).toBe(400);
      expect(error(res).message).toContain('metadata');
    }
  });

  it('names made of whitespace only', async () => {
    for (const [url, payload] of [
      ['/v1/api-keys', { name: '   ' }],
      ['/v1/devices', { name: '\t \n' }],
      ['/v1/auto-replies', { name: '  ', match: { type: 'any' }, reply: 'hi' }],
      [
        '/v1/team',
        { email: 'blank@example.com', password: 'long enough password', role: 'viewer', name: ' ' },
      ],
    ] as const) {
      const res = await t.request({ method: 'POST', url, payload });
      expect(res.statusCode, url).toBe(400);
      expect(error(res).message, url).toContain('name');
    }
  });

  it('phone numbers with an extension', async () => {
    for (const to of ['+15555550100;ext=123', '+1 555 555 0100 ext. 5', '+15555550100 x12']) {
      const res = await send({ to });
      expect(res.statusCode, to).toBe(400);
      expect(error(res).message).toContain('phone number');
    }
  });
});

describe('unknown resources', () => {
  it('contacts/check with an unknown device is 404', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/contacts/check',
      payload: { phone: '+15555550100', deviceId: 'dev_01m8b8xma15em99q5xmc7vak9t' },
    });
    expect(res.statusCode).toBe(404);
    expect(error(res).code).toBe('NOT_FOUND');
  });
});

describe('credentials in the URL', () => {
  it('are refused, and never reach the log', async () => {
    for (const query of [`api_key=${t.apiKey}`, `token=${t.apiKey}`, `q=${t.apiKey}`, 'apiKey=abc']) {
      const res = await t.request({ method: 'GET', url: `/v1/messages?${query}`, key: null });
      expect(res.statusCode, query).toBe(400);
      expect(error(res).message).toContain('Authorization');
    }
    const secret = t.apiKey.slice(4);
    expect(logLines.join('').includes(secret)).toBe(false);
    expect(logLines.join('')).toContain('[REDACTED]');
  });
});
