import { describe, expect } from 'vitest';
import { type TestApp } from '../helpers/app.js';
import {
  browserFor,
  login,
  manualClock,
  MEMBER_PASSWORD,
  OWNER,
  sessionCookie,
  signedIn,
  type Browser,
} from './session.js';
import { appTest } from '../helpers/fixture.js';

const clock = manualClock();
const it = appTest({ deps: { clock } });

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;
it.beforeAll(({ t: app }) => {
  t = app;
});

let owner: Browser;

const state = (cookie?: string) =>
  t.request({ method: 'GET', url: '/auth/state', key: null, headers: cookie ? { cookie } : {} });

describe('first start', () => {
  it('asks for setup while no user exists', async () => {
    const response = await state();
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      needsSetup: true,
      user: null,
      workspace: null,
      role: null,
      csrfToken: null,
      pendingStep: null,
      settings: null,
    });
  });

  it('refuses a weak password during setup', async ({ t }) => {
    const response = await t.request({
      method: 'POST',
      url: '/auth/setup',
      payload: { email: OWNER.email, password: 'short' },
      key: null,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('WEAK_PASSWORD');
    expect((await state()).json().needsSetup).toBe(true);
  });

  it('creates the owner of the default workspace and signs them in', async ({ t }) => {
    const response = await t.request({ method: 'POST', url: '/auth/setup', payload: OWNER, key: null });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      needsSetup: false,
      user: { email: OWNER.email, name: OWNER.name },
      workspace: { id: t.workspaceId, plan: 'selfhosted' },
      role: 'owner',
    });
    expect(body.csrfToken).toEqual(expect.any(String));
    const cookie = response.cookies.find((c) => c.name === 'waping_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.expires).toEqual(expect.any(Date));
    owner = browserFor(t, response);
    expect((await state(owner.cookie)).json()).toEqual(body);
  });

  it('refuses a second setup once a user exists', async ({ t }) => {
    const response = await t.request({
      method: 'POST',
      url: '/auth/setup',
      payload: { email: 'intruder@example.com', password: 'intruder password' },
      key: null,
    });
    expect(response.statusCode).toBe(403);
    expect(response.cookies).toHaveLength(0);
    expect((await state()).json().needsSetup).toBe(false);
    expect((await login(t, 'intruder@example.com', 'intruder password')).statusCode).toBe(401);
  });
});

describe('sign in and out', () => {
  it('answers the same 401 for a wrong password and an unknown email', async ({ t }) => {
    const wrong = await login(t, OWNER.email, 'not the password', '10.0.0.1');
    const unknown = await login(t, 'nobody@example.com', OWNER.password, '10.0.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('signs in with any capitalisation of the email and reaches /v1 with the cookie', async ({ t }) => {
    const response = await login(t, OWNER.email.toUpperCase(), OWNER.password);
    expect(response.statusCode).toBe(200);
    const browser = browserFor(t, response);
    const workspace = await browser.request({ method: 'GET', url: '/v1/workspace' });
    expect(workspace.statusCode).toBe(200);
    expect(workspace.json().id).toBe(t.workspaceId);
  });

  it('signs out only with the CSRF token, and the session is gone afterwards', async ({ t }) => {
    const browser = browserFor(t, await login(t, OWNER.email, OWNER.password));
    expect((await browser.request({ method: 'POST', url: '/auth/logout', csrf: null })).statusCode).toBe(403);
    const out = await browser.request({ method: 'POST', url: '/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'waping_session')?.value).toBe('');
    expect((await browser.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(401);
    expect((await state(browser.cookie)).json().user).toBeNull();
  });

  it('answers 401 for a made-up cookie', async ({ t }) => {
    const response = await t.request({
      method: 'GET',
      url: '/v1/workspace',
      key: null,
      headers: { cookie: 'waping_session=forged' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  const ip = '203.0.113.9';
  it('answers 429 with Retry-After after five failures for one email and address', async ({ t }) => {
    for (let i = 0; i < 5; i++) expect((await login(t, OWNER.email, `wrong ${i}`, ip)).statusCode).toBe(401);
    const blocked = await login(t, OWNER.email, OWNER.password, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('does not lock the same account out from another address', async ({ t }) => {
    expect((await login(t, OWNER.email, OWNER.password, '198.51.100.7')).statusCode).toBe(200);
  });

  it('lets the address try again once the window has passed', async ({ t }) => {
    clock.advance(15 * 60_000 + 1000);
    expect((await login(t, OWNER.email, OWNER.password, ip)).statusCode).toBe(200);
  });
});

describe('CSRF on cookie writes', () => {
  const create = (browser: Browser, csrf?: string | null) =>
    browser.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'from the dashboard' }, csrf });

  it('refuses a write without the token or with a wrong one', async () => {
    for (const csrf of [null, 'wrong-token', '']) {
      const response = await create(owner, csrf);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('accepts the write with the session token', async () => {
    const response = await create(owner);
    expect(response.statusCode).toBe(201);
    expect(response.json().key).toMatch(/^wap_/);
  });

  it('does not need the token to read', async () => {
    expect((await owner.request({ method: 'GET', url: '/v1/api-keys', csrf: null })).statusCode).toBe(200);
  });

  it("refuses another session's token", async ({ t }) => {
    const other = await signedIn(t, 'admin', 'csrf-admin@example.com');
    expect((await create(owner, other.csrf)).statusCode).toBe(403);
  });

  it('leaves API keys alone: no cookie, no CSRF token needed', async ({ t }) => {
    const response = await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'backend' } });
    expect(response.statusCode).toBe(201);
  });
});

describe('password change', () => {
  it('needs the current password and a long enough new one, then signs out other sessions', async ({ t }) => {
    const user = await signedIn(t, 'agent', 'changer@example.com');
    const elsewhere = browserFor(t, await login(t, 'changer@example.com', MEMBER_PASSWORD));
    const change = (currentPassword: string, newPassword: string, csrf?: string | null) =>
      user.request({
        method: 'POST',
        url: '/auth/password',
        payload: { currentPassword, newPassword },
        csrf,
      });

    expect((await change(MEMBER_PASSWORD, 'a new password!', null)).statusCode).toBe(403);
    expect((await change('not it', 'a new password!')).statusCode).toBe(400);
    expect((await change(MEMBER_PASSWORD, 'short')).statusCode).toBe(400);
    expect((await change(MEMBER_PASSWORD, 'a new password!')).statusCode).toBe(204);

    expect((await user.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(200);
    expect((await elsewhere.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(401);
    expect((await login(t, 'changer@example.com', MEMBER_PASSWORD)).statusCode).toBe(401);
    expect((await login(t, 'changer@example.com', 'a new password!')).statusCode).toBe(200);
  });

  it('needs a session', async ({ t }) => {
    const response = await t.request({
      method: 'POST',
      url: '/auth/password',
      payload: { currentPassword: 'x', newPassword: 'y' },
      key: null,
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('session expiry', () => {
  it('ends the session after WAPING_SESSION_TTL_HOURS', async ({ t }) => {
    const browser = browserFor(t, await login(t, OWNER.email, OWNER.password));
    clock.advance((t.config.sessionTtlHours - 1) * 3_600_000);
    expect((await browser.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(200);
    clock.advance(3_600_000 + 1000);
    expect((await browser.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(401);
    expect((await state(browser.cookie)).json()).toMatchObject({ user: null, needsSetup: false });
  });
});

describe('Free plan', () => {
  it('lets the dashboard work while refusing API keys', async ({ t }) => {
    await t.app.ctx.db
      .updateTable('workspaces')
      .set({ plan: 'free' })
      .where('id', '=', t.workspaceId)
      .execute();
    const browser = browserFor(t, await login(t, OWNER.email, OWNER.password));
    const viaSession = await browser.request({ method: 'GET', url: '/v1/workspace' });
    expect(viaSession.statusCode).toBe(200);
    expect(viaSession.json().plan.name).toBe('free');
    expect((await browser.request({ method: 'GET', url: '/v1/team' })).statusCode).toBe(200);
    const viaKey = await t.request({ method: 'GET', url: '/v1/workspace' });
    expect(viaKey.statusCode).toBe(403);
    expect(viaKey.json().error.code).toBe('FORBIDDEN');
    const newKey = await browser.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'nope' } });
    expect(newKey.statusCode).toBe(403);
    expect(sessionCookie(await login(t, OWNER.email, OWNER.password))).toMatch(/^waping_session=/);
  });
});
