import { describe, expect } from 'vitest';
import { createUser } from '../../src/workspaces/users.js';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { MEMBER_PASSWORD, setupOwner, signedIn, type Browser } from './session.js';

const it = appTest();

const TRIALS = 10;
const OWNERS_ONLY = 'Only an owner can add, change or remove owners';

let owner: Browser;
let admin: Browser;

async function addMember(t: TestApp, email: string, role: 'agent' | 'viewer'): Promise<string> {
  const user = await createUser(t.app.ctx.db, {
    email,
    password: MEMBER_PASSWORD,
    workspaceId: t.workspaceId,
    role,
    now: new Date(),
  });
  return user.id;
}

async function roleOf(t: TestApp, userId: string): Promise<string | undefined> {
  const row = await t.app.ctx.db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', t.workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

async function auditCount(t: TestApp, action: string, userId: string): Promise<number> {
  const rows = await t.app.ctx.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', action)
    .where('target_id', '=', userId)
    .execute();
  return rows.length;
}

const promote = (userId: string) =>
  owner.request({ method: 'PATCH', url: `/v1/team/${userId}`, payload: { role: 'owner' } });

/** An admin's answer that lost the race to a promotion: refused, as for any owner. */
function expectRefusedAsOwner(response: { statusCode: number; json: () => unknown }) {
  expect(response.statusCode).toBe(403);
  expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: OWNERS_ONLY } });
}

describe('team changes at once', () => {
  it.beforeAll(async ({ t }) => {
    owner = await setupOwner(t);
    admin = await signedIn(t, 'admin', 'admin@shop.example');
  });

  // The target's role was read before the change's transaction: on PostgreSQL an admin's demotion
  // sent with an owner's promotion of the same member saw them not yet an owner, and demoted the
  // new owner to a viewer.
  it('an admin does not demote a member an owner promotes at that moment', async ({ t }) => {
    for (let i = 0; i < TRIALS; i++) {
      const id = await addMember(t, `promoted${i}@shop.example`, 'agent');
      const [promoted, demoted] = await Promise.all([
        promote(id),
        admin.request({ method: 'PATCH', url: `/v1/team/${id}`, payload: { role: 'viewer' } }),
      ]);
      expect(promoted.statusCode, promoted.body).toBe(200);
      // Either the demotion came first and the promotion after it, or the demotion met an owner.
      if (demoted.statusCode !== 200) expectRefusedAsOwner(demoted);
      expect(await roleOf(t, id)).toBe('owner');
    }
  });

  // Same for a removal: it removed a member who had just become an owner.
  it('an admin does not remove a member an owner promotes at that moment', async ({ t }) => {
    for (let i = 0; i < TRIALS; i++) {
      const id = await addMember(t, `kept${i}@shop.example`, 'agent');
      const [promoted, removed] = await Promise.all([
        promote(id),
        admin.request({ method: 'DELETE', url: `/v1/team/${id}` }),
      ]);
      if (removed.statusCode === 204) {
        // The removal came first: there was nobody left to promote.
        expect(promoted.statusCode).toBe(404);
        expect(await roleOf(t, id)).toBeUndefined();
      } else {
        expectRefusedAsOwner(removed);
        expect(promoted.statusCode).toBe(200);
        expect(await roleOf(t, id)).toBe('owner');
      }
    }
  });

  // Each request compared the role it read before its transaction: on PostgreSQL eight identical
  // role changes each recorded one, and eight removals of one member each answered 204 and
  // recorded a removal.
  it('records one role change for eight identical ones, and one removal for eight', async ({ t }) => {
    const id = await addMember(t, 'twice@shop.example', 'viewer');
    const changes = await Promise.all(
      Array.from({ length: 8 }, () =>
        admin.request({ method: 'PATCH', url: `/v1/team/${id}`, payload: { role: 'agent' } }),
      ),
    );
    expect(changes.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(await auditCount(t, 'member.role_changed', id)).toBe(1);

    const removals = await Promise.all(
      Array.from({ length: 8 }, () => admin.request({ method: 'DELETE', url: `/v1/team/${id}` })),
    );
    expect(removals.map((r) => r.statusCode).sort()).toEqual([204, ...Array(7).fill(404)]);
    expect(await auditCount(t, 'member.removed', id)).toBe(1);
  });
});
