import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { login, setupOwner, signedIn, OWNER, type Browser } from './session.js';

const it = appTest();

let owner: Browser;
let admin: Browser;
let agent: Browser;
const ids = new Map<string, string>();

it.beforeAll(async ({ t }) => {
  owner = await setupOwner(t);
  admin = await signedIn(t, 'admin');
  agent = await signedIn(t, 'agent');
  const team = await owner.request({ method: 'GET', url: '/v1/team' });
  for (const m of team.json().data as Array<{ id: string; email: string }>) ids.set(m.email, m.id);
});

const reset = (by: Browser, email: string, password: string) =>
  by.request({ method: 'POST', url: `/v1/team/${ids.get(email)}/password`, payload: { password } });

describe("resetting a member's password", () => {
  it('lets an admin set a new password: the old one stops working and the member is signed out', async ({
    t,
  }) => {
    const res = await reset(admin, 'agent@example.com', 'brisk river compass 5');
    expect(res.statusCode).toBe(204);
    expect((await agent.request({ method: 'GET', url: '/v1/messages' })).statusCode).toBe(401);
    expect((await login(t, 'agent@example.com', 'agent password 123')).statusCode).toBe(401);
    expect((await login(t, 'agent@example.com', 'brisk river compass 5')).statusCode).toBe(200);
  });

  it('does not let an admin reset an owner, nor anyone reset themselves here', async () => {
    const owners = await reset(admin, OWNER.email, 'an owner takeover password');
    expect(owners.statusCode).toBe(403);
    const self = await reset(owner, OWNER.email, 'my own new password');
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('Settings');
  });

  it('refuses an agent, a short password and an unknown member with clear 4xx', async () => {
    const refused = await reset(agent, 'admin@example.com', 'whatever password');
    expect([401, 403]).toContain(refused.statusCode);
    const short = await reset(owner, 'admin@example.com', 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('at least');
    const unknown = await owner.request({
      method: 'POST',
      url: '/v1/team/usr_01m8b9h1cdef936fj2a94dxtvj/password',
      payload: { password: 'long enough password' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
