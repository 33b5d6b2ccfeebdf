import { Secret, TOTP } from 'otpauth';
import { describe, expect } from 'vitest';
import { createDevice } from '../../src/devices/service.js';
import { otherWorkspace, createKey } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { MEMBER_PASSWORD, OWNER, setupOwner, signedIn, type Browser } from '../dashboard/session.js';
import { runRetention } from '../../src/inbound/retention.js';

const it = appTest();

interface AuditEvent {
  id: string;
  at: string;
  actor: { type: string; id: string | null; name: string };
  action: string;
  target: { type: string; id: string };
  changes: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

let owner: Browser;
let ownerId: string;

it.beforeAll(async ({ t }) => {
  owner = await setupOwner(t);
  const state = await owner.request({ method: 'GET', url: '/auth/state' });
  ownerId = state.json().user.id;
});

/** The audit events for one target and action, read through the API as the owner. */
async function eventsFor(target: string, action?: string): Promise<AuditEvent[]> {
  const query = new URLSearchParams({ target, limit: '100', ...(action ? { action } : {}) });
  const response = await owner.request({ method: 'GET', url: `/v1/audit-log?${query}` });
  expect(response.statusCode).toBe(200);
  return response.json().data as AuditEvent[];
}

/** Exactly one event for the target and action, made by the signed-in owner in that request. */
async function oneByOwner(target: string, action: string, requestId: string): Promise<AuditEvent> {
  const events = await eventsFor(target, action);
  expect(events).toHaveLength(1);
  const event = events[0]!;
  expect(event.actor).toEqual({ type: 'user', id: ownerId, name: OWNER.name });
  expect(event.requestId).toBe(requestId);
  expect(event.ip).toBe('127.0.0.1');
  return event;
}

const requestIdOf = (response: { headers: Record<string, unknown> }) =>
  String(response.headers['x-request-id']);

describe('each audited change records exactly one event with its actor', () => {
  it('API keys: created and revoked, never the key value', async () => {
    const created = await owner.request({
      method: 'POST',
      url: '/v1/api-keys',
      payload: { name: 'CI deploys' },
    });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    const event = await oneByOwner(apiKey.id, 'api_key.created', requestIdOf(created));
    expect(event.target).toEqual({ type: 'api_key', id: apiKey.id });
    expect(event.changes).toMatchObject({ name: 'CI deploys', hint: apiKey.hint });
    expect(JSON.stringify(event)).not.toContain(key);

    const revoked = await owner.request({ method: 'DELETE', url: `/v1/api-keys/${apiKey.id}` });
    expect(revoked.statusCode).toBe(200);
    await oneByOwner(apiKey.id, 'api_key.revoked', requestIdOf(revoked));
    // Revoking a revoked key changes nothing and records nothing.
    await owner.request({ method: 'DELETE', url: `/v1/api-keys/${apiKey.id}` });
    expect(await eventsFor(apiKey.id, 'api_key.revoked')).toHaveLength(1);
  });

  it('settings: what changed, from and to; a PATCH that changes nothing records nothing', async ({ t }) => {
    const patched = await owner.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { retentionDays: 45 },
    });
    expect(patched.statusCode).toBe(200);
    const event = await oneByOwner(t.workspaceId, 'settings.updated', requestIdOf(patched));
    expect(event.changes).toEqual({ retentionDays: { from: null, to: 45 } });
    await owner.request({ method: 'PATCH', url: '/v1/workspace', payload: { retentionDays: 45 } });
    expect(await eventsFor(t.workspaceId, 'settings.updated')).toHaveLength(1);

    const before = (await owner.request({ method: 'GET', url: '/v1/workspace' })).json().name as string;
    const renamed = await owner.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { name: '  Acme Support  ' },
    });
    expect(renamed.statusCode).toBe(200);
    const updates = await eventsFor(t.workspaceId, 'settings.updated');
    expect(updates).toHaveLength(2);
    const rename = updates.find((e) => e.requestId === requestIdOf(renamed));
    expect(rename?.changes).toEqual({ name: { from: before, to: 'Acme Support' } });
  });

  it('members: added, role changed, password reset, removed; never the password', async () => {
    const password = 'a brand new member passphrase';
    const added = await owner.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'Sam@example.com', password, role: 'agent' },
    });
    expect(added.statusCode).toBe(201);
    const userId = added.json().id as string;
    const addedEvent = await oneByOwner(userId, 'member.added', requestIdOf(added));
    expect(addedEvent.changes).toEqual({ email: 'sam@example.com', role: 'agent' });

    const changed = await owner.request({
      method: 'PATCH',
      url: `/v1/team/${userId}`,
      payload: { role: 'viewer' },
    });
    expect(changed.statusCode).toBe(200);
    const roleEvent = await oneByOwner(userId, 'member.role_changed', requestIdOf(changed));
    expect(roleEvent.changes).toMatchObject({ role: { from: 'agent', to: 'viewer' } });

    const newPassword = 'another fresh passphrase here';
    const reset = await owner.request({
      method: 'POST',
      url: `/v1/team/${userId}/password`,
      payload: { password: newPassword },
    });
    expect(reset.statusCode).toBe(204);
    await oneByOwner(userId, 'member.password_reset', requestIdOf(reset));

    const removed = await owner.request({ method: 'DELETE', url: `/v1/team/${userId}` });
    expect(removed.statusCode).toBe(204);
    await oneByOwner(userId, 'member.removed', requestIdOf(removed));

    const all = JSON.stringify(await eventsFor(userId));
    expect(all).not.toContain(password);
    expect(all).not.toContain(newPassword);
  });

  it('webhooks: created, updated, secret rotated, deleted; never the secret or the URL query', async () => {
    const created = await owner.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: { url: 'http://127.0.0.1:9/hook?token=s3cr3t', events: ['message.delivered'] },
    });
    expect(created.statusCode).toBe(201);
    const { secret, webhook } = created.json();
    const createdEvent = await oneByOwner(webhook.id, 'webhook.created', requestIdOf(created));
    expect(createdEvent.changes).toMatchObject({ url: 'http://127.0.0.1:9/hook', enabled: true });

    const updated = await owner.request({
      method: 'PATCH',
      url: `/v1/webhooks/${webhook.id}`,
      payload: { enabled: false, description: 'Orders' },
    });
    expect(updated.statusCode).toBe(200);
    const updatedEvent = await oneByOwner(webhook.id, 'webhook.updated', requestIdOf(updated));
    expect(updatedEvent.changes).toEqual({
      enabled: { from: true, to: false },
      description: { from: null, to: 'Orders' },
    });

    const rotated = await owner.request({ method: 'POST', url: `/v1/webhooks/${webhook.id}/rotate-secret` });
    expect(rotated.statusCode).toBe(200);
    await oneByOwner(webhook.id, 'webhook.secret_rotated', requestIdOf(rotated));

    const deleted = await owner.request({ method: 'DELETE', url: `/v1/webhooks/${webhook.id}` });
    expect(deleted.statusCode).toBe(204);
    await oneByOwner(webhook.id, 'webhook.deleted', requestIdOf(deleted));

    const all = JSON.stringify(await eventsFor(webhook.id));
    for (const hidden of [secret, rotated.json().secret, 's3cr3t']) expect(all).not.toContain(hidden);
  });

  it('devices: created, renamed, logged out, deleted', async () => {
    const created = await owner.request({
      method: 'POST',
      url: '/v1/devices',
      payload: { name: 'Front desk' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await oneByOwner(id, 'device.created', requestIdOf(created));

    const renamed = await owner.request({
      method: 'PATCH',
      url: `/v1/devices/${id}`,
      payload: { name: 'Reception' },
    });
    expect(renamed.statusCode).toBe(200);
    const renamedEvent = await oneByOwner(id, 'device.renamed', requestIdOf(renamed));
    expect(renamedEvent.changes).toEqual({ name: { from: 'Front desk', to: 'Reception' } });

    const loggedOut = await owner.request({ method: 'POST', url: `/v1/devices/${id}/logout` });
    expect(loggedOut.statusCode).toBe(200);
    await oneByOwner(id, 'device.logged_out', requestIdOf(loggedOut));

    const deleted = await owner.request({ method: 'DELETE', url: `/v1/devices/${id}` });
    expect(deleted.statusCode).toBe(204);
    await oneByOwner(id, 'device.deleted', requestIdOf(deleted));
  });

  it('an API key acts as itself, under its name', async ({ t }) => {
    const key = await t.app.ctx.db
      .selectFrom('api_keys')
      .select('id')
      .where('name', '=', 'test')
      .executeTakeFirstOrThrow();
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'By key' } });
    expect(created.statusCode).toBe(201);
    const [event] = await eventsFor(created.json().id, 'device.created');
    expect(event?.actor).toEqual({ type: 'api_key', id: key.id, name: 'test' });
  });
});

describe('two-factor sign-in', () => {
  it('turning it on and off is recorded for the member, in the workspace they act in', async ({ t }) => {
    const member = await signedIn(t, 'agent', 'audit-2fa@example.com');
    const state = await member.request({ method: 'GET', url: '/auth/state' });
    const userId = state.json().user.id as string;
    const enrol = await member.request({ method: 'POST', url: '/auth/two-factor/enrol' });
    const secret = enrol.json().secret as string;
    const code = () => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() });
    const confirmed = await member.request({
      method: 'POST',
      url: '/auth/two-factor/confirm',
      payload: { code: code() },
    });
    expect(confirmed.statusCode).toBe(200);
    // A code works once per 30 s step; forget the step used so the next request may reuse it.
    await t.app.ctx.db.updateTable('users').set({ totp_last_step: null }).where('id', '=', userId).execute();
    const disabled = await member.request({
      method: 'POST',
      url: '/auth/two-factor/disable',
      payload: { password: MEMBER_PASSWORD, code: code() },
    });
    expect(disabled.statusCode).toBe(204);
    const events = await eventsFor(userId);
    expect(events.map((e) => e.action)).toEqual(['two_factor.disabled', 'two_factor.enabled']);
    for (const event of events) {
      expect(event.actor).toEqual({ type: 'user', id: userId, name: 'audit-2fa@example.com' });
      expect(event.target).toEqual({ type: 'user', id: userId });
      expect(JSON.stringify(event)).not.toContain(secret);
    }
  });
});

describe('a change that fails records nothing', () => {
  it('a failure after the write, in its transaction, takes the event with it', async ({ t }) => {
    const plan = t.app.ctx.plans.get('selfhosted');
    const failing = createDevice(
      t.app.ctx,
      t.workspaceId,
      plan,
      { name: 'Rolled back', engine: 'sandbox' },
      () => Promise.reject(new Error('the creating transaction fails')),
    );
    await expect(failing).rejects.toThrow('the creating transaction fails');
    const events = await t.app.ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'device.created')
      .where('changes', 'like', '%Rolled back%')
      .execute();
    expect(events).toEqual([]);
  });

  it('a member who already exists, a bad webhook URL, the last owner, an unknown device', async ({ t }) => {
    const count = async () =>
      Number(
        (
          await t.app.ctx.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const duplicate = await owner.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: OWNER.email, password: 'a brand new member passphrase', role: 'agent' },
    });
    expect(duplicate.statusCode).toBe(409);
    const weak = await owner.request({
      method: 'POST',
      url: '/v1/team',
      payload: { email: 'weak@example.com', password: 'password', role: 'agent' },
    });
    expect(weak.statusCode).toBe(400);
    const badUrl = await owner.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: { url: 'ftp://example.com/x' },
    });
    expect(badUrl.statusCode).toBe(400);
    const lastOwner = await owner.request({
      method: 'PATCH',
      url: `/v1/team/${ownerId}`,
      payload: { role: 'admin' },
    });
    expect(lastOwner.statusCode).toBe(409);
    const gone = await owner.request({ method: 'DELETE', url: '/v1/devices/dev_00000000000000000000000000' });
    expect(gone.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('GET /v1/audit-log', () => {
  it('is for owners, admins and admin keys: agents, viewers and narrower keys get 403', async ({ t }) => {
    const admin = await signedIn(t, 'admin', 'audit-admin@example.com');
    const agent = await signedIn(t, 'agent', 'audit-agent@example.com');
    const viewer = await signedIn(t, 'viewer', 'audit-viewer@example.com');
    expect((await admin.request({ method: 'GET', url: '/v1/audit-log' })).statusCode).toBe(200);
    expect((await agent.request({ method: 'GET', url: '/v1/audit-log' })).statusCode).toBe(403);
    expect((await viewer.request({ method: 'GET', url: '/v1/audit-log' })).statusCode).toBe(403);
    const narrow = await createKey(t, ['messages', 'devices', 'verify', 'webhooks']);
    expect((await t.request({ method: 'GET', url: '/v1/audit-log', key: narrow })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/v1/audit-log' })).statusCode).toBe(200);
  });

  it("never shows another workspace's events", async ({ t }) => {
    const other = await otherWorkspace(t);
    const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: 'Ours' } });
    const id = created.json().id as string;
    const theirs = await t.request({ method: 'GET', url: `/v1/audit-log?target=${id}`, key: other.apiKey });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().data).toEqual([]);
    const all = await t.request({ method: 'GET', url: '/v1/audit-log?limit=100', key: other.apiKey });
    const targets = (all.json().data as AuditEvent[]).map((e) => e.target.id);
    expect(targets).not.toContain(id);
    expect(targets).not.toContain(t.workspaceId);
  });

  it('filters by action, actor and time, and pages newest first with a cursor', async ({ t }) => {
    const names = ['Page one', 'Page two', 'Page three'];
    for (const name of names) await owner.request({ method: 'POST', url: '/v1/devices', payload: { name } });
    const byOwner = await owner.request({
      method: 'GET',
      url: `/v1/audit-log?action=device.created&actor=${ownerId}&limit=2`,
    });
    const first = byOwner.json() as { data: AuditEvent[]; nextCursor: string | null };
    expect(first.data.map((e) => e.changes.name)).toEqual(['Page three', 'Page two']);
    expect(first.nextCursor).not.toBeNull();
    const next = await owner.request({
      method: 'GET',
      url: `/v1/audit-log?action=device.created&actor=${ownerId}&limit=2&cursor=${first.nextCursor}`,
    });
    const second = next.json() as { data: AuditEvent[] };
    expect(second.data[0]?.changes.name).toBe('Page one');
    expect(second.data.every((e) => e.actor.id === ownerId && e.action === 'device.created')).toBe(true);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const since = await t.request({
      method: 'GET',
      url: `/v1/audit-log?since=${encodeURIComponent(future)}`,
    });
    expect(since.json().data).toEqual([]);
    const until = await t.request({
      method: 'GET',
      url: `/v1/audit-log?until=${encodeURIComponent(future)}&limit=1`,
    });
    expect(until.json().data).toHaveLength(1);
    const unknown = await t.request({ method: 'GET', url: '/v1/audit-log?action=device.exploded' });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('retention', () => {
  it('keeps a year of events even when messages are kept for less, and drops older ones', async ({ t }) => {
    const day = 24 * 60 * 60 * 1000;
    const base = {
      workspace_id: t.workspaceId,
      actor_type: 'system' as const,
      actor_id: null,
      actor_name: 'System',
      action: 'settings.updated',
      target_type: 'workspace',
      target_id: 'ws_retention_probe',
      changes: '{}',
      request_id: null,
      ip: null,
    };
    await t.app.ctx.db
      .insertInto('audit_events')
      .values([
        { ...base, id: 'aud_old', at: new Date(Date.now() - 400 * day).toISOString() },
        { ...base, id: 'aud_recent', at: new Date(Date.now() - 100 * day).toISOString() },
      ])
      .execute();
    await runRetention(t.app.ctx);
    const left = await t.app.ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('target_id', '=', 'ws_retention_probe')
      .execute();
    expect(left.map((r) => r.id)).toEqual(['aud_recent']);
  });
});
