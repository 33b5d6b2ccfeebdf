import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import {
  axeViolations,
  ensureWebBuild,
  openBrowser,
  publishScreenshots,
  screenshot,
  startServer,
  type BrowserSession,
} from './browser.js';
import { fillFirstRunForm, navigate, signInOverHttp } from './kit.js';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'correct horse battery' };
const VIEWER = { email: 'viewer@example.com', password: 'read only passphrase 7' };
const CUSTOMER = '+15557654321';
const WAIT = { timeout: 15_000 };

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let page: Page;
let apiKey = '';

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  server = await startServer(db);
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

const nav = (label: string) => navigate(page, label);

describe('the dashboard in a real browser', () => {
  it('sets up the owner on first start', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Welcome to WAPing' }).waitFor(WAIT);
    await screenshot(page, 'setup');
    await fillFirstRunForm(page, OWNER);
    await page.getByText('No device yet').waitFor(WAIT);
    // A reload would drop this mark: statuses must change in the page that is open.
    await page.evaluate('window.wapingNoReload = true');
  });

  it('adds a sandbox device, shows its QR and turns connected after the scan without a reload', async () => {
    await nav('Devices');
    await page.getByText('No devices yet').waitFor(WAIT);
    await page.getByLabel('Name').fill('Support line');
    await page.getByLabel('Engine').selectOption('sandbox');
    await page.getByRole('button', { name: 'Add device' }).click();
    const qr = page.getByRole('img', { name: 'QR code to link Support line' });
    await qr.waitFor(WAIT);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await screenshot(page, 'devices-qr');

    await page.getByLabel('Scan the QR as the phone number').fill('+15550001000');
    await page.getByRole('button', { name: 'Scan QR code' }).click();
    const panel = page.getByRole('region', { name: 'Support line' });
    await panel.getByText('connected', { exact: true }).waitFor(WAIT);
    await panel.getByText('+15550001000').waitFor(WAIT);
    expect(await page.evaluate<boolean>('window.wapingNoReload === true')).toBe(true);
    await screenshot(page, 'devices');
  });

  it('composes a message that reaches read in the log without a reload', async () => {
    await nav('Compose');
    await page.getByLabel(/^To/).fill(CUSTOMER);
    await page.getByLabel('Message', { exact: true }).fill('Your order #1234 has shipped');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText(`Queued for ${CUSTOMER}`).waitFor(WAIT);

    await nav('Messages');
    const row = page.getByRole('row').filter({ hasText: 'Your order #1234 has shipped' });
    await row.waitFor(WAIT);
    await row.getByText('read', { exact: true }).waitFor(WAIT);
    expect(await page.evaluate<boolean>('window.wapingNoReload === true')).toBe(true);
    await screenshot(page, 'messages');

    await row.getByRole('button', { name: /Your order/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Message' });
    await drawer.waitFor(WAIT);
    for (const status of ['queued', 'sending', 'sent', 'delivered', 'read']) {
      await drawer.getByRole('listitem').filter({ hasText: status }).first().waitFor(WAIT);
    }
    await screenshot(page, 'message-detail');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...WAIT });
  });

  it('shows the week on the overview', async () => {
    await nav('Overview');
    await page
      .getByRole('region', { name: 'Last 7 days' })
      .locator('.stat-tiles div')
      .filter({ hasText: 'Delivery rate' })
      .getByText('100%')
      .waitFor(WAIT);
    await page.getByRole('img', { name: /Read/ }).waitFor(WAIT);
    await screenshot(page, 'overview');
  });

  it('creates an API key whose value works against the API', async () => {
    await nav('API keys');
    await page.getByLabel(/^Name/).fill('e2e backend');
    // New keys may send and verify by default; this one also drives the sandbox's devices below.
    await page.getByRole('checkbox', { name: /^devices/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const field = page.getByLabel('New API key');
    await field.waitFor(WAIT);
    const key = await field.inputValue();
    expect(key).toMatch(/^wap_/);
    apiKey = key;
    await screenshot(page, 'api-keys');

    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const list = await fetch(`${server.baseUrl}/v1/messages?limit=5`, { headers });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { data: Array<{ body: string; source: string }> };
    expect(body.data.map((m) => m.body)).toContain('Your order #1234 has shipped');
    expect(body.data[0]?.source).toBe('dashboard');
    const sent = await fetch(`${server.baseUrl}/v1/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ to: CUSTOMER, type: 'text', text: { body: 'Sent with the new key' } }),
    });
    expect(sent.status).toBe(202);
  });

  it('warns on every page while a device is offline, until it is reconnected', async () => {
    const devices = await fetch(`${server.baseUrl}/v1/devices`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const [device] = ((await devices.json()) as { data: Array<{ id: string }> }).data;
    const dropped = await fetch(`${server.baseUrl}/v1/sandbox/devices/${device?.id}/disconnect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'phone offline' }),
    });
    expect(dropped.status).toBe(202);
    const banner = page.getByRole('alert').filter({ hasText: 'A device is offline.' });
    await banner.waitFor(WAIT);
    await banner.getByText(/Support line.*is disconnected \(phone offline\)/).waitFor(WAIT);
    await nav('Overview');
    await banner.waitFor(WAIT);
    await screenshot(page, 'banner');
    await banner.getByRole('link', { name: 'Support line' }).click();
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await banner.waitFor({ state: 'detached', ...WAIT });
    await page
      .getByRole('region', { name: 'Support line' })
      .getByText('connected', { exact: true })
      .waitFor(WAIT);
  });

  it('adds a viewer to the team', async () => {
    await nav('Team');
    await page.getByLabel('Email').fill(VIEWER.email);
    await page.getByLabel(/^First password/).fill(VIEWER.password);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('row').filter({ hasText: VIEWER.email }).waitFor(WAIT);
    await screenshot(page, 'team');
  });

  it('shows a customer message written on the sandbox phone as inbound', async () => {
    await nav('Devices');
    await page.getByRole('link', { name: 'Support line' }).click();
    await page.getByLabel('Customer number').fill(CUSTOMER);
    await page.getByLabel('Their message').fill('Where is my parcel?');
    await page.getByRole('button', { name: 'Send as customer' }).click();
    await page.getByText(`Sent as ${CUSTOMER}`).waitFor(WAIT);
    await page.getByRole('button', { name: 'Add the “OTP-only line” auto-reply' }).click();
    await page.getByText('Added. People who write to this number').waitFor(WAIT);
    await nav('Messages');
    const row = page.getByRole('row').filter({ hasText: 'Where is my parcel?' });
    await row.getByText('received', { exact: true }).waitFor(WAIT);
  });

  it('sends a verification code and shows where it went', async () => {
    await nav('Verifications');
    await page.getByLabel('Phone number').fill(CUSTOMER);
    await page.getByRole('button', { name: 'Send code' }).click();
    const drawer = page.getByRole('dialog', { name: 'Verification' });
    await drawer.getByText('whatsapp', { exact: false }).first().waitFor(WAIT);
    await drawer.getByRole('button', { name: 'Check code' }).waitFor(WAIT);
    await screenshot(page, 'verification');
    await page.keyboard.press('Escape');
    await page.getByRole('row').filter({ hasText: CUSTOMER }).first().waitFor(WAIT);
  });

  it('renders the other pages', async () => {
    await nav('Auto-replies');
    await page.getByText('OTP-only line').first().waitFor(WAIT);
    await screenshot(page, 'auto-replies');
    await nav('Contacts');
    await page.getByRole('button', { name: CUSTOMER }).waitFor(WAIT);
    await screenshot(page, 'contacts');
    await nav('Templates');
    await page.getByLabel('Name', { exact: true }).fill('order_shipped');
    await page.getByLabel(/^Text/).fill('Hi {{name}}, order {{order}} has shipped.');
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.getByText('Variables: name, order').waitFor(WAIT);
    await screenshot(page, 'templates');
    await nav('Webhooks');
    await screenshot(page, 'webhooks');
    await nav('Settings');
    await page.getByRole('heading', { name: /^Plan:/ }).waitFor(WAIT);
    await screenshot(page, 'settings');
  });

  it('stays readable on a 360 px wide phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor(WAIT);
    await page.getByRole('row').filter({ hasText: 'Sent with the new key' }).waitFor(WAIT);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'messages-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('shows who changed what in the audit log, filtered, at 1280 and 360 px', async () => {
    await nav('Audit log');
    const added = page.getByRole('row').filter({ hasText: 'Member added' }).filter({ hasText: VIEWER.email });
    await added.getByText(OWNER.name).waitFor(WAIT);
    await page.getByLabel('Action').selectOption({ label: 'API key created' });
    expect(new URL(page.url()).searchParams.get('action')).toBe('api_key.created');
    await page
      .getByRole('row')
      .filter({ hasText: 'Member added' })
      .waitFor({ state: 'detached', ...WAIT });
    await page.getByRole('row').filter({ hasText: 'API key created' }).first().waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit-log');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('row').filter({ hasText: 'API key created' }).first().waitFor(WAIT);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('does not let a viewer send', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to WAPing' }).waitFor(WAIT);
    await page.getByLabel('Email').fill(VIEWER.email);
    await page.getByLabel('Password').fill(VIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signing in keeps the address: the viewer lands on the page the owner left.
    await page.getByText('(viewer)').waitFor(WAIT);
    await nav('Compose');
    await page.getByText('Your role (viewer) can read messages but not send them').waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Send message' }).count()).toBe(0);
    // The audit log is for owners and admins: a viewer gets no link to it.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).count(),
    ).toBe(0);

    const { cookie, csrfToken } = await signInOverHttp(server.baseUrl, VIEWER);
    const refused = await fetch(`${server.baseUrl}/v1/messages`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ to: CUSTOMER, type: 'text', text: { body: 'not allowed' } }),
    });
    expect(refused.status).toBe(403);
  });

  it('logged no console errors', () => {
    publishScreenshots(['overview', 'devices-qr', 'messages', 'message-detail']);
    expect(browser.errors).toEqual([]);
  });
});
