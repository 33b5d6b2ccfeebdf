import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { png } from '../media/fixtures.js';
import { ensureWebBuild, openBrowser, screenshot, startServer, type BrowserSession } from './browser.js';
import {
  apiClient,
  asSession,
  createApiKey,
  linkSandboxDevice,
  setUpOwner,
  signInAt,
  until,
  type Api,
} from './kit.js';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'correct horse battery' };
const ADA = { name: 'Ada Agent', email: 'ada@example.com', password: 'ada password 123' };
const BEN = { name: 'Ben Agent', email: 'ben@example.com', password: 'ben password 123' };
const CUSTOMER = '+15557650001';
const WAIT = { timeout: 15_000 };
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let ada: BrowserSession;
let ben: BrowserSession;
let api: Api;
let apiKey = '';
let deviceId = '';

const signIn = (page: Page, who: { email: string; password: string }) =>
  signInAt(page, `${server.baseUrl}/inbox`, who, 'Inbox');

/** axe-core's findings on the page as it is, as "rule: target" lines (empty when it finds nothing). */
async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the dashboard's CSP (rightly) refuses injected script tags.
  await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const violations = await page.evaluate<Array<{ id: string; nodes: Array<{ target: string[] }> }>>(
    'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) })))',
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  server = await startServer(db);
  api = apiClient(server.baseUrl, () => apiKey);
  const owner = await setUpOwner(server.baseUrl, OWNER);
  for (const agent of [ADA, BEN]) {
    const added = await api('/v1/team', {
      method: 'POST',
      body: { ...agent, role: 'agent' },
      headers: asSession(owner),
    });
    expect(added.status).toBe(201);
  }
  apiKey = await createApiKey(api, owner);
  deviceId = await linkSandboxDevice(api, 'Support line', '+15550007000');
  ada = await openBrowser();
  ben = await openBrowser();
});
afterAll(async () => {
  await ada?.close();
  await ben?.close();
  await server?.app.close();
  await db?.drop();
});

describe('the team inbox in two browsers', () => {
  it('two agents see a customer message arrive live', async () => {
    await signIn(ada.page, ADA);
    await signIn(ben.page, BEN);
    await ada.page.getByText('No conversations here').waitFor(WAIT);
    const inbound = await api('/v1/sandbox/inbound', {
      method: 'POST',
      body: { deviceId, from: CUSTOMER, text: 'My parcel never arrived' },
    });
    expect(inbound.status).toBe(202);
    for (const page of [ada.page, ben.page]) {
      const item = page.getByRole('link', { name: /My parcel never arrived/ });
      await item.waitFor(WAIT);
      await item.getByText('1 unread').waitFor(WAIT);
    }
  });

  it('one assigns it to herself and replies; the other sees it move and the customer gets the reply', async () => {
    const page = ada.page;
    await page.getByRole('link', { name: /My parcel never arrived/ }).click();
    await page.getByRole('heading', { level: 2, name: CUSTOMER }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByRole('button', { name: 'Unassign', exact: true }).waitFor(WAIT);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Sorry about that! Sending a new one today.');
    await composer.press('Enter');
    const thread = page.getByRole('list', { name: 'Messages and notes' });
    await thread.getByText('Sorry about that! Sending a new one today.').waitFor(WAIT);
    await page
      .getByRole('img', { name: 'Read' })
      .or(page.getByLabel('Read', { exact: true }))
      .first()
      .waitFor(WAIT);
    await screenshot(page, 'inbox');

    // Ben's list shows the conversation taken, and the reply as its last message, without a reload.
    const item = ben.page.getByRole('link', { name: /Sorry about that/ });
    await item.waitFor(WAIT);
    await item.getByText(`→ ${ADA.name}`).or(item.getByText('→ a teammate')).waitFor(WAIT);
    await ben.page.getByRole('button', { name: /^Mine/ }).click();
    await ben.page.getByText('No conversations here').waitFor(WAIT);

    const delivered = await api(`/v1/sandbox/messages?to=${encodeURIComponent(CUSTOMER)}`);
    expect((delivered.json.data as Array<{ text: string }>).map((m) => m.text)).toContain(
      'Sorry about that! Sending a new one today.',
    );
  });

  it('shows the customer "typing…" while an agent writes, on a line with presence on', async () => {
    const patched = await api(`/v1/devices/${deviceId}`, {
      method: 'PATCH',
      body: { pacing: { presence: true } },
    });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    const seen = async () =>
      (
        (await api(`/v1/sandbox/typing?to=${encodeURIComponent(CUSTOMER)}`)).json.data as Array<{
          state: string;
        }>
      )[0]?.state;
    const composer = ada.page.getByRole('textbox', { name: 'Message' });
    await composer.fill('One moment, checking');
    await until(async () => (await seen()) === 'composing');
    // Clearing the draft takes "typing…" away.
    await composer.fill('');
    await until(async () => (await seen()) === 'paused');
  });

  it('keeps a receipt that arrives while the thread is reloading', async () => {
    const page = ada.page;
    const text = 'The tracking number follows.';
    const isRead = async () => {
      const log = await api(`/v1/messages?to=${encodeURIComponent(CUSTOMER)}&direction=out&limit=5`);
      return (log.json.data as Array<{ body: string; status: string }>).some(
        (m) => m.body === text && m.status === 'read',
      );
    };
    // Every thread load answers with what the server had when it was asked, but only reaches the
    // page after the receipts have come in over the live stream.
    const threadLoads = /\/v1\/conversations\/[^/]+\/messages\?/;
    await page.route(threadLoads, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const answer = await route.fetch();
      await until(isRead);
      await new Promise((r) => setTimeout(r, 300));
      await route.fulfill({ response: answer });
    });
    try {
      const composer = page.getByRole('textbox', { name: 'Message' });
      await composer.fill(text);
      await composer.press('Enter');
      const bubble = page
        .getByRole('list', { name: 'Messages and notes' })
        .getByRole('listitem')
        .filter({ hasText: text });
      await bubble.waitFor(WAIT);
      await bubble.getByRole('img', { name: 'Read' }).waitFor(WAIT);
    } finally {
      await page.unroute(threadLoads);
    }
  });

  it('shows an inbound photo as a thumbnail in the thread and the message log, loaded with the session', async () => {
    const page = ada.page;
    const inbound = await api('/v1/sandbox/inbound', {
      method: 'POST',
      body: {
        deviceId,
        from: CUSTOMER,
        text: 'Here is the label',
        media: { type: 'image', data: png(24, 16).toString('base64'), filename: 'label.png' },
      },
    });
    expect(inbound.status).toBe(202);
    const thread = page.getByRole('list', { name: 'Messages and notes' });
    const inThread = thread.getByRole('img', { name: 'Here is the label' });
    await inThread.waitFor(WAIT);
    // The image decoded: the browser fetched /v1/media/:id with the session cookie, not an API key.
    await page.waitForFunction(
      (img: { complete: boolean; naturalWidth: number } | null) =>
        img?.complete === true && img.naturalWidth === 24,
      await inThread.elementHandle(),
      WAIT,
    );

    await page.goto(`${server.baseUrl}/messages`);
    const inLog = page.getByRole('img', { name: 'Here is the label' });
    await inLog.waitFor(WAIT);
    await page.waitForFunction(
      (img: { complete: boolean; naturalHeight: number } | null) =>
        img?.complete === true && img.naturalHeight === 16,
      await inLog.elementHandle(),
      WAIT,
    );
    await page.getByRole('button', { name: 'Here is the label' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: 'File' }).waitFor(WAIT);
    await drawer.getByText('image/png').waitFor(WAIT);
  });

  it('has no accessibility violations at 1280 and 360 px', async () => {
    const page = ada.page;
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${server.baseUrl}/inbox`);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor(WAIT);
    await page.getByRole('link', { name: /Here is the label/ }).waitFor(WAIT);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await accessibilityViolations(page)).toEqual([]);
    let overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    // On a phone the list and the thread are two screens.
    await page.getByRole('link', { name: /Here is the label/ }).click();
    await page.getByRole('heading', { level: 2, name: CUSTOMER }).waitFor(WAIT);
    expect(await page.getByRole('list', { name: 'Conversations' }).isVisible()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'inbox-phone');
    await page.getByRole('link', { name: '← All conversations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor(WAIT);
  });

  it('shows a conversation that arrived before the live stream opened, once it opens', async () => {
    const page = ben.page;
    const events = /\/v1\/dashboard\/events$/;
    // The stream is held back until the customer has written: the page's first load saw nothing,
    // and the stream's events start after the message.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(events, async (route) => {
      await released;
      await route.continue();
    });
    try {
      await page.goto(`${server.baseUrl}/inbox`);
      await page.getByRole('link', { name: /Here is the label/ }).waitFor(WAIT);
      const inbound = await api('/v1/sandbox/inbound', {
        method: 'POST',
        body: { deviceId, from: '+15557650002', text: 'Is the shop open on Sunday?' },
      });
      expect(inbound.status).toBe(202);
      release();
      await page.getByRole('link', { name: /Is the shop open on Sunday\?/ }).waitFor(WAIT);
    } finally {
      release();
      await page.unroute(events);
    }
  });

  it('logged no console errors', () => {
    expect(ada.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});
