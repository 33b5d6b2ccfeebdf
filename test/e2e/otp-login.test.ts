import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAPing } from '@waping/sdk';
import { eventually } from '../helpers/app.js';
import { openBrowser, type BrowserSession } from './browser.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const WAIT = { timeout: 15_000 };

interface Ready {
  waping: string;
  example: string;
  apiKey: string;
}

let demo: ChildProcess;
const output: string[] = [];
let ready: Ready;
let browser: BrowserSession;
let page: Page;
let waping: WAPing;

/** `npm run example:otp`, on free ports, in a process group of its own so all of it can be stopped. */
async function startDemo(): Promise<Ready> {
  demo = spawn('npm', ['run', '--silent', 'example:otp'], {
    cwd: ROOT,
    env: { ...process.env, WAPING_PORT: '0', EXAMPLE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  createInterface({ input: demo.stderr! }).on('line', (line) => output.push(line));
  return new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the example did not start:\n${output.join('\n')}`)),
      45_000,
    );
    createInterface({ input: demo.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.startsWith('{"ready":true')) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Ready);
      }
    });
    demo.once('exit', (code) => reject(new Error(`the example exited with ${code}:\n${output.join('\n')}`)));
  });
}

beforeAll(async () => {
  ready = await startDemo();
  waping = new WAPing({ apiKey: ready.apiKey, baseUrl: ready.waping });
  browser = await openBrowser();
  page = browser.page;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (demo?.pid && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo.once('exit', resolve));
    process.kill(-demo.pid, 'SIGTERM');
    await exited;
  }
});

/** The code, as the sandbox phone received it over WhatsApp. */
async function codeFromSandbox(to: string, notBefore: number): Promise<string> {
  const message = await eventually(async () =>
    (await waping.sandbox.messages({ to })).data.find((m) => Date.parse(m.at) >= notBefore),
  );
  return /\b(\d{6})\b/.exec(message.text)![1]!;
}

describe('the OTP login example in Chromium', () => {
  it('phone number, then the code from WhatsApp (sandbox), then signed in; the webhook logs the delivery', async () => {
    const phone = '+15557000001';
    await page.goto(ready.example);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(WAIT);
    // The local mailbox is on: the form offers the email fallback.
    await page.getByLabel('Email (if WhatsApp does not reach you)').waitFor(WAIT);
    await page.getByLabel('Phone number').fill(phone);
    const asked = Date.now() - 1000;
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor(WAIT);
    expect(await page.locator('#sent-to').textContent()).toContain(`over WhatsApp to ${phone}`);

    const code = await codeFromSandbox(phone, asked);
    await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong code. 4 tries left.' }).waitFor(WAIT);

    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor(WAIT);
    expect(await page.locator('#welcome').textContent()).toContain(phone);

    // The code's WhatsApp message reached the phone; the example's webhook endpoint logged it.
    await eventually(
      () =>
        output.some((line) =>
          /webhook message\.delivered: msg_\w+ \(\+15557000001\) is delivered/.test(line),
        ),
      15_000,
    );
    await eventually(() => output.some((line) => line.includes('webhook verification.approved')), 15_000);
    expect(output.some((line) => line.includes('webhook refused'))).toBe(false);
  });

  it('when WhatsApp cannot deliver, the code comes by email from the local mailbox', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(WAIT);
    // Not on WhatsApp in the sandbox: WAPing falls back to the email channel.
    await page.getByLabel('Phone number').fill('+15555550101');
    await page.getByLabel('Email (if WhatsApp does not reach you)').fill('ada@example.com');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor(WAIT);
    await eventually(
      () => output.some((line) => line.startsWith('[mailbox] email to ada@example.com')),
      15_000,
    );
    await page.reload();
    expect(await page.locator('#sent-to').textContent()).toContain('by email');
  });
});
