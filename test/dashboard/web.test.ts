import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startApp, type TestApp } from '../helpers/app.js';
import { OWNER } from './session.js';

// A stand-in build, so these tests do not depend on `npm run build:web`.
const webDir = mkdtempSync(join(tmpdir(), 'waping-web-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>WAPing</title><div id="root"></div>');
writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log("app")');
writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startApp(db, { WAPING_WEB_DIR: webDir });
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, key: null, headers });

describe('the built dashboard', () => {
  it('answers / with index.html, uncached, under a strict content security policy', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('falls back to index.html for client-side routes', async () => {
    for (const url of ['/messages', '/devices/dev_123', '/settings?tab=plan']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves fingerprinted assets as immutable and other files normally', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/favicon.svg')).statusCode).toBe(200);
  });

  it('keeps the JSON 404 envelope for API paths and missing files', async () => {
    for (const url of ['/v1/nope', '/auth/nope', '/assets/missing.js', '/healthz/extra']) {
      const response = await get(url, { accept: 'text/html' });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code, url).toBe('NOT_FOUND');
    }
    const post = await t.request({ method: 'POST', url: '/messages', key: null });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('NOT_FOUND');
  });

  it('answers an API client that got the path wrong with the JSON 404, not the app', async () => {
    // The version in another case, and any path with an API key, which a browser never sends.
    for (const [url, headers] of [
      ['/V1/messages', {}],
      ['/Healthz', {}],
      ['/api/messages', { authorization: 'Bearer wap_test' }],
      ['/v2/messages', { authorization: 'Bearer wap_test', accept: '*/*' }],
    ] as const) {
      const response = await get(url, headers);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error, url).toMatchObject({
        code: 'NOT_FOUND',
        message: `No route GET ${url}`,
      });
    }
  });

  it('serves nothing outside the build folder', async () => {
    writeFileSync(join(webDir, '..', 'waping-secret.txt'), 'TOP SECRET CONTENT');
    for (const url of [
      '/%2e%2e/waping-secret.txt',
      '/assets/%2e%2e/%2e%2e/waping-secret.txt',
      '/..%2fwaping-secret.txt',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body).not.toContain('TOP SECRET CONTENT');
    }
    rmSync(join(webDir, '..', 'waping-secret.txt'));
  });

  it('leaves the API, its docs and health checks where they were', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/openapi.json')).json().openapi).toBe('3.1.0');
    expect((await get('/docs/')).statusCode).toBe(200);
    expect((await get('/v1/workspace')).statusCode).toBe(401);
  });
});

describe('without a build', () => {
  it('says how to build the dashboard', async () => {
    const dbNoWeb = await createTestDatabase();
    const bare = await startApp(dbNoWeb, { WAPING_WEB_DIR: join(webDir, 'missing') });
    try {
      const response = await bare.request({ method: 'GET', url: '/', key: null });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('npm run build:web');
      expect((await bare.request({ method: 'GET', url: '/assets/x.js', key: null })).statusCode).toBe(404);
    } finally {
      await bare.close();
      await dbNoWeb.drop();
    }
  });
});

describe('secure cookies', () => {
  const setup = (app: TestApp, headers: Record<string, string> = {}) =>
    app.request({ method: 'POST', url: '/auth/setup', payload: OWNER, key: null, headers });

  it('marks the cookie Secure when WAPING_SECURE_COOKIES=true', async () => {
    const secureDb = await createTestDatabase();
    const app = await startApp(secureDb, { WAPING_SECURE_COOKIES: 'true' });
    try {
      const cookie = (await setup(app)).cookies.find((c) => c.name === 'waping_session');
      expect(cookie?.secure).toBe(true);
    } finally {
      await app.close();
      await secureDb.drop();
    }
  });

  it('follows the request scheme in auto mode behind a trusted proxy', async () => {
    const autoDb = await createTestDatabase();
    const app = await startApp(autoDb, { WAPING_SECURE_COOKIES: 'auto', WAPING_TRUST_PROXY: 'true' });
    try {
      const response = await setup(app, { 'x-forwarded-proto': 'https' });
      expect(response.cookies.find((c) => c.name === 'waping_session')?.secure).toBe(true);
      const login = await app.request({
        method: 'POST',
        url: '/auth/login',
        payload: { email: OWNER.email, password: OWNER.password },
        key: null,
      });
      expect(login.cookies.find((c) => c.name === 'waping_session')?.secure).toBeUndefined();
    } finally {
      await app.close();
      await autoDb.drop();
    }
  });
});
