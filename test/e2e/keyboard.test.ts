/**
 * The dashboard with the keyboard alone, end to end: first-run setup, adding and linking a sandbox
 * device, composing a message, opening it from the log and closing the drawer. Nothing is clicked;
 * Tab, Shift+Tab, Enter, Space, arrow keys and Escape only.
 */
import type { FastifyInstance } from 'fastify';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { axeViolations, ensureWebBuild, openBrowser, startServer, type BrowserSession } from './browser.js';

const OWNER = { name: 'Kim Keys', email: 'kim@example.com', password: 'quiet harbour lantern 7' };
const CUSTOMER = '+15557651234';
const TEXT = 'Typed and sent without a mouse';
const WAIT = { timeout: 15_000 };

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
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

// Runs in the page with the element; typed structurally, as the test code has no DOM types.
const isFocused = (target: Locator) =>
  target.evaluate(
    (el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement,
  );

/** Presses Tab until `target` has the focus; fails when it is not reached (a keyboard trap or a control Tab skips). */
async function tabTo(target: Locator, max = 80): Promise<void> {
  await target.waitFor(WAIT);
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)} in ${max} presses`);
}

async function typeInto(target: Locator, text: string): Promise<void> {
  await tabTo(target);
  await page.keyboard.type(text);
}

async function go(label: string): Promise<void> {
  await tabTo(page.getByRole('link', { name: label, exact: true }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: label }).waitFor(WAIT);
}

describe('the dashboard with the keyboard only', () => {
  it('sets up the owner', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Welcome to WAPing' }).waitFor(WAIT);
    await typeInto(page.getByLabel('Your name'), OWNER.name);
    await typeInto(page.getByLabel('Email'), OWNER.email);
    await typeInto(page.getByLabel(/^Password/), OWNER.password);
    await typeInto(page.getByLabel('Repeat the password'), OWNER.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(WAIT);
  });

  it('adds a sandbox device and links it', async () => {
    await go('Devices');
    await typeInto(page.getByLabel('Name'), 'Keyboard line');
    const engine = page.getByLabel('Engine');
    await tabTo(engine);
    await engine.press('s');
    await expect.poll(() => engine.inputValue(), WAIT).toBe('sandbox');
    await tabTo(page.getByRole('button', { name: 'Add device' }));
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'QR code to link Keyboard line' }).waitFor(WAIT);
    await typeInto(page.getByLabel('Scan the QR as the phone number'), '+15550002000');
    await tabTo(page.getByRole('button', { name: 'Scan QR code' }));
    await page.keyboard.press('Space');
    await page
      .getByRole('region', { name: 'Keyboard line' })
      .getByText('connected', { exact: true })
      .waitFor(WAIT);
  });

  it('composes a message, opens it from the log and closes the drawer back to its row', async () => {
    await go('Compose');
    await typeInto(page.getByLabel(/^To/), CUSTOMER);
    await typeInto(page.getByLabel('Message', { exact: true }), TEXT);
    await tabTo(page.getByRole('button', { name: 'Send message' }));
    await page.keyboard.press('Enter');
    await page.getByText(`Queued for ${CUSTOMER}`).waitFor(WAIT);

    await go('Messages');
    const opener = page
      .getByRole('row')
      .filter({ hasText: TEXT })
      .getByRole('button', { name: new RegExp(TEXT) });
    await tabTo(opener);
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Message' });
    await drawer.waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...WAIT });
    expect(await isFocused(opener)).toBe(true);

    const sent = await fetch(`${server.baseUrl}/v1/sandbox/messages?to=${encodeURIComponent(CUSTOMER)}`, {
      headers: { cookie: (await browser.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(sent.status).toBe(200);
    const { data } = (await sent.json()) as { data: Array<{ text: string }> };
    expect(data.map((m) => m.text)).toContain(TEXT);
  });

  it('logged no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
