import { describe, expect } from 'vitest';
import { createKey } from '../helpers/app.js';
import { login, MEMBER_PASSWORD, setupOwner, signedIn, type Browser } from './session.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

let owner: Browser;
let admin: Browser;
let agent: Browser;
let viewer: Browser;
let keyId: string;

it.beforeAll(async ({ t }) => {
  owner = await setupOwner(t);
  admin = await signedIn(t, 'admin');
  agent = await signedIn(t, 'agent');
  viewer = await signedIn(t, 'viewer');
  const created = await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'existing' } });
  keyId = created.json().apiKey.id;
});
const userIdOf = async (email: string): Promise<string> => {
  const team = await owner.request({ method: 'GET', url: '/v1/team' });
  const member = (team.json().data as Array<{ id: string; email: string }>).find((m) => m.email === email);
  if (!member) throw new Error(`${email} is not on the team`);
  return member.id;
};

/** Writes a dashboard user may or may not make, each with a body that passes validation. */
const WRITES = {
  createKey: { method: 'POST', url: '/v1/api-keys', payload: { name: 'k' } },
  revokeKey: { method: 'DELETE', url: () => `/v1/api-keys/${keyId}` },
  patchWorkspace: { method: 'PATCH', url: '/v1/workspace', payload: { retentionDays: 31 } },
  addMember: {
    method: 'POST',
    url: '/v1/team',
    payload: { email: 'x@example.com', password: 'a fresh member passphrase', role: 'viewer' },
  },
  addDevice: { method: 'POST', url: '/v1/devices', payload: { name: 'Role check' } },
  createWebhook: { method: 'POST', url: '/v1/webhooks', payload: { url: 'http://127.0.0.1:9/hook' } },
  sendMessage: {
    method: 'POST',
    url: '/v1/messages',
    payload: { to: '+15551230000', type: 'text', text: { body: 'hi' } },
  },
} as const;
type Write = keyof typeof WRITES;

async function attempt(browser: Browser, name: Write) {
  const write = WRITES[name];
  const url = typeof write.url === 'function' ? write.url() : write.url;
  const payload = 'payload' in write ? write.payload : undefined;
  return browser.request({ method: write.method, url, ...(payload ? { payload } : {}) });
}

describe('role checks on writes', () => {
  const forbidden: Array<[string, () => Browser, Write[]]> = [
    [
      'viewer',
      () => viewer,
      ['createKey', 'revokeKey', 'patchWorkspace', 'addMember', 'addDevice', 'createWebhook', 'sendMessage'],
    ],
    [
      'agent',
      () => agent,
      ['createKey', 'revokeKey', 'patchWorkspace', 'addMember', 'addDevice', 'createWebhook'],
    ],
  ];
  for (const [role, browser, writes] of forbidden) {
    for (const write of writes) {
      it(`a ${role} cannot ${write}`, async () => {
        const response = await attempt(browser(), write);
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().error).toMatchObject({
          code: 'FORBIDDEN',
          message: 'Your role cannot do this',
        });
      });
    }
  }

  it('an agent passes the role check to send messages (the send itself fails: no device)', async () => {
    const response = await attempt(agent, 'sendMessage');
    expect(response.statusCode).not.toBe(403);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('viewers and agents read the workspace, keys, devices, messages and team', async () => {
    for (const browser of [viewer, agent]) {
      for (const url of ['/v1/workspace', '/v1/api-keys', '/v1/devices', '/v1/messages', '/v1/team']) {
        const response = await browser.request({ method: 'GET', url });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      }
    }
  });

  it('an admin manages keys, settings and devices', async () => {
    for (const write of ['createKey', 'patchWorkspace', 'addDevice'] as const) {
      const response = await attempt(admin, write);
      expect(response.statusCode, `${write}: ${response.body}`).toBeLessThan(300);
    }
  });
});

describe('team', () => {
  it('lists members with their roles', async () => {
    const response = await viewer.request({ method: 'GET', url: '/v1/team' });
    const roles = Object.fromEntries(
      (response.json().data as Array<{ email: string; role: string }>).map((m) => [m.email, m.role]),
    );
    expect(roles).toMatchObject({
      'owner@example.com': 'owner',
      'admin@example.com': 'admin',
      'agent@example.com': 'agent',
      'viewer@example.com': 'viewer',
    });
  });

  it('lets an admin add members but not owners, and not change an owner', async ({ t }) => {
    const added = await admin.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'new.agent@example.com', password: 'new agent password', role: 'agent', name: 'Nia' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      email: 'new.agent@example.com',
      role: 'agent',
      name: 'Nia',
      lastSeenAt: null,
    });
    expect((await login(t, 'new.agent@example.com', 'new agent password')).statusCode).toBe(200);

    const asOwner = await admin.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'o2@example.com', password: 'owner two password', role: 'owner' },
    });
    expect(asOwner.statusCode).toBe(403);
    const ownerId = await userIdOf('owner@example.com');
    const demote = await admin.request({
      method: 'PATCH',
      url: `/v1/team/${ownerId}`,
      payload: { role: 'viewer' },
    });
    expect(demote.statusCode).toBe(403);
    const promote = await admin.request({
      method: 'PATCH',
      url: `/v1/team/${added.json().id}`,
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(403);
  });

  it('refuses a duplicate email', async () => {
    const again = await owner.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'AGENT@example.com', password: 'whatever password', role: 'viewer' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('applies a role change to a signed-in member at once', async ({ t }) => {
    const member = await signedIn(t, 'viewer', 'promoted@example.com');
    expect((await attempt(member, 'sendMessage')).statusCode).toBe(403);
    const id = await userIdOf('promoted@example.com');
    const changed = await admin.request({
      method: 'PATCH',
      url: `/v1/team/${id}`,
      payload: { role: 'agent' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().role).toBe('agent');
    expect((await attempt(member, 'sendMessage')).statusCode).not.toBe(403);
  });

  it('keeps at least one owner', async () => {
    const ownerId = await userIdOf('owner@example.com');
    const demote = await owner.request({
      method: 'PATCH',
      url: `/v1/team/${ownerId}`,
      payload: { role: 'admin' },
    });
    expect(demote.statusCode).toBe(409);
    expect((await owner.request({ method: 'DELETE', url: `/v1/team/${ownerId}` })).statusCode).toBe(409);

    const second = await owner.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'second.owner@example.com', password: 'second owner password', role: 'owner' },
    });
    expect(second.statusCode).toBe(201);
    const now = await owner.request({
      method: 'PATCH',
      url: `/v1/team/${ownerId}`,
      payload: { role: 'owner' },
    });
    expect(now.statusCode).toBe(200);
  });

  it('removes a member and ends their session', async ({ t }) => {
    const leaving = await signedIn(t, 'agent', 'leaving@example.com');
    const id = await userIdOf('leaving@example.com');
    expect((await leaving.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(200);
    expect((await viewer.request({ method: 'DELETE', url: `/v1/team/${id}` })).statusCode).toBe(403);
    expect((await admin.request({ method: 'DELETE', url: `/v1/team/${id}` })).statusCode).toBe(204);
    expect((await leaving.request({ method: 'GET', url: '/v1/workspace' })).statusCode).toBe(401);
    expect((await login(t, 'leaving@example.com', MEMBER_PASSWORD)).statusCode).toBe(401);
    expect((await admin.request({ method: 'DELETE', url: `/v1/team/${id}` })).statusCode).toBe(404);
  });

  it('lets an API key with every scope manage members but not owners', async ({ t }) => {
    const key = await createKey(t, ['messages', 'devices', 'verify', 'webhooks', 'admin']);
    const payload = { email: 'by.key@example.com', password: 'by key password', role: 'viewer' };
    expect((await t.request({ method: 'POST', url: '/v1/team', payload, key })).statusCode).toBe(201);
    const owners = { ...payload, email: 'owner.by.key@example.com', role: 'owner' };
    expect((await t.request({ method: 'POST', url: '/v1/team', payload: owners, key })).statusCode).toBe(403);
    const messagesOnly = await createKey(t, ['messages']);
    expect((await t.request({ method: 'GET', url: '/v1/team', key: messagesOnly })).statusCode).toBe(403);
  });
});
