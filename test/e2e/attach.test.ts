import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { pdf, png } from '../media/fixtures.js';
import { axeViolations, ensureWebBuild, openBrowser, startServer, type BrowserSession } from './browser.js';
import { apiClient, createApiKey, linkSandboxDevice, setUpOwner, signInAt, until, type Api } from './kit.js';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'correct horse battery' };
const CUSTOMER = '+15557650002';
const OTHER = '+15557650003';
const WAIT = { timeout: 15_000 };

let db: TestDatabase;
let server: { app: FastifyInstance; baseUrl: string };
let browser: BrowserSession;
let api: Api;
let apiKey = '';
let deviceId = '';

interface Delivered {
  text: string;
  media?: { type: string; mime: string; size: number; sha256: string; filename?: string };
}
/** What the sandbox recipient received, newest first. */
const received = async (to: string) =>
  (await api(`/v1/sandbox/messages?to=${encodeURIComponent(to)}`)).json.data as Delivered[];
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  ensureWebBuild();
  db = await createTestDatabase();
  server = await startServer(db);
  api = apiClient(server.baseUrl, () => apiKey);
  apiKey = await createApiKey(api, await setUpOwner(server.baseUrl, OWNER));
  deviceId = await linkSandboxDevice(api, 'Support line', '+15550007001');
  const inbound = await api('/v1/sandbox/inbound', {
    method: 'POST',
    body: { deviceId, from: CUSTOMER, text: 'Can you send the invoice?' },
  });
  expect(inbound.status).toBe(202);
  browser = await openBrowser();
  await signInAt(browser.page, `${server.baseUrl}/inbox`, OWNER, 'Inbox');
});
afterAll(async () => {
  await browser?.close();
  await server?.app.close();
  await db?.drop();
});

// The page's DOM classes, as far as handing over a file needs them: this Node-side file loads no
// DOM types, and the function below runs in the page.
declare const DataTransfer: new () => { items: { add(file: File): void } };
declare const ClipboardEvent: new (type: string, init: object) => Event;
declare const DragEvent: new (type: string, init: object) => Event;

interface HandOver {
  event: string;
  name: string;
  type: string;
  base64: string;
}

/**
 * Hands a file to an element as the browser does for a paste (clipboardData) or a drop from the
 * desktop (dragover, then drop, with dataTransfer).
 */
function handOver(
  element: { dispatchEvent(event: Event): boolean },
  { event, name, type, base64 }: HandOver,
) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const data = new DataTransfer();
  data.items.add(new File([bytes], name, { type }));
  const init = { bubbles: true, cancelable: true };
  if (event === 'paste') {
    element.dispatchEvent(new ClipboardEvent('paste', { ...init, clipboardData: data }));
    return;
  }
  element.dispatchEvent(new DragEvent('dragover', { ...init, dataTransfer: data }));
  element.dispatchEvent(new DragEvent('drop', { ...init, dataTransfer: data }));
}

const reply = (page: Page) => page.getByRole('form', { name: 'Reply' });

describe('attaching a file in the inbox composer', () => {
  it('picks a file, shows it ready, and sends it with the typed caption to the recipient', async () => {
    const page = browser.page;
    await page.getByRole('link', { name: /Can you send the invoice/ }).click();
    await page.getByRole('heading', { level: 2, name: CUSTOMER }).waitFor(WAIT);
    const photo = png(40, 30, 7);
    const chooser = page.waitForEvent('filechooser');
    await reply(page).getByRole('button', { name: 'Attach a file' }).click();
    await (await chooser).setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: photo });
    const chip = reply(page).getByRole('group', { name: 'Attachment' });
    await chip.getByText('receipt.png').waitFor(WAIT);
    await chip.getByText('Ready to send').waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);

    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Here is your receipt');
    await composer.press('Enter');
    await chip.waitFor({ state: 'detached', ...WAIT });
    await until(async () => (await received(CUSTOMER)).some((m) => m.media?.sha256 === sha256(photo)));
    const sent = (await received(CUSTOMER)).find((m) => m.media?.sha256 === sha256(photo))!;
    expect(sent.media).toMatchObject({ type: 'image', mime: 'image/png', size: photo.length });
    expect(sent.text).toBe('Here is your receipt');
    await page
      .getByRole('list', { name: 'Messages and notes' })
      .getByRole('img', { name: 'Here is your receipt' })
      .waitFor(WAIT);
  });

  it('attaches an image pasted from the clipboard and sends it without a caption', async () => {
    const page = browser.page;
    const pasted = png(20, 20, 9);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.focus();
    // A paste event as the browser makes it for a screenshot on the clipboard: one image file.
    await composer.evaluate(handOver, {
      event: 'paste',
      name: 'image.png',
      type: 'image/png',
      base64: pasted.toString('base64'),
    });
    const chip = reply(page).getByRole('group', { name: 'Attachment' });
    await chip.getByText('Ready to send').waitFor(WAIT);
    expect(await composer.inputValue()).toBe('');
    await reply(page).getByRole('button', { name: 'Send' }).click();
    await chip.waitFor({ state: 'detached', ...WAIT });
    await until(async () => (await received(CUSTOMER)).some((m) => m.media?.sha256 === sha256(pasted)));
  });

  it("shows the server's refusal of a file, and Remove clears it", async () => {
    const page = browser.page;
    const chooser = page.waitForEvent('filechooser');
    await reply(page).getByRole('button', { name: 'Attach a file' }).click();
    // A PDF named as a photo: the server detects the content and refuses the contradiction.
    await (await chooser).setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: pdf(500) });
    const chip = reply(page).getByRole('group', { name: 'Attachment' });
    const refusal = chip.getByRole('alert');
    await refusal.waitFor(WAIT);
    expect(await refusal.textContent()).toMatch(/PDF/);
    await reply(page).getByRole('button', { name: 'Send' }).click();
    await reply(page)
      .getByText(/could not be attached/)
      .waitFor(WAIT);
    await chip.getByRole('button', { name: 'Remove photo.jpg' }).click();
    await chip.waitFor({ state: 'detached', ...WAIT });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the attach controls on a phone', () => {
  it('fit a 360 px screen with a long-named file attached, with no accessibility violations', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      const chooser = page.waitForEvent('filechooser');
      await reply(page).getByRole('button', { name: 'Attach a file' }).click();
      const name = 'a-very-long-file-name-for-the-november-invoice-of-the-customer.png';
      await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: png(8, 8, 5) });
      const chip = reply(page).getByRole('group', { name: 'Attachment' });
      await chip.getByText('Ready to send').waitFor(WAIT);
      const wide = await page.evaluate<string[]>(
        `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.tagName + '.' + e.className)`,
      );
      expect(wide).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await chip.getByRole('button', { name: `Remove ${name}` }).click();
      await chip.waitFor({ state: 'detached', ...WAIT });
      // Uploaded for this message only: removing it deletes it from the server too.
      const stored = () =>
        server.app.ctx.db.selectFrom('media').select('id').where('filename', '=', name).execute();
      await until(async () => (await stored()).length === 0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });
});

describe('attaching a file in Compose', () => {
  it('drops a document on the form and sends it to a new number', async () => {
    const page = browser.page;
    await page.goto(`${server.baseUrl}/compose`);
    await page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor(WAIT);
    await page.getByLabel('To (phone number with country code)').fill(OTHER);
    const invoice = pdf(2000);
    const message = page.getByRole('textbox', { name: 'Message' });
    // A file dragged from the desktop: dragover, then drop, with the file in the DataTransfer.
    await message.evaluate(handOver, {
      event: 'drop',
      name: 'invoice.pdf',
      type: 'application/pdf',
      base64: invoice.toString('base64'),
    });
    const chip = page.getByRole('group', { name: 'Attachment' });
    await chip.getByText('Ready to send').waitFor(WAIT);
    await page.getByRole('textbox', { name: 'Caption (optional)' }).fill('Invoice for November');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText(`Queued for ${OTHER}`).waitFor(WAIT);
    await until(async () => (await received(OTHER)).some((m) => m.media?.sha256 === sha256(invoice)));
    const sent = (await received(OTHER)).find((m) => m.media?.sha256 === sha256(invoice))!;
    expect(sent.media).toMatchObject({ type: 'document', mime: 'application/pdf', filename: 'invoice.pdf' });
    expect(sent.text).toBe('Invoice for November');
    expect(await chip.count()).toBe(0);
  });

  it('picks an image with the keyboard and sends it', async () => {
    const page = browser.page;
    await page.getByLabel('To (phone number with country code)').fill(OTHER);
    const photo = png(16, 16, 3);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach a file' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'shelf.png', mimeType: 'image/png', buffer: photo });
    await page.getByRole('group', { name: 'Attachment' }).getByText('Ready to send').waitFor(WAIT);
    await page.getByRole('button', { name: 'Send message' }).click();
    await until(async () => (await received(OTHER)).some((m) => m.media?.sha256 === sha256(photo)));
  });

  it('logged no console errors', () => {
    // Chromium logs every 4xx answer as a console error; the refused upload above is on purpose.
    const provoked = /Failed to load resource: the server responded with a status of 422/;
    expect(browser.errors.filter((e) => !provoked.test(e))).toEqual([]);
  });
});
