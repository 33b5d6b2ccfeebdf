import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { fillFirstRunForm, navigate } from './kit.js';

// The Webhooks page as a developer uses it: edit an endpoint, rotate its secret, read a failed
// delivery and redeliver it once the receiver is fixed.
const OWNER = { name: 'Hana Hook', email: 'hooks@example.com', password: 'copper kettle meadow 19' };
const WAIT = { timeout: 20_000 };
const DOWN_BODY = 'receiver down: database is locked';

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let page: Page;
let receiver: Server;
let receiverUrl = '';
/** What the receiver answers; it is "fixed" by switching this to 200. */
let answerStatus = 500;
/** The signature header of every request the receiver got. */
const signatures: string[] = [];
/** How long the receiver waits before it answers. */
let answerDelayMs = 0;

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  // No automatic retry within the test: only Redeliver sends a delivery again.
  server = await startServer(db, {
    WAPING_WEBHOOK_ALLOW_PRIVATE: 'true',
    WAPING_WEBHOOK_RETRY_SCHEDULE_MS: '3600000',
  });
  receiver = createServer((req, res) => {
    signatures.push(String(req.headers['webhook-signature'] ?? ''));
    req.resume();
    setTimeout(() => {
      res
        .writeHead(answerStatus, { 'content-type': 'text/plain' })
        .end(answerStatus === 200 ? 'ok' : DOWN_BODY);
    }, answerDelayMs);
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  browser = await openBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  receiver?.closeAllConnections();
  receiver?.close();
  await db?.drop();
});

const card = () =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: receiverUrl }) });

async function expectAccessible(width: number, height: number) {
  await page.setViewportSize({ width, height });
  expect(await axeViolations(page)).toEqual([]);
  expect(
    await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
  ).toBeLessThanOrEqual(0);
}

describe('the Webhooks page', () => {
  it('creates an endpoint for every event', async () => {
    await page.goto(server.baseUrl);
    await fillFirstRunForm(page, OWNER);
    await navigate(page, 'Webhooks');

    await page.getByLabel('URL').fill(receiverUrl);
    expect(await page.getByLabel('All events').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    expect(await page.getByRole('textbox', { name: 'Signing secret' }).inputValue()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await card().getByText('Enabled · all events').waitFor(WAIT);
    await card().getByText('nothing tried yet').waitFor(WAIT);
  });

  it('edits the event types one by one in a drawer', async () => {
    await card().getByRole('button', { name: 'Edit' }).click();
    const drawer = page.getByRole('dialog', { name: 'Edit endpoint' });
    await drawer.waitFor(WAIT);
    await drawer.getByLabel('All events').uncheck();
    // Every type the server emits is offered, the test event is not.
    expect(await drawer.getByRole('checkbox', { name: 'conversation.assigned' }).count()).toBe(1);
    expect(await drawer.getByRole('checkbox', { name: 'webhook.test' }).count()).toBe(0);
    await drawer.getByRole('checkbox', { name: 'message.delivered' }).check();
    await drawer.getByRole('checkbox', { name: 'device.disconnected' }).check();
    await drawer.getByLabel('Description').fill('CRM sync');
    await expectAccessible(360, 740);
    await screenshot(page, 'webhooks-edit-360');
    await expectAccessible(1280, 860);
    await drawer.getByRole('button', { name: 'Save endpoint' }).click();
    await drawer.waitFor({ state: 'detached', ...WAIT });
    await card().getByText('Enabled · message.delivered, device.disconnected · CRM sync').waitFor(WAIT);
    // Focus goes back to the button that opened the drawer.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Edit');
  });

  it('rotates the secret after a confirmation and shows the new one once, with the 24 h overlap', async () => {
    await card().getByRole('button', { name: 'Edit' }).click();
    const drawer = page.getByRole('dialog', { name: 'Edit endpoint' });
    await drawer.getByRole('button', { name: 'Rotate secret' }).click();
    await drawer.getByRole('button', { name: 'Rotate: new secret now, old one for 24 h' }).click();
    const secret = await drawer.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await drawer.getByText(/The old secret keeps signing until .*: store this one/).waitFor(WAIT);
    await drawer.getByRole('button', { name: 'Copy' }).waitFor(WAIT);
    await expectAccessible(1280, 860);
    await drawer.getByRole('button', { name: 'I have stored it' }).click();
    expect(await drawer.getByRole('textbox', { name: 'Signing secret' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached', ...WAIT });
  });

  it('shows a refused delivery with its body and answer, then redelivers it to the fixed receiver', async () => {
    // A busy server answers the deliveries list late: the health is read before the attempt ends,
    // the list (its first answer on screen) after it. The health must still catch up.
    answerDelayMs = 500;
    const lateList = (url: URL) => url.pathname.endsWith('/deliveries');
    await page.route(lateList, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await card().getByRole('button', { name: 'Send a test event' }).click();
    await page.getByText(`Test event sent to ${receiverUrl}`).waitFor(WAIT);
    const row = card().getByRole('row').filter({ hasText: 'webhook.test' });
    await row.getByText(/next try/).waitFor(WAIT);
    await card()
      .getByText(/^0% of 1 delivery tried/)
      .waitFor(WAIT);
    await page.unroute(lateList);
    answerDelayMs = 0;
    await card()
      .getByLabel('Endpoint health')
      .getByText(/answered 500 at/)
      .waitFor(WAIT);

    await row.getByRole('button', { name: 'Attempts' }).click();
    await row.getByText(/Attempt 1 at .*answered 500 in \d+ ms/).waitFor(WAIT);
    expect(await row.getByLabel('Answer to attempt 1').textContent()).toBe(DOWN_BODY);
    await row.getByText(/^Next try at /).waitFor(WAIT);
    await row.getByText('Request body (webhook.test)').click();
    const body = JSON.parse((await row.getByLabel('Request body').textContent()) ?? '') as {
      type: string;
      data: { message: string };
    };
    expect(body).toMatchObject({ type: 'webhook.test', data: { message: 'A test event from WAPing' } });
    await expectAccessible(360, 740);
    await expectAccessible(1280, 860);

    answerStatus = 200;
    await row.getByRole('button', { name: 'Redeliver' }).click();
    await row.getByText('succeeded', { exact: true }).waitFor(WAIT);
    await row.getByText(/Attempt 2 at .*answered 200/).waitFor(WAIT);
    await card()
      .getByText(/^100% of 1 delivery tried/)
      .waitFor(WAIT);
    // The last failure stays on record after the success.
    await card()
      .getByLabel('Endpoint health')
      .getByText(/answered 500 at/)
      .waitFor(WAIT);
    await screenshot(page, 'webhooks-redelivered');
    // Within the overlap, both secrets signed it.
    expect(signatures).toHaveLength(2);
    expect(signatures[1]!.split(' ').filter((s) => s.startsWith('v1,'))).toHaveLength(2);
    expect(browser.errors).toEqual([]);
  });
});
