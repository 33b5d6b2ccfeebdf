import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { ensureWebBuild, openBrowser, startServer, type BrowserSession } from './browser.js';
import { setUpOwner } from './kit.js';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'correct horse battery' };
const WAIT = { timeout: 15_000 };

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let page: Page;
let secret = '';

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  server = await startServer(db);
  browser = await openBrowser();
  page = browser.page;
  await setUpOwner(server.baseUrl, OWNER);
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

// The next time step's code: the one used to enrol is spent, and the server accepts one step ahead.
const nextCode = () => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + 30_000 });

async function signInWithPassword() {
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('two-factor sign-in in a real browser', () => {
  it('enrols an authenticator app from Settings and shows the recovery codes once', async () => {
    await page.goto(server.baseUrl);
    await signInWithPassword();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(WAIT);
    await page.goto(`${server.baseUrl}/settings`);
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor(WAIT);
    secret = (await page.locator('p', { hasText: 'Type this key' }).locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page
      .getByLabel('Code from the app')
      .fill(TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() }));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor(WAIT);
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('10 of 10 recovery codes left').waitFor(WAIT);
  }, 60_000);

  it('asks for the code after the password, then signs in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWithPassword();
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor(WAIT);
    await page.getByLabel('Code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor(WAIT);
    await page.getByLabel('Code from your authenticator app').fill(nextCode());
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in, back on the page the sign-out left (Settings).
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
    await page.getByText('10 of 10 recovery codes left').waitFor(WAIT);
  }, 60_000);
});
