import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/database.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const DOCS_IMAGES = join(process.cwd(), 'docs', 'img');

/** Builds dist/web when it is missing or older than web/ (the same check `npm start` makes). */
export function ensureWebBuild(): void {
  const result = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(join(process.cwd(), 'dist', 'web', 'index.html'))) {
    throw new Error(`the dashboard could not be built:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The real server on a loopback port, as `waping serve` runs it. */
export async function startServer(
  db: TestDatabase,
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildApp(testConfig(db, env), { logger: pino({ level: 'silent' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far, from every page of the context. */
  errors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium on a fresh profile, nothing downloaded, nothing phoning home. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The dashboard tests need Debian's Chromium at ${CHROMIUM}: apt-get install chromium`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'waping-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Copies the chosen screenshots next to the docs that show them: when they are missing, or on
 * request (WAPING_UPDATE_DOCS_IMAGES=1), so ordinary runs do not rewrite tracked images.
 */
export function publishScreenshots(names: string[]): void {
  mkdirSync(DOCS_IMAGES, { recursive: true });
  for (const name of names) {
    const target = join(DOCS_IMAGES, `dashboard-${name}.png`);
    if (existsSync(target) && process.env.WAPING_UPDATE_DOCS_IMAGES !== '1') continue;
    copyFileSync(join(SCREENSHOTS, `${name}.png`), target);
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.x A and AA rules on the page as it is now; answers one line per violation
 * (rule, impact, the first offending elements), so an assertion on [] prints what is wrong.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the dashboard's CSP rightly refuses an inline <script>.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<
    Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
  >(
    `window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}
