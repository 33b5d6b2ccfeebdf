import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { signedIn } from './session.js';

const it = appTest();

describe("a member's own settings", () => {
  it('start with notifications off, are changed by the member and kept on the server', async ({ t }) => {
    const agent = await signedIn(t, 'agent');
    const before = await agent.request({ method: 'GET', url: '/auth/state' });
    expect(before.json().settings).toEqual({ inboxNotifications: false });

    const changed = await agent.request({
      method: 'PATCH',
      url: '/auth/settings',
      payload: { inboxNotifications: true },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ inboxNotifications: true });

    // Another browser of the same member (a new sign-in) sees the choice.
    const row = await t.app.ctx.db
      .selectFrom('users')
      .select('settings')
      .where('email', '=', 'agent@example.com')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.settings)).toEqual({ inboxNotifications: true });
    const after = await agent.request({ method: 'GET', url: '/auth/state' });
    expect(after.json().settings).toEqual({ inboxNotifications: true });

    // It is one member's choice, not the team's.
    const viewer = await signedIn(t, 'viewer');
    expect((await viewer.request({ method: 'GET', url: '/auth/state' })).json().settings).toEqual({
      inboxNotifications: false,
    });
  });

  it('refuses unknown fields, wrong types, a missing CSRF token and no session', async ({ t }) => {
    const member = await signedIn(t, 'admin');
    const unknown = await member.request({
      method: 'PATCH',
      url: '/auth/settings',
      payload: { theme: 'dark' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_ERROR');
    const wrongType = await member.request({
      method: 'PATCH',
      url: '/auth/settings',
      payload: { inboxNotifications: 'yes' },
    });
    expect(wrongType.statusCode).toBe(400);
    const noCsrf = await member.request({
      method: 'PATCH',
      url: '/auth/settings',
      payload: { inboxNotifications: true },
      csrf: null,
    });
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await t.request({
      method: 'PATCH',
      url: '/auth/settings',
      payload: { inboxNotifications: true },
      key: null,
    });
    expect(anonymous.statusCode).toBe(401);
    const signedOut = await t.request({ method: 'GET', url: '/auth/state', key: null });
    expect(signedOut.json().settings).toBeNull();
  });
});
