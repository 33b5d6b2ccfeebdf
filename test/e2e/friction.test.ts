import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { axeViolations, ensureWebBuild, openBrowser, startServer, type BrowserSession } from './browser.js';
import { fillFirstRunForm, navigate, nothingLoading } from './kit.js';

// The small frictions a first-time owner meets: a sandbox link within one screen, refusals in a
// person's words, the sandbox's scripted numbers, a Settings form that shows what it holds, and
// drawers a link can open.
const OWNER = { name: 'Frida Friction', email: 'frida@example.com', password: 'amber canyon whistle 9' };
const CUSTOMER = '+15557654321';
const MEMBERS = [
  { email: 'vera@example.com', password: 'silver lagoon thistle 4', role: 'viewer' },
  { email: 'arne@example.com', password: 'copper meadow lantern 8', role: 'agent' },
];
const PAGES = [
  'Overview',
  'Inbox',
  'Devices',
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

/**
 * The disabled controls on the page that nothing explains: neither their own title nor a role
 * note (".notice-info") in the form, section or drawer around them. A channel's Up and Down
 * buttons are left out: they are disabled at the top and the bottom of the list, for everyone.
 */
const UNEXPLAINED_DISABLED = `[...document.querySelectorAll('button:disabled, input:disabled, select:disabled, textarea:disabled')]
  .filter((el) => !el.matches('[data-move]'))
  .filter((el) => !el.title && !['form', 'section, dialog'].some((around) => el.closest(around)?.querySelector('.notice-info')))
  .map((el) => el.outerHTML.slice(0, 120))`;
const WAIT = { timeout: 20_000 };

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  server = await startServer(db);
  browser = await openBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1280, height: 800 });
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

const nav = (label: string) => navigate(page, label);
const loaded = () => nothingLoading(page);

const axeAtBothWidths = async (where: string) => {
  const found: string[] = [];
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    await loaded();
    for (const v of await axeViolations(page)) found.push(`${width}px ${where}: ${v}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return found;
};

describe('the dashboard without friction', () => {
  it('offers the sandbox scan within the first screen, then the next step', async () => {
    await page.goto(server.baseUrl);
    await fillFirstRunForm(page, OWNER);
    await nav('Devices');
    await page.getByLabel('Name').fill('Sandbox line');
    await page.getByLabel('Engine').selectOption('sandbox');
    await page.getByRole('button', { name: 'Add device' }).click();
    const scan = page.getByRole('button', { name: 'Scan QR code' });
    await scan.waitFor(WAIT);
    await page.evaluate('window.scrollTo(0, 0)');
    const box = await scan.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(800);
    expect(await page.getByText('Get a pairing code').count()).toBe(0);
    expect(await page.getByText('Linked devices → Link a device').count()).toBe(0);
    const panel = page.getByRole('region', { name: 'Sandbox line' });
    await panel.getByText('Numbers with a scripted outcome').click();
    for (const number of ['+15555550101', '+15555550102', '+15555550103', '+15555550104']) {
      await panel.getByRole('row').filter({ hasText: number }).waitFor(WAIT);
    }
    await scan.click();
    await panel.getByText('connected', { exact: true }).waitFor(WAIT);
    await panel.getByRole('link', { name: 'send a message' }).waitFor(WAIT);
  });

  it('says what is wrong with a number without naming the API field', async () => {
    await nav('Compose');
    await page.getByLabel(/^To/).fill('0155 1234567');
    await page.getByLabel('Message', { exact: true }).fill('Hello');
    await page.getByRole('button', { name: 'Send message' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'international format' });
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).not.toMatch(/\bto must be\b/);
    await page.getByLabel(/^To/).fill(CUSTOMER);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText(`Queued for ${CUSTOMER}`).waitFor(WAIT);
  });

  it('shows every opt-out word and lines the settings fields up', async () => {
    await nav('Settings');
    const words = page.getByLabel(/^Opt-out words/);
    const many = Array.from({ length: 40 }, (_, i) => `stopword${i}`).join(' ');
    await words.fill(many);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor(WAIT);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
    await loaded();
    const sizes = await words.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client + 1);
    const lefts = await Promise.all(
      [/^Alert emails/, /^Keep message texts/, /^Opt-out words/].map(async (label) => {
        const field = await page.getByLabel(label).boundingBox();
        return field?.x;
      }),
    );
    expect(new Set(lefts).size).toBe(1);
    expect(await axeAtBothWidths('Settings')).toEqual([]);
  });

  it('keeps an open contact in the address, so a link opens it', async () => {
    await nav('Contacts');
    await page.getByRole('button', { name: CUSTOMER }).click();
    await page.getByRole('dialog').waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('phone')).toBe(CUSTOMER);
    const link = page.url();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden', ...WAIT });
    expect(new URL(page.url()).searchParams.get('phone')).toBeNull();
    await page.goto(link);
    await page.getByRole('dialog').getByText(CUSTOMER).first().waitFor(WAIT);
    await page.keyboard.press('Escape');
    // The inbox's "Contact" link has this form.
    await page.goto(`${server.baseUrl}/contacts?phone=${encodeURIComponent(CUSTOMER)}`);
    await page.getByRole('dialog').getByText(CUSTOMER).first().waitFor(WAIT);
    expect(await axeAtBothWidths('Contacts with a drawer')).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('keeps an open verification in the address, so a link opens it', async () => {
    await nav('Verifications');
    await page.getByLabel('Phone number').fill(CUSTOMER);
    await page.getByRole('button', { name: 'Send code' }).click();
    const drawer = page.getByRole('dialog', { name: 'Verification' });
    await drawer.waitFor(WAIT);
    const id = new URL(page.url()).searchParams.get('verification');
    expect(id).toMatch(/\S/);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...WAIT });
    await page.goto(`${server.baseUrl}/verifications?verification=${encodeURIComponent(id ?? '')}`);
    await drawer.waitFor(WAIT);
    expect(await axeAtBothWidths('Verifications with a drawer')).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...WAIT });
  });

  it('applies the verification and contact filters as they change, and keeps them in the address', async () => {
    await nav('Verifications');
    const status = page.getByLabel('Status');
    await status.selectOption('approved');
    await page.getByText('No verifications').waitFor(WAIT);
    expect(new URL(page.url()).searchParams.get('status')).toBe('approved');
    await status.selectOption('pending');
    await page.getByRole('row').filter({ hasText: CUSTOMER }).first().waitFor(WAIT);
    await page.getByRole('form', { name: 'Filter verifications' }).getByLabel('Number').fill(CUSTOMER);
    await expect.poll(() => new URL(page.url()).searchParams.get('to'), WAIT).toBe(CUSTOMER);
    expect(await page.getByRole('button', { name: 'Apply filters' }).count()).toBe(0);
    // Back undoes the last filter; a link shows the same list.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('to'), WAIT).toBeNull();
    await page.goto(`${server.baseUrl}/verifications?status=approved`);
    await page.getByText('No verifications').waitFor(WAIT);
    expect(await page.getByLabel('Status').inputValue()).toBe('approved');

    await nav('Contacts');
    await page.getByRole('button', { name: CUSTOMER }).waitFor(WAIT);
    await page.getByLabel('Show').selectOption('true');
    await page.getByRole('button', { name: CUSTOMER }).waitFor({ state: 'detached', ...WAIT });
    expect(new URL(page.url()).searchParams.get('optedOut')).toBe('true');
    await page.goto(`${server.baseUrl}/contacts?optedOut=false`);
    await page.getByRole('button', { name: CUSTOMER }).waitFor(WAIT);
    expect(await page.getByLabel('Show').inputValue()).toBe('false');
  });

  it('answers a reply with no device connected in words, not the API option', async () => {
    await nav('Devices');
    await page.getByRole('link', { name: 'Sandbox line' }).click();
    await page.getByLabel('Customer number').fill(CUSTOMER);
    await page.getByLabel('Their message').fill('Is my order on its way?');
    await page.getByRole('button', { name: 'Send as customer' }).click();
    await page.getByText(`Sent as ${CUSTOMER}`).waitFor(WAIT);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('region', { name: 'Sandbox line' }).getByText('logged out').first().waitFor(WAIT);
    await nav('Inbox');
    await page.getByRole('link', { name: /Is my order on its way/ }).click();
    await page.getByRole('heading', { level: 2, name: CUSTOMER }).waitFor(WAIT);
    await page.getByRole('textbox', { name: 'Message' }).fill('It left this morning');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'No WhatsApp device is connected' });
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).not.toContain('queueIfDisconnected');
  });

  it('says why an agent or a viewer finds a control disabled', async () => {
    await nav('Team');
    for (const member of MEMBERS) {
      await page.getByLabel('Email').fill(member.email);
      await page.getByLabel(/^First password/).fill(member.password);
      await page.getByLabel('Role', { exact: true }).selectOption(member.role);
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.getByRole('row').filter({ hasText: member.email }).waitFor(WAIT);
    }
    const found: string[] = [];
    const look = async (where: string) => {
      for (const el of await page.evaluate<string[]>(UNEXPLAINED_DISABLED)) found.push(`${where}: ${el}`);
    };
    for (const member of MEMBERS) {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Email').fill(member.email);
      await page.getByLabel('Password').fill(member.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText(`(${member.role})`).waitFor(WAIT);
      for (const label of PAGES) {
        await nav(label);
        await loaded();
        await look(`${member.role} ${label}`);
      }
      await nav('Devices');
      // The offline banner links to the device too: either link opens it.
      await page.getByRole('link', { name: 'Sandbox line' }).first().click();
      await page.getByRole('region', { name: 'Sandbox line' }).waitFor(WAIT);
      await look(`${member.role} device`);
      await nav('Contacts');
      await page.getByRole('button', { name: CUSTOMER }).click();
      await page.getByRole('dialog').waitFor(WAIT);
      await look(`${member.role} contact`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden', ...WAIT });
    }
    expect(found).toEqual([]);
  }, 90_000);

  it('logged no console errors', () => {
    // The refused number above is a 400 on purpose, so is the reply without a device (409), and signing out ends the session under the
    // page's last calls (401); nothing else may be logged.
    const provoked =
      /Failed to load resource: the server responded with a status of (400 \(Bad Request\)|401 \(Unauthorized\)|409 \(Conflict\))/;
    expect(browser.errors.filter((e) => !provoked.test(e))).toEqual([]);
  });
});
