import { describe, expect } from 'vitest';
import type { Scope } from '../../src/workspaces/scopes.js';
import { createKey, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { browserFor, login, signedIn, setupOwner } from './session.js';

const it = appTest();

const NEW_PASSWORD = 'a borrowed passphrase';
const READ_BY_ANY_MEMBER = [
  '/v1/messages',
  '/v1/contacts',
  '/v1/verifications',
  '/v1/webhooks',
  '/v1/devices',
];

async function idOf(t: TestApp, email: string): Promise<string> {
  const team = await t.request({ method: 'GET', url: '/v1/team?limit=100' });
  return team.json<{ data: Array<{ id: string; email: string }> }>().data.find((m) => m.email === email)!.id;
}

// A key with only `admin` was refused adding an admin, yet it could reset an admin's password and
// sign in as them (then make an all-scope key), and add a viewer whose session read the messages,
// contacts, verifications, webhooks and devices the key itself was refused: a member reads every
// read-only route whatever their role, which the check on the role's scopes left out.
describe('a key gives no member more than it holds', () => {
  it.beforeAll(async ({ t }) => {
    await setupOwner(t);
    await signedIn(t, 'admin', 'admin@shop.example');
    await signedIn(t, 'viewer', 'viewer@shop.example');
  });

  it('cannot reset the password of a member who reaches more, and so cannot sign in as them', async ({
    t,
  }) => {
    const adminOnly = await createKey(t, ['admin']);
    for (const email of ['admin@shop.example', 'viewer@shop.example']) {
      const reset = await t.request({
        method: 'POST',
        url: `/v1/team/${await idOf(t, email)}/password`,
        payload: { password: NEW_PASSWORD },
        key: adminOnly,
      });
      expect(reset.statusCode, email).toBe(403);
      expect(reset.json().error.code).toBe('FORBIDDEN');
      expect((await login(t, email, NEW_PASSWORD)).statusCode, email).toBe(401);
    }
  });

  it('cannot add a viewer, nor make a member one, when it cannot read what viewers read', async ({ t }) => {
    const adminOnly = await createKey(t, ['admin']);
    for (const url of READ_BY_ANY_MEMBER) {
      expect((await t.request({ method: 'GET', url, key: adminOnly })).statusCode, url).toBe(403);
    }
    const add = await t.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'eve@shop.example', password: NEW_PASSWORD, role: 'viewer' },
      key: adminOnly,
    });
    expect(add.statusCode).toBe(403);
    expect(add.json().error.message).toContain('messages, devices, verify, webhooks');
    expect((await login(t, 'eve@shop.example', NEW_PASSWORD)).statusCode).toBe(401);
    const demote = await t.request({
      method: 'PATCH',
      url: `/v1/team/${await idOf(t, 'admin@shop.example')}`,
      payload: { role: 'viewer' },
      key: adminOnly,
    });
    expect(demote.statusCode).toBe(403);
  });

  it('with every scope, still adds a viewer and resets an admin', async ({ t }) => {
    const every: Scope[] = ['messages', 'devices', 'verify', 'webhooks', 'admin'];
    const key = await createKey(t, every);
    const add = await t.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'vic@shop.example', password: NEW_PASSWORD, role: 'viewer' },
      key,
    });
    expect(add.statusCode, add.body).toBe(201);
    const viewer = browserFor(t, await login(t, 'vic@shop.example', NEW_PASSWORD));
    expect((await viewer.request({ method: 'GET', url: '/v1/messages' })).statusCode).toBe(200);
    const reset = await t.request({
      method: 'POST',
      url: `/v1/team/${await idOf(t, 'admin@shop.example')}/password`,
      payload: { password: NEW_PASSWORD },
      key,
    });
    expect(reset.statusCode, reset.body).toBe(204);
  });
});
