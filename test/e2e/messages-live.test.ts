import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { ensureWebBuild, openBrowser, startServer, type BrowserSession } from './browser.js';
import {
  apiClient,
  createApiKey,
  linkSandboxDevice,
  navigate,
  setUpOwner,
  signInAt,
  until,
  type Api,
} from './kit.js';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'correct horse battery' };
const CUSTOMER = '+15557300001';
const WAIT = { timeout: 15_000 };

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let api: Api;
let apiKey = '';
let deviceId = '';

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  server = await startServer(db);
  api = apiClient(server.baseUrl, () => apiKey);
  apiKey = await createApiKey(api, await setUpOwner(server.baseUrl, OWNER));
  deviceId = await linkSandboxDevice(api, 'Front desk', '+15557300099');
  browser = await openBrowser();
  await signInAt(browser.page, `${server.baseUrl}/`, OWNER, 'Overview');
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

describe('the message log, live', () => {
  it('keeps a receipt that arrives while the log is loading', async () => {
    const page = browser.page;
    const text = 'Your table is ready';
    const statusOf = async (id: string) => (await api(`/v1/messages/${id}`)).json.status as string;

    // Queued while the line is offline, so the log's load sees it before it is sent.
    await api(`/v1/sandbox/devices/${deviceId}/disconnect`, { method: 'POST' });
    await until(async () => (await api(`/v1/devices/${deviceId}`)).json.status === 'disconnected');
    const sent = await api('/v1/messages', {
      method: 'POST',
      body: { to: CUSTOMER, type: 'text', text: { body: text }, deviceId, queueIfDisconnected: true },
    });
    expect(sent.status).toBe(202);
    const id = sent.json.id as string;

    // The log's load answers with what the server had when asked (queued), but reaches the page
    // only after the line came back and the message was read, its receipts sent over the live
    // stream meanwhile.
    const logLoads = /\/v1\/messages\?/;
    await page.route(logLoads, async (route) => {
      const answer = await route.fetch();
      if ((await statusOf(id)) === 'queued') {
        await api(`/v1/devices/${deviceId}/connect`, { method: 'POST' });
        await until(async () => (await statusOf(id)) === 'read');
        await new Promise((r) => setTimeout(r, 300));
      }
      await route.fulfill({ response: answer });
    });
    try {
      await navigate(page, 'Messages');
      const row = page.getByRole('row').filter({ hasText: text });
      await row.waitFor(WAIT);
      await row.getByText('read', { exact: true }).waitFor(WAIT);
    } finally {
      await page.unroute(logLoads);
    }
  });
});
