import { describe, expect } from 'vitest';
import { sql } from 'kysely';
import { otherWorkspace, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest({ env: { WAPING_API_KEY: 'wap_fixed_key_for_automation_0001' } });

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;
it.beforeAll(({ t: app }) => {
  t = app;
});

/** Every text value in every table, to prove a secret is stored nowhere. */
async function allStoredText(): Promise<string> {
  const tables = [
    'workspaces',
    'users',
    'memberships',
    'api_keys',
    'usage_counters',
    'idempotency_keys',
    'events',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.app.ctx.db);
    parts.push(JSON.stringify(rows.rows));
  }
  return parts.join('\n');
}

describe('API keys', () => {
  it('shows a new key once and stores only its hash', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/api-keys',
      payload: { name: 'backend', scopes: ['messages', 'verify'] },
    });
    expect(res.statusCode).toBe(201);
    const { key, apiKey } = res.json();
    expect(key).toMatch(/^wap_[A-Za-z0-9_-]{40}$/);
    expect(apiKey).toMatchObject({
      name: 'backend',
      scopes: ['messages', 'verify'],
      hint: key.slice(-4),
      revokedAt: null,
    });
    const list = await t.request({ method: 'GET', url: '/v1/api-keys' });
    expect(list.body).not.toContain(key);
    expect(await allStoredText()).not.toContain(key);
    const works = await t.request({
      method: 'POST',
      url: '/v1/contacts/check',
      payload: { phone: '+15551234567' },
      key,
    });
    expect(works.statusCode).not.toBe(401);
  });

  it('replays a key created with an Idempotency-Key without storing it in plain text', async ({ t }) => {
    const create = () =>
      t.request({
        method: 'POST',
        url: '/v1/api-keys',
        payload: { name: 'retried' },
        headers: { 'idempotency-key': 'key-create-1' },
      });
    const first = await create();
    const again = await create();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().key).toBe(first.json().key);
    expect(await allStoredText()).not.toContain(first.json().key);
  });

  it('defaults to every scope', async ({ t }) => {
    const { apiKey } = (
      await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'all' } })
    ).json();
    expect(apiKey.scopes).toEqual(['messages', 'devices', 'verify', 'webhooks', 'admin']);
  });

  it('WAPING_API_KEY makes a key with exactly that value', async ({ t }) => {
    const res = await t.request({
      method: 'GET',
      url: '/v1/workspace',
      key: 'wap_fixed_key_for_automation_0001',
    });
    expect(res.statusCode).toBe(200);
    expect(await allStoredText()).not.toContain('wap_fixed_key_for_automation_0001');
  });

  it('pages keys newest first with a cursor', async ({ t }) => {
    for (let i = 0; i < 3; i++)
      await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: `page-${i}` } });
    const first = (await t.request({ method: 'GET', url: '/v1/api-keys?limit=2' })).json();
    expect(first.data).toHaveLength(2);
    expect(first.data[0].name).toBe('page-2');
    const second = (
      await t.request({ method: 'GET', url: `/v1/api-keys?limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.data[0].name).toBe('page-0');
    const ids = [...first.data, ...second.data].map((k: { id: string }) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never lets one workspace see or touch another workspace’s keys or usage', async ({ t }) => {
    const b = await otherWorkspace(t);
    const aKey = (
      await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'a-only' } })
    ).json().apiKey;
    const bList = (await t.request({ method: 'GET', url: '/v1/api-keys?limit=100', key: b.apiKey })).json();
    expect(bList.data.map((k: { id: string }) => k.id)).not.toContain(aKey.id);
    expect(bList.data.every((k: { name: string }) => k.name === 'other')).toBe(true);
    const revoke = await t.request({ method: 'DELETE', url: `/v1/api-keys/${aKey.id}`, key: b.apiKey });
    expect(revoke.statusCode).toBe(404);
    const bWorkspace = (await t.request({ method: 'GET', url: '/v1/workspace', key: b.apiKey })).json();
    expect(bWorkspace.id).toBe(b.workspaceId);
    expect(bWorkspace.usage.messagesSent).toBe(0);
  });

  it('revoking twice is harmless and the key stays revoked', async ({ t }) => {
    const { apiKey } = (
      await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'twice' } })
    ).json();
    const one = await t.request({ method: 'DELETE', url: `/v1/api-keys/${apiKey.id}` });
    const two = await t.request({ method: 'DELETE', url: `/v1/api-keys/${apiKey.id}` });
    expect(one.json().revokedAt).not.toBeNull();
    expect(two.json().revokedAt).toBe(one.json().revokedAt);
  });
});

describe('workspace', () => {
  it('reports the plan, limits, usage and settings', async ({ t }) => {
    const ws = (await t.request({ method: 'GET', url: '/v1/workspace' })).json();
    expect(ws).toMatchObject({
      name: 'default',
      plan: { name: 'selfhosted', devices: null, messagesPerMonth: null, api: true, requestsPerMinute: null },
      usage: { period: new Date().toISOString().slice(0, 7), messagesSent: 0, messagesRemaining: null },
      settings: { retentionDays: 30, alertRecipients: null, allowOtpToOptedOut: false },
    });
  });

  it('changes settings and refuses bad ones', async ({ t }) => {
    const ok = await t.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { retentionDays: 7, alertRecipients: ['ops@example.com'] },
    });
    expect(ok.json().settings).toMatchObject({ retentionDays: 7, alertRecipients: ['ops@example.com'] });
    const reset = await t.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { alertRecipients: null },
    });
    expect(reset.json().settings.alertRecipients).toBeNull();
    for (const payload of [{ retentionDays: 0 }, { alertRecipients: ['not-an-email'] }, { plan: 'pro' }]) {
      const bad = await t.request({ method: 'PATCH', url: '/v1/workspace', payload });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_ERROR');
    }
  });
});
