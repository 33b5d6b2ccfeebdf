import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// What the browser tests do again and again around the dashboard: JSON calls to the API, the
// owner's first start, signing in and moving between pages. browser.ts starts the server and the
// browser; this file speaks to them.

const WAIT = { timeout: 20_000 };

export interface Person {
  email: string;
  password: string;
}

export interface Owner extends Person {
  name: string;
}

/** A signed-in dashboard session as the test itself uses it: the cookie and its CSRF token. */
export interface DashboardSession {
  cookie: string;
  csrfToken: string;
}

export interface ApiRequest {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  json: Record<string, unknown>;
}

export type Api = (path: string, request?: ApiRequest) => Promise<ApiAnswer>;

/**
 * JSON calls to the server with a Bearer key. The key is read at every call, so a client made
 * before the key exists uses it once it is set; `headers` override it (a session's `authorization: ''`).
 */
export function apiClient(baseUrl: string, bearer: () => string = () => ''): Api {
  return async (path, request = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: request.method ?? 'GET',
      headers: {
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        authorization: `Bearer ${bearer()}`,
        ...request.headers,
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
}

/** Waits for a state the server reaches on its own (a device linking); fails after 15 s. */
export async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met within 15 s');
}

/** The session a sign-in or set-up answer opens. */
async function sessionOf(response: Response): Promise<DashboardSession> {
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function postJson(url: string, body: object): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Creates the owner over HTTP, as the first-run form does, and answers the owner's session. */
export async function setUpOwner(baseUrl: string, owner: Owner): Promise<DashboardSession> {
  const response = await postJson(`${baseUrl}/auth/setup`, owner);
  expect(response.status).toBe(200);
  return sessionOf(response);
}

/** Signs in over HTTP like the dashboard does, for checks made from the test itself. */
export async function signInOverHttp(baseUrl: string, who: Person): Promise<DashboardSession> {
  const response = await postJson(`${baseUrl}/auth/login`, { email: who.email, password: who.password });
  expect(response.status).toBe(200);
  return sessionOf(response);
}

/** Headers that make an API call as the session rather than with the Bearer key. */
export const asSession = (session: DashboardSession): Record<string, string> => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  authorization: '',
});

/** An API key with every scope, created as the session. */
export async function createApiKey(api: Api, session: DashboardSession): Promise<string> {
  const key = await api('/v1/api-keys', {
    method: 'POST',
    body: { name: 'e2e' },
    headers: asSession(session),
  });
  expect(key.status, JSON.stringify(key.json)).toBe(201);
  return key.json.key as string;
}

/** Adds a sandbox device over the API and links it as `phone`; answers its id. */
export async function linkSandboxDevice(api: Api, name: string, phone: string): Promise<string> {
  const device = await api('/v1/devices', { method: 'POST', body: { name } });
  expect(device.status, JSON.stringify(device.json)).toBe(201);
  const id = device.json.id as string;
  const connect = await api(`/v1/devices/${id}/connect`, { method: 'POST' });
  expect(connect.status, JSON.stringify(connect.json)).toBeLessThan(300);
  await until(async () => (await api(`/v1/devices/${id}`)).json.status === 'qr');
  const scan = await api(`/v1/sandbox/devices/${id}/scan`, { method: 'POST', body: { phone } });
  expect(scan.status).toBe(200);
  await until(async () => (await api(`/v1/devices/${id}`)).json.status === 'connected');
  return id;
}

/** Opens `url`, fills the sign-in form it shows and waits for the page's own heading. */
export async function signInAt(page: Page, url: string, who: Person, heading: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign in to WAPing' }).waitFor(WAIT);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor(WAIT);
}

/** Fills the first-run form on the page already showing it and waits for the Overview. */
export async function fillFirstRunForm(page: Page, owner: Owner): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to WAPing' }).waitFor(WAIT);
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel(/^Password/).fill(owner.password);
  await page.getByLabel('Repeat the password').fill(owner.password);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(WAIT);
}

/** Follows a link of the main navigation (opening the menu on a narrow screen) to its page. */
export async function navigate(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor(WAIT);
}

/** Waits until nothing on the page says it is loading. */
export const nothingLoading = (page: Page) =>
  expect.poll(() => page.getByText('Loading…').count(), WAIT).toBe(0);
