import { describe, expect } from 'vitest';
import { createKey, otherWorkspace, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;
it.beforeAll(({ t: app }) => {
  t = app;
});

describe('API key authentication', () => {
  const failures: Array<[string, Record<string, string>]> = [
    ['missing header', {}],
    ['wrong scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['bearer without a key', { authorization: 'Bearer ' }],
    ['malformed key', { authorization: 'Bearer not-a-waping-key' }],
    ['unknown key', { authorization: 'Bearer wap_0000000000000000000000000000000000000000' }],
    ['two tokens', { authorization: 'Bearer wap_a wap_b' }],
  ];

  it.each(failures)('%s → 401 with the same answer', async (_name, headers) => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/workspace', headers });
    expect(res.statusCode).toBe(401);
    const body = res.json();
    expect(body.error.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toBe('Missing or invalid API key: send "Authorization: Bearer wap_…"');
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
    expect(res.headers['www-authenticate']).toContain('Bearer');
  });

  it('a revoked key answers exactly like an unknown one', async ({ t }) => {
    const created = await t.request({ method: 'POST', url: '/v1/api-keys', payload: { name: 'temp' } });
    const { key, apiKey } = created.json();
    expect((await t.request({ method: 'GET', url: '/v1/workspace', key })).statusCode).toBe(200);
    expect((await t.request({ method: 'DELETE', url: `/v1/api-keys/${apiKey.id}` })).statusCode).toBe(200);
    const after = await t.request({ method: 'GET', url: '/v1/workspace', key });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('Missing or invalid API key: send "Authorization: Bearer wap_…"');
  });

  it('a key without the needed scope gets 403 naming the scope', async ({ t }) => {
    const key = await createKey(t, ['messages']);
    const res = await t.request({ method: 'GET', url: '/v1/api-keys', key });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('"admin"'),
    });
  });

  it('a workspace on a plan without API access gets 403 naming the plan', async ({ t }) => {
    const free = await otherWorkspace(t, 'free');
    const res = await t.request({ method: 'GET', url: '/v1/workspace', key: free.apiKey });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('free plan');
  });

  it('public routes need no key', async ({ t }) => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('records when a key was last used', async ({ t }) => {
    const key = await createKey(t, ['admin']);
    await t.request({ method: 'GET', url: '/v1/workspace', key });
    const list = await t.request({ method: 'GET', url: '/v1/api-keys?limit=100' });
    const used = list.json().data.filter((k: { lastUsedAt: string | null }) => k.lastUsedAt !== null);
    expect(used.length).toBeGreaterThan(0);
  });
});
