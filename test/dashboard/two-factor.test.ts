import { Secret, TOTP } from 'otpauth';
import { describe, expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createUser } from '../../src/workspaces/users.js';
import { appTest } from '../helpers/fixture.js';
import type { TestApp } from '../helpers/app.js';
import {
  browserFor,
  login,
  manualClock,
  MEMBER_PASSWORD,
  OWNER,
  setupOwner,
  signedIn,
  type Browser,
} from './session.js';

const clock = manualClock();
const it = appTest({ deps: { clock } });

const codeFor = (secret: string) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() });

function challengeCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'waping_sign_in');
  if (!cookie) throw new Error(`no sign-in step cookie in ${response.statusCode} ${response.body}`);
  return `waping_sign_in=${cookie.value}`;
}

const withCookie = (t: TestApp, cookie: string, url: string, payload: object = {}, ip = '127.0.0.1') =>
  t.request({ method: 'POST', url, payload, headers: { cookie }, key: null, remoteAddress: ip });

let owner: Browser;
let secret: string;
let recoveryCodes: string[];
let memberRecovery: string;

describe('enrolling an authenticator app', () => {
  it('shows a secret and a QR code, and turns on only after a right code', async ({ t }) => {
    owner = await setupOwner(t);
    const started = await owner.request({ method: 'POST', url: '/auth/two-factor/enrol' });
    expect(started.statusCode).toBe(200);
    const body = started.json();
    expect(body.uri).toMatch(/^otpauth:\/\/totp\/WAPing:owner%40example\.com\?/);
    expect(body.qrCode).toMatch(/^data:image\/png;base64,/);
    secret = body.secret;

    const wrong = await owner.request({
      method: 'POST',
      url: '/auth/two-factor/confirm',
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect((await owner.request({ method: 'GET', url: '/auth/two-factor' })).json().enabled).toBe(false);

    const confirmed = await owner.request({
      method: 'POST',
      url: '/auth/two-factor/confirm',
      payload: { code: codeFor(secret) },
    });
    expect(confirmed.statusCode).toBe(200);
    recoveryCodes = confirmed.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await owner.request({ method: 'GET', url: '/auth/two-factor' })).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
      requiredByWorkspace: false,
    });
  });

  it('keeps the secret sealed and the recovery codes hashed in the database', async ({ t }) => {
    const row = await t.app.ctx.db
      .selectFrom('users')
      .select(['totp_secret', 'totp_pending_secret'])
      .where('email', '=', OWNER.email)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_pending_secret).toBeNull();
    const codes = await t.app.ctx.db.selectFrom('recovery_codes').select('code_hash').execute();
    const stored = codes.map((c) => c.code_hash).join(' ');
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replace('-', ''));
  });

  it('refuses a second enrolment while one is on', async () => {
    const again = await owner.request({ method: 'POST', url: '/auth/two-factor/enrol' });
    expect(again.statusCode).toBe(409);
  });
});

describe('signing in with a second factor', () => {
  it('asks for a code after the password, without a session', async ({ t }) => {
    clock.advance(30_000);
    const response = await login(t, OWNER.email, OWNER.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ pendingStep: 'two_factor_code', user: null, csrfToken: null });
    expect(response.cookies.find((c) => c.name === 'waping_session')).toBeUndefined();
    const cookie = challengeCookie(response);
    // The step cookie is not a session.
    const api = await t.request({ method: 'GET', url: '/v1/workspace', headers: { cookie }, key: null });
    expect(api.statusCode).toBe(401);
    const state = await t.request({ method: 'GET', url: '/auth/state', headers: { cookie }, key: null });
    expect(state.json().pendingStep).toBe('two_factor_code');

    const wrong = await withCookie(t, cookie, '/auth/two-factor/verify', { code: '123456' });
    expect(wrong.statusCode).toBe(401);
    const code = codeFor(secret);
    const right = await withCookie(t, cookie, '/auth/two-factor/verify', { code });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ role: 'owner', pendingStep: null });
    const browser = browserFor(t, right);
    expect((await browser.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(200);

    // The step is used up, and the same code does not work twice.
    expect((await withCookie(t, cookie, '/auth/two-factor/verify', { code })).statusCode).toBe(401);
    const again = challengeCookie(await login(t, OWNER.email, OWNER.password));
    expect((await withCookie(t, again, '/auth/two-factor/verify', { code })).statusCode).toBe(401);
  });

  it('takes each recovery code once in place of a code', async ({ t }) => {
    const cookie = challengeCookie(await login(t, OWNER.email, OWNER.password, '198.51.100.20'));
    const used = await withCookie(t, cookie, '/auth/two-factor/verify', {
      code: recoveryCodes[0]!.toUpperCase(),
    });
    expect(used.statusCode).toBe(200);
    const next = challengeCookie(await login(t, OWNER.email, OWNER.password, '198.51.100.20'));
    expect(
      (await withCookie(t, next, '/auth/two-factor/verify', { code: recoveryCodes[0]! })).statusCode,
    ).toBe(401);
    expect((await owner.request({ method: 'GET', url: '/auth/two-factor' })).json().recoveryCodesLeft).toBe(
      9,
    );
  });

  it('throttles code guesses like passwords', async ({ t }) => {
    const ip = '198.51.100.30';
    const cookie = challengeCookie(await login(t, OWNER.email, OWNER.password, ip));
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withCookie(t, cookie, '/auth/two-factor/verify', { code: String(100000 + i) }, ip),
      ),
    );
    const refused = guesses.filter((r) => r.statusCode === 429).length;
    // The password step took one of the pair's five attempts.
    expect(refused).toBe(16);
  });
});

describe('turning two-factor off', () => {
  it('needs the password and a current code', async () => {
    clock.advance(60_000);
    const code = codeFor(secret);
    const noPassword = await owner.request({
      method: 'POST',
      url: '/auth/two-factor/disable',
      payload: { password: 'not the password', code },
    });
    expect(noPassword.statusCode, noPassword.body).toBe(400);
    const off = await owner.request({
      method: 'POST',
      url: '/auth/two-factor/disable',
      payload: { password: OWNER.password, code },
    });
    expect(off.statusCode).toBe(204);
    expect((await owner.request({ method: 'GET', url: '/auth/two-factor' })).json()).toMatchObject({
      enabled: false,
      recoveryCodesLeft: 0,
    });
  });
});

describe('a workspace that requires two-factor', () => {
  it('is an owner setting', async ({ t }) => {
    const admin = await signedIn(t, 'admin', 'admin-2fa@example.com');
    const refused = await admin.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { requireTwoFactor: true },
    });
    expect(refused.statusCode).toBe(403);
    const set = await owner.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { requireTwoFactor: true },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().settings.requireTwoFactor).toBe(true);
  });

  it('sends a member without two-factor to enrol after the password, then signs them in', async ({ t }) => {
    await createUser(t.app.ctx.db, {
      email: 'must-enrol@example.com',
      password: MEMBER_PASSWORD,
      workspaceId: t.workspaceId,
      role: 'agent',
      now: clock.now(),
    });
    const response = await login(t, 'must-enrol@example.com', MEMBER_PASSWORD, '198.51.100.40');
    expect(response.json()).toMatchObject({ pendingStep: 'two_factor_enrolment', user: null });
    const cookie = challengeCookie(response);
    // An enrolment step does not pass for the code step.
    expect((await withCookie(t, cookie, '/auth/two-factor/verify', { code: '123456' })).statusCode).toBe(401);
    const started = await withCookie(t, cookie, '/auth/two-factor/enrol');
    expect(started.statusCode).toBe(200);
    const memberSecret = started.json().secret as string;
    const done = await withCookie(t, cookie, '/auth/two-factor/confirm', {
      code: codeFor(memberSecret),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    memberRecovery = done.json().recoveryCodes[0];
    expect(done.json().state).toMatchObject({ role: 'agent', pendingStep: null });
    expect(done.cookies.find((c) => c.name === 'waping_session')).toBeDefined();
  });

  it('does not let a member turn two-factor off', async ({ t }) => {
    const member = browserFor(
      t,
      await withCookie(
        t,
        challengeCookie(await login(t, 'must-enrol@example.com', MEMBER_PASSWORD, '198.51.100.41')),
        '/auth/two-factor/verify',
        { code: memberRecovery },
      ),
    );
    const off = await member.request({
      method: 'POST',
      url: '/auth/two-factor/disable',
      payload: { password: MEMBER_PASSWORD, code: '123456' },
    });
    expect(off.statusCode).toBe(403);
  });
});
