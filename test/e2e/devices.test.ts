import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { axeViolations, ensureWebBuild, openBrowser, startServer, type BrowserSession } from './browser.js';
import { apiClient, createApiKey, setUpOwner, signInAt, until, type Api } from './kit.js';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'correct horse battery' };
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
  const device = await api('/v1/devices', { method: 'POST', body: { name: 'Support line' } });
  deviceId = device.json.id as string;
  browser = await openBrowser();
  await signInAt(browser.page, `${server.baseUrl}/devices`, OWNER, 'Devices');
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

const row = (name: string) => browser.page.getByRole('row').filter({ hasText: name });

describe('the Devices page', () => {
  it('says a device that never connected was never seen', async () => {
    await row('Support line').getByText('never connected').waitFor(WAIT);
  });

  it('counts down the seconds left to scan the QR code shown', async () => {
    const page = browser.page;
    await page.getByRole('link', { name: 'Support line' }).click();
    await page.getByRole('button', { name: 'Link' }).click();
    const timer = page.getByRole('timer', { name: 'Time left to scan this QR code' });
    await timer.waitFor(WAIT);
    const secondsLeft = async () => Number(/(\d+) s/.exec((await timer.textContent()) ?? '')?.[1] ?? NaN);
    const first = await secondsLeft();
    expect(first).toBeGreaterThan(0);
    await expect.poll(secondsLeft, WAIT).toBeLessThan(first);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('renames a device in place', async () => {
    const page = browser.page;
    const panel = page.getByRole('region', { name: 'Support line' });
    await panel.getByRole('button', { name: 'Rename' }).click();
    const field = page.getByRole('textbox', { name: 'New name' });
    await field.fill('Front desk');
    await field.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Front desk' }).waitFor(WAIT);
    await row('Front desk').waitFor(WAIT);
    expect((await api(`/v1/devices/${deviceId}`)).json.name).toBe('Front desk');
  });

  it('shows a connected device online, and when it was last seen once it dropped', async () => {
    const page = browser.page;
    await api(`/v1/sandbox/devices/${deviceId}/scan`, { method: 'POST', body: { phone: '+15550007002' } });
    await row('Front desk').getByText('online now').waitFor(WAIT);
    await api(`/v1/sandbox/devices/${deviceId}/disconnect`, {
      method: 'POST',
      body: { reason: 'no signal' },
    });
    await until(async () => (await api(`/v1/devices/${deviceId}`)).json.status === 'disconnected');
    const lastSeen = (await api(`/v1/devices/${deviceId}`)).json.lastSeenAt as string;
    const cell = row('Front desk').locator(`time[datetime="${lastSeen}"]`);
    await cell.waitFor(WAIT);
    const panelFact = page
      .getByRole('region', { name: 'Front desk' })
      .locator(`dt:text-is("Last seen") + dd time[datetime="${lastSeen}"]`);
    await panelFact.waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      expect(await axeViolations(page)).toEqual([]);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('logged no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
