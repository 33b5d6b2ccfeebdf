import { Secret, TOTP } from 'otpauth';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect } from 'vitest';
import { createUser } from '../../src/workspaces/users.js';
import { otherWorkspace, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { login, MEMBER_PASSWORD, setupOwner, signedIn, type Browser } from './session.js';

const it = appTest();

const NEW_PASSWORD = 'a different passphrase';
// Joined after the default workspace, so sign-in still lands there.
const LATER = '2999-01-01T00:00:00.000Z';

let owner: Browser;

async function idOf(t: TestApp, email: string): Promise<string> {
  const team = await t.request({ method: 'GET', url: '/v1/team?limit=100' });
  return team.json<{ data: Array<{ id: string; email: string }> }>().data.find((m) => m.email === email)!.id;
}

function stepCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'waping_sign_in');
  if (!cookie) throw new Error(`no sign-in step cookie in ${response.statusCode} ${response.body}`);
  return `waping_sign_in=${cookie.value}`;
}

const addAgent = (t: TestApp, email: string) =>
  createUser(t.app.ctx.db, {
    email,
    password: MEMBER_PASSWORD,
    workspaceId: t.workspaceId,
    role: 'agent',
    now: new Date(),
  });

/** Someone who knows the member's password stops at the enrolment the workspace requires. */
async function pendingEnrolment(t: TestApp, email: string, ip: string): Promise<string> {
  const response = await login(t, email, MEMBER_PASSWORD, ip);
  expect(response.json()).toMatchObject({ pendingStep: 'two_factor_enrolment' });
  return stepCookie(response);
}

/** The rest of that sign-in: enrol an app and confirm a code from it. */
async function finishEnrolment(t: TestApp, cookie: string, ip: string) {
  const post = (url: string, payload: object = {}) =>
    t.request({ method: 'POST', url, payload, headers: { cookie }, key: null, remoteAddress: ip });
  const enrol = await post('/auth/two-factor/enrol');
  if (enrol.statusCode !== 200) return enrol;
  const code = TOTP.generate({ secret: Secret.fromBase32(enrol.json<{ secret: string }>().secret) });
  return post('/auth/two-factor/confirm', { code });
}

// A password reset or change ended the member's sessions but not a sign-in waiting at its
// two-factor step: whoever had signed in with the old password enrolled their own app with the
// old step cookie and got a session. A removal left the step too (for a member of another workspace as well),
// and its confirm was a 500.
describe('a pending sign-in step', () => {
  it.beforeAll(async ({ t }) => {
    owner = await setupOwner(t);
  });

  it('ends when the member changes their password', async ({ t }) => {
    const member = await signedIn(t, 'agent', 'changes@shop.example');
    const set = await owner.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { requireTwoFactor: true },
    });
    expect(set.statusCode).toBe(200);
    const cookie = await pendingEnrolment(t, 'changes@shop.example', '198.51.100.10');
    const changed = await member.request({
      method: 'POST',
      url: '/auth/password',
      payload: { currentPassword: MEMBER_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await finishEnrolment(t, cookie, '198.51.100.10')).statusCode).toBe(401);
  });

  it('ends when an owner resets the password', async ({ t }) => {
    await addAgent(t, 'reset@shop.example');
    const cookie = await pendingEnrolment(t, 'reset@shop.example', '198.51.100.11');
    const reset = await owner.request({
      method: 'POST',
      url: `/v1/team/${await idOf(t, 'reset@shop.example')}/password`,
      payload: { password: NEW_PASSWORD },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await finishEnrolment(t, cookie, '198.51.100.11')).statusCode).toBe(401);
  });

  it('ends when the member is removed', async ({ t }) => {
    const { id } = await addAgent(t, 'removed@shop.example');
    // A member of another workspace too, so the user outlives the removal.
    const other = await otherWorkspace(t);
    await t.app.ctx.db
      .insertInto('memberships')
      .values({ workspace_id: other.workspaceId, user_id: id, role: 'agent', created_at: LATER })
      .execute();
    const cookie = await pendingEnrolment(t, 'removed@shop.example', '198.51.100.12');
    const removed = await owner.request({
      method: 'DELETE',
      url: `/v1/team/${await idOf(t, 'removed@shop.example')}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await finishEnrolment(t, cookie, '198.51.100.12')).statusCode).toBe(401);
  });

  it('still signs in a member nobody touched', async ({ t }) => {
    await addAgent(t, 'untouched@shop.example');
    const cookie = await pendingEnrolment(t, 'untouched@shop.example', '198.51.100.13');
    const done = await finishEnrolment(t, cookie, '198.51.100.13');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toMatchObject({ role: 'agent', pendingStep: null });
  });
});
