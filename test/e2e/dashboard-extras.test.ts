import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import {
  axeViolations,
  ensureWebBuild,
  openBrowser,
  screenshot,
  startServer,
  type BrowserSession,
} from './browser.js';
import {
  apiClient,
  asSession,
  fillFirstRunForm,
  navigate,
  nothingLoading,
  signInOverHttp,
  type Api,
  type DashboardSession,
} from './kit.js';

// Verification figures and settings, the channel order, the workspace name, the Overview figures,
// snippets and the dark theme, as an owner uses them.
const OWNER = { name: 'Dana Dev', email: 'dana@example.com', password: 'amber quarry lantern 19' };
const CUSTOMER = '+15557650001';
const WAIT = { timeout: 20_000 };

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let page: Page;
let api: Api;
let session: DashboardSession = { cookie: '', csrfToken: '' };

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  // An email server that is never reached: enough for the email channel to be offered.
  server = await startServer(db, { WAPING_SMTP_URL: 'smtp://127.0.0.1:9' });
  browser = await openBrowser();
  page = browser.page;
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

const nav = (label: string) => navigate(page, label);
const settled = () => nothingLoading(page);

/** A GET as the signed-in owner, from the test itself. */
async function apiGet<T>(path: string): Promise<T> {
  const res = await api(path, { headers: asSession(session) });
  expect(res.status).toBe(200);
  return res.json as T;
}

/** A write as the signed-in owner. */
async function apiPost<T>(path: string, body: object): Promise<T> {
  const res = await api(path, { method: 'POST', body, headers: asSession(session) });
  expect(res.status).toBeLessThan(300);
  return res.json as T;
}

/** The channel names of an ordered list, top first. */
const orderShown = async (form: ReturnType<Page['locator']>) =>
  (await form.locator('.channel-order li label').allTextContents()).map((t) => t.trim());

describe('dashboard extras', () => {
  it('sets up the owner and a sandbox device', async () => {
    await page.goto(server.baseUrl);
    await fillFirstRunForm(page, OWNER);
    session = await signInOverHttp(server.baseUrl, OWNER);
    await nav('Devices');
    await page.getByLabel('Name').fill('Support line');
    await page.getByLabel('Engine').selectOption('sandbox');
    await page.getByRole('button', { name: 'Add device' }).click();
    await page.getByLabel('Scan the QR as the phone number').fill('+15550001000');
    await page.getByRole('button', { name: 'Scan QR code' }).click();
    await page
      .getByRole('region', { name: 'Support line' })
      .getByText('connected', { exact: true })
      .waitFor(WAIT);
  });

  it('renames the workspace in Settings', async () => {
    await nav('Settings');
    const form = page.getByRole('form', { name: 'Workspace name' });
    await form.getByLabel('Name').fill('Acme support');
    await form.getByRole('button', { name: 'Rename' }).click();
    await form.getByText('Workspace renamed.').waitFor(WAIT);
    await expect.poll(() => page.locator('.topbar .workspace').textContent(), WAIT).toContain('Acme support');
    expect((await apiGet<{ name: string }>('/v1/workspace')).name).toBe('Acme support');
  });

  it('refuses a code text without {{code}} and saves length, expiry, text and channel order', async () => {
    const form = page.getByRole('form', { name: 'Verification codes' });
    await form.getByLabel(/^Message text/).fill('Your code is on its way');
    await form.getByRole('button', { name: 'Save code settings' }).click();
    await form.getByRole('alert').filter({ hasText: 'must contain {{code}}' }).waitFor(WAIT);

    await form.getByLabel(/^Message text/).fill('Acme: {{code}}, valid {{minutes}} min');
    await form.getByLabel('Code length (digits)').fill('8');
    await form.getByLabel('Expires after (minutes)').fill('2');
    // The channels the server offers arrive after the form: until then it lists WhatsApp alone.
    await expect.poll(() => orderShown(form), WAIT).toEqual(['WhatsApp', 'Email']);
    // Keyboard only: tick Email, then move it to the top; the focus stays with Email's buttons.
    await form.getByRole('checkbox', { name: 'Email' }).focus();
    await page.keyboard.press('Space');
    await form.getByRole('button', { name: 'Move Email Up' }).focus();
    await page.keyboard.press('Enter');
    expect(await orderShown(form)).toEqual(['Email', 'WhatsApp']);
    expect(await page.evaluate('document.activeElement?.textContent')).toMatch(/^Move Email\W+Down$/);
    await form.getByRole('button', { name: 'Save code settings' }).click();
    await form.getByText('Code settings saved.').waitFor(WAIT);
    const ws = await apiGet<{ settings: { verification: object } }>('/v1/workspace');
    expect(ws.settings.verification).toEqual({
      codeLength: 8,
      ttlSeconds: 120,
      messageText: 'Acme: {{code}}, valid {{minutes}} min',
      channels: ['email', 'whatsapp'],
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
    await settled();
    await expect
      .poll(() => orderShown(page.getByRole('form', { name: 'Verification codes' })), WAIT)
      .toEqual(['Email', 'WhatsApp']);
  });

  it('sends codes in the order chosen and shows the figures of the last 7 days', async () => {
    await nav('Verifications');
    await settled();
    const stats = page.getByRole('region', { name: 'Last 7 days' });
    expect(await stats.getByText('—').count()).toBeGreaterThan(0);
    const form = page.getByRole('form', { name: 'Send a code' });
    // Nothing ticked: the workspace's order, without email for a request with no address.
    await form.getByLabel('Phone number').fill(CUSTOMER);
    await form.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('dialog').waitFor(WAIT);
    await page.keyboard.press('Escape');
    // Ticked and ordered here: this request's own order.
    await form.getByLabel('Phone number').fill('+15557650002');
    await form.getByLabel(/^Email/).fill('someone@example.com');
    await form.getByRole('checkbox', { name: 'WhatsApp' }).check();
    await form.getByRole('checkbox', { name: 'Email' }).check();
    await form.getByRole('button', { name: 'Move Email Up' }).click();
    expect(await orderShown(form)).toEqual(['Email', 'WhatsApp']);
    await form.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('dialog').waitFor(WAIT);
    await page.keyboard.press('Escape');

    const list = await apiGet<{ data: Array<{ to: string; channels: string[]; codeLength: number }> }>(
      '/v1/verifications',
    );
    expect(list.data.map((v) => [v.to, v.channels, v.codeLength])).toEqual([
      ['+15557650002', ['email', 'whatsapp'], 8],
      [CUSTOMER, ['whatsapp'], 8],
    ]);
    const sandbox = await apiGet<{ data: Array<{ text: string }> }>(
      `/v1/sandbox/messages?to=${encodeURIComponent(CUSTOMER)}`,
    );
    expect(sandbox.data[0]?.text).toMatch(/^Acme: \d{8}, valid 2 min$/);

    const codesSent = stats.locator('.stat-tiles div').filter({ hasText: 'Codes sent' });
    await codesSent.getByText('2', { exact: true }).waitFor(WAIT);
    const whatsapp = stats.getByRole('row', { name: /^WhatsApp/ });
    await expect.poll(async () => (await whatsapp.textContent()) ?? '', WAIT).toMatch(/^WhatsApp[12]/);
  });
});

describe('the Overview', () => {
  it('shows inbound and verification figures, and a chart with a value axis and daily totals', async () => {
    const devices = await apiGet<{ data: Array<{ id: string }> }>('/v1/devices');
    const deviceId = devices.data[0]!.id;
    await apiPost('/v1/sandbox/inbound', { deviceId, from: CUSTOMER, text: 'Hello there' });
    const sandbox = await apiGet<{ data: Array<{ text: string }> }>(
      `/v1/sandbox/messages?to=${encodeURIComponent(CUSTOMER)}`,
    );
    const code = /\d{8}/.exec(sandbox.data[0]!.text)![0];
    const list = await apiGet<{ data: Array<{ id: string; to: string }> }>('/v1/verifications');
    const mine = list.data.find((v) => v.to === CUSTOMER)!;
    expect((await apiPost<{ status: string }>(`/v1/verifications/${mine.id}/check`, { code })).status).toBe(
      'approved',
    );

    await nav('Overview');
    await settled();
    const week = page.getByRole('region', { name: 'Last 7 days' });
    const tile = (name: string) => week.locator('.stat-tiles div').filter({ hasText: name }).locator('dd');
    await expect.poll(() => tile('Received').textContent(), WAIT).toBe('1');
    expect(await tile('Verifications').textContent()).toBe('2');
    // One approved, one still pending: 1 of the 1 that ended.
    expect(await tile('Verification success').textContent()).toBe('100%');
    const sent = Number(await tile('Sent').textContent());
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(await week.locator('.chart-scale span').allTextContents()).toEqual(
      sent <= 2 ? ['2', '1', '0'] : [expect.any(String), expect.any(String), '0'],
    );
    const lastDay = await week.locator('.chart-axis span').last().locator('strong').textContent();
    expect(Number(lastDay)).toBe(sent);
  });

  it('flags a device waiting for a QR scan for minutes', async () => {
    const created = await apiPost<{ id: string }>('/v1/devices', { name: 'Shop line', engine: 'sandbox' });
    await apiPost(`/v1/devices/${created.id}/connect`, {});
    // Once it shows its QR, it is made to have waited five minutes (no test waits that long).
    await expect
      .poll(async () => (await apiGet<{ status: string }>(`/v1/devices/${created.id}`)).status, WAIT)
      .toBe('qr');
    await server.app.ctx.db
      .updateTable('devices')
      .set({ status_changed_at: new Date(Date.now() - 5 * 60_000).toISOString() })
      .where('id', '=', created.id)
      .execute();
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(WAIT);
    const health = page.getByRole('region', { name: 'Devices' });
    await expect.poll(() => health.textContent(), WAIT).toContain('Waiting for a QR scan for 5 minutes');
    await health.getByText('1 device needs attention.').waitFor(WAIT);
    // The connected one is not flagged.
    expect(await health.locator('.stale').count()).toBe(1);
  });
});

describe('snippets', () => {
  it('offer a template send and a verification check, filled with the real ids', async () => {
    const template = await apiPost<{ id: string }>('/v1/templates', {
      name: 'shipping',
      body: 'Order {{order}} is on its way',
    });
    await nav('Templates');
    await settled();
    await page.getByText('Send it from code').click();
    const curl = await page.getByLabel('curl example').textContent();
    expect(curl).toContain(`"template":{"id":"${template.id}","variables":{"order":"order"}}`);
    expect(curl).toContain('Authorization: Bearer $WAPING_API_KEY');
    await page.getByRole('button', { name: 'Python', exact: true }).click();
    expect(await page.getByLabel('Python example').textContent()).toContain("os.environ['WAPING_API_KEY']");

    await nav('Verifications');
    await settled();
    await page.getByRole('button', { name: CUSTOMER }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Check it from code').click();
    const list = await apiGet<{ data: Array<{ id: string; to: string }> }>('/v1/verifications');
    const id = list.data.find((v) => v.to === CUSTOMER)!.id;
    await drawer.getByRole('button', { name: 'Node' }).click();
    const node = await drawer.getByLabel('Node example').textContent();
    expect(node).toContain(`/v1/verifications/${id}/check`);
    expect(node).toContain('{"code":"12345678"}');
    await page.keyboard.press('Escape');
  });
});

const ALL_PAGES = [
  'Overview',
  'Devices',
  'Inbox',
  'Messages',
  'Compose',
  'Templates',
  'Verifications',
  'Webhooks',
  'Auto-replies',
  'Contacts',
  'API keys',
  'Team',
  'Settings',
];

/** The page background as the browser paints it. */
const background = () => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');
const LIGHT_BG = 'rgb(245, 247, 246)';
const DARK_BG = 'rgb(18, 24, 22)';

describe('the dark theme', () => {
  it('follows prefers-color-scheme, and the toggle overrides it and is kept after a reload', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await nav('Overview');
    expect(await background()).toBe(DARK_BG);
    const theme = page.getByRole('combobox', { name: 'Theme' });
    expect(await theme.inputValue()).toBe('system');
    await theme.selectOption('light');
    expect(await background()).toBe(LIGHT_BG);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(WAIT);
    expect(await background()).toBe(LIGHT_BG);
    expect(await page.evaluate('localStorage.getItem("waping-theme")')).toBe('light');

    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    expect(await background()).toBe(DARK_BG);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    expect(await background()).toBe(LIGHT_BG);
    expect(await page.evaluate('localStorage.getItem("waping-theme")')).toBeNull();
  });

  it('keeps every page free of axe violations (colour contrast included) at 1280 and 360 px', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const found: string[] = [];
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const label of ALL_PAGES) {
        await nav(label);
        await settled();
        expect(await background()).toBe(DARK_BG);
        for (const v of await axeViolations(page)) found.push(`dark ${width}px ${label}: ${v}`);
        if (width === 1280) await screenshot(page, `dark-${label.toLowerCase().replace(/\W+/g, '-')}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(found).toEqual([]);
  });
});

describe('accessibility of the new parts', () => {
  it('has no axe violations at 1280 and 360 px', async () => {
    const found: string[] = [];
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const label of ['Overview', 'Templates', 'Settings', 'Verifications']) {
        await nav(label);
        await settled();
        for (const v of await axeViolations(page)) found.push(`${width}px ${label}: ${v}`);
        await screenshot(page, `extras-${width}-${label.toLowerCase()}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(found).toEqual([]);
  });

  it('logged no console errors', () => {
    // Chromium logs every 4xx answer as a console error; the refused code text is provoked on purpose.
    const provoked = /Failed to load resource: the server responded with a status of 400 \(Bad Request\)/;
    expect(browser.errors.filter((e) => !provoked.test(e))).toEqual([]);
  });
});
