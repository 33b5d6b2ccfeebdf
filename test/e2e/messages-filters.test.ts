import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { makeDevice, makeMessage } from '../helpers/factories.js';
import {
  axeViolations,
  ensureWebBuild,
  openBrowser,
  screenshot,
  startServer,
  type BrowserSession,
} from './browser.js';
import { setUpOwner } from './kit.js';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'correct horse battery' };
const WAIT = { timeout: 15_000 };

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let page: Page;
const ids: Record<string, string> = {};

const params = () => new URL(page.url()).searchParams;
const row = (text: string) => page.getByRole('row').filter({ hasText: text });

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  server = await startServer(db);
  await setUpOwner(server.baseUrl, OWNER);
  const store = server.app.ctx.db;
  const { id: workspace_id } = await store.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
  const front = await makeDevice(store, { workspace_id, name: 'Front desk' });
  const back = await makeDevice(store, { workspace_id, name: 'Back office' });
  const seed = async (name: string, fields: Parameters<typeof makeMessage>[1]) => {
    ids[name] = (await makeMessage(store, fields)).id;
  };
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString();
  await seed('ready', {
    workspace_id,
    body: 'Your table is ready',
    source: 'auto_reply',
    status: 'read',
    device_id: front.id,
    created_at: at(1),
  });
  await seed('receipt', {
    workspace_id,
    body: 'Your receipt for table 4',
    source: 'api',
    status: 'delivered',
    device_id: back.id,
    created_at: at(2),
  });
  await seed('promo1', {
    workspace_id,
    body: 'Spring menu promo',
    source: 'dashboard',
    status: 'queued',
    phone: '+15557001001',
    device_id: front.id,
    created_at: at(3),
  });
  await seed('promo2', {
    workspace_id,
    body: 'Spring menu promo again',
    source: 'dashboard',
    status: 'queued',
    phone: '+15557001002',
    device_id: front.id,
    created_at: at(4),
  });
  await seed('failed', {
    workspace_id,
    body: 'Booking changed',
    source: 'api',
    status: 'failed',
    error_code: 'SEND_FAILED',
    created_at: at(5),
  });

  browser = await openBrowser();
  page = browser.page;
  await page.goto(`${server.baseUrl}/messages?source=auto_reply&q=table`);
  await page.getByRole('heading', { name: 'Sign in to WAPing' }).waitFor(WAIT);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor(WAIT);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

describe('the message log in the address', () => {
  it('opens with the filters of a shared link, with device and source columns and a total', async () => {
    expect(params().get('source')).toBe('auto_reply');
    await row('Your table is ready').waitFor(WAIT);
    expect(await row('Your receipt for table 4').count()).toBe(0);
    expect(await page.getByLabel('Search text').inputValue()).toBe('table');
    expect(await page.getByLabel('Source').inputValue()).toBe('auto_reply');
    await page.getByText('1 message match').waitFor(WAIT);
    await row('Your table is ready').getByText('Front desk').waitFor(WAIT);
    await row('Your table is ready').getByText('Auto-reply').waitFor(WAIT);
    const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(exportHref).toBe('/v1/messages/export.csv?source=auto_reply&q=table');
  });

  it('applies a filter as it changes, no Apply button, and Back undoes it', async () => {
    expect(await page.getByRole('button', { name: /apply/i }).count()).toBe(0);
    await page.getByLabel('Source').selectOption('');
    await row('Your receipt for table 4').waitFor(WAIT);
    expect(params().get('source')).toBeNull();
    await page.getByText('2 messages match').waitFor(WAIT);

    await page.getByLabel('Search text').fill('spring');
    await row('Spring menu promo again').waitFor(WAIT);
    await page.waitForURL(/q=spring/, WAIT);
    expect(await row('Your table is ready').count()).toBe(0);

    await page.goBack();
    await page.waitForURL(/q=table/, WAIT);
    await row('Your receipt for table 4').waitFor(WAIT);
    expect(await page.getByLabel('Search text').inputValue()).toBe('table');
    await page.goBack();
    await page.waitForURL(/source=auto_reply/, WAIT);
    await page.getByText('1 message match').waitFor(WAIT);
    expect(await page.getByLabel('Source').inputValue()).toBe('auto_reply');
  });

  it('opens a message from a link, closes it into the history, and Back opens it again', async () => {
    await page.goto(`${server.baseUrl}/messages?status=failed&message=${ids.failed}`);
    const drawer = page.getByRole('dialog', { name: 'Message' });
    await drawer.getByText('Booking changed').waitFor(WAIT);
    await drawer.getByText('SEND_FAILED', { exact: false }).first().waitFor(WAIT);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...WAIT });
    expect(params().get('message')).toBeNull();
    expect(params().get('status')).toBe('failed');
    await page.goBack();
    await drawer.getByText('Booking changed').waitFor(WAIT);
    expect(params().get('message')).toBe(ids.failed);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...WAIT });
  });

  it('cancels the selected queued messages after a confirmation, leaving the rest', async () => {
    await page.goto(`${server.baseUrl}/messages?status=queued`);
    await row('Spring menu promo again').waitFor(WAIT);
    await page.getByLabel('Select every message on this page').check();
    await screenshot(page, 'messages-selected');
    await page.getByRole('button', { name: 'Cancel queued (2)' }).click();
    await page.getByRole('button', { name: 'Cancel 2 queued messages' }).click();
    await page.getByText('Canceled 2 messages.').waitFor(WAIT);
    await page.getByText('No message matches these filters').waitFor(WAIT);
    const statuses = await Promise.all(
      [ids.promo1, ids.promo2, ids.failed].map(
        async (id) =>
          (
            await server.app.ctx.db
              .selectFrom('messages')
              .select('status')
              .where('id', '=', id!)
              .executeTakeFirstOrThrow()
          ).status,
      ),
    );
    expect(statuses).toEqual(['canceled', 'canceled', 'failed']);
  });

  it('fits a 360 px phone and has no accessibility violations at 1280 and 360 px', async () => {
    await page.goto(`${server.baseUrl}/messages`);
    await row('Your table is ready').waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    const status = row('Your table is ready').getByText('read', { exact: true });
    await status.waitFor(WAIT);
    const box = await status.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'messages-filters-phone');
    expect(browser.errors).toEqual([]);
  });
});
