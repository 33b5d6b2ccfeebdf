import { describe, expect } from 'vitest';
import type { AuthContext } from '../../src/http/auth.js';
import { createWebhook } from '../../src/webhooks/service.js';
import { createKey, otherWorkspace } from '../helpers/app.js';
import { createWebhook as create, emit, isErrorEnvelope } from './kit.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

const URL_A = 'http://127.0.0.1:9/a';

describe('webhook endpoints', () => {
  it('creates, lists, reads, changes and deletes an endpoint; the secret is shown once', async ({ t }) => {
    const { apiKey } = await otherWorkspace(t);
    const created = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      key: apiKey,
      payload: { url: URL_A, events: ['message.delivered', 'device.disconnected'], description: 'CRM' },
    });
    expect(created.statusCode).toBe(201);
    const { secret, webhook } = created.json<{ secret: string; webhook: Record<string, unknown> }>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(webhook).toMatchObject({
      url: URL_A,
      events: ['message.delivered', 'device.disconnected'],
      description: 'CRM',
      enabled: true,
      disabledReason: null,
    });
    expect(webhook.id).toMatch(/^whk_/);

    const stored = await t.app.ctx.db
      .selectFrom('webhook_endpoints')
      .select('secret')
      .where('id', '=', webhook.id as string)
      .executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(secret.slice(6, 20));

    const list = await t.request({ method: 'GET', url: '/v1/webhooks', key: apiKey });
    expect(list.json()).toEqual({ data: [webhook], nextCursor: null });
    expect(list.body).not.toContain('whsec_');

    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/webhooks/${webhook.id}`,
      key: apiKey,
      payload: { events: ['*'], enabled: false, description: null },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      events: ['*'],
      enabled: false,
      disabledReason: 'manual',
      description: null,
    });

    const read = await t.request({ method: 'GET', url: `/v1/webhooks/${webhook.id}`, key: apiKey });
    expect(read.json()).toMatchObject({ enabled: false });

    const deleted = await t.request({ method: 'DELETE', url: `/v1/webhooks/${webhook.id}`, key: apiKey });
    expect(deleted.statusCode).toBe(204);
    const gone = await t.request({ method: 'GET', url: `/v1/webhooks/${webhook.id}`, key: apiKey });
    expect(gone.statusCode).toBe(404);
  });

  it('pages the list newest first with an opaque cursor', async ({ t }) => {
    const { apiKey } = await otherWorkspace(t);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await create(t, apiKey, { url: URL_A, events: ['*'] })).id);
    const first = await t.request({ method: 'GET', url: '/v1/webhooks?limit=2', key: apiKey });
    const page1 = first.json<{ data: Array<{ id: string }>; nextCursor: string }>();
    expect(page1.data.map((w) => w.id)).toEqual([ids[2], ids[1]]);
    const second = await t.request({
      method: 'GET',
      url: `/v1/webhooks?limit=2&cursor=${page1.nextCursor}`,
      key: apiKey,
    });
    expect(second.json()).toMatchObject({ data: [{ id: ids[0] }], nextCursor: null });
  });

  it('replays a create with the same Idempotency-Key instead of making a second endpoint', async ({ t }) => {
    const { apiKey } = await otherWorkspace(t);
    const send = () =>
      t.request({
        method: 'POST',
        url: '/v1/webhooks',
        key: apiKey,
        headers: { 'idempotency-key': 'create-hook-1' },
        payload: { url: URL_A, events: ['*'] },
      });
    const a = await send();
    const b = await send();
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    const list = await t.request({ method: 'GET', url: '/v1/webhooks', key: apiKey });
    expect(list.json<{ data: unknown[] }>().data).toHaveLength(1);
  });

  it('needs the webhooks scope and an API plan', async ({ t }) => {
    const noScope = await createKey(t, ['messages']);
    const res = await t.request({ method: 'GET', url: '/v1/webhooks', key: noScope });
    expect(res.statusCode).toBe(403);
    expect(isErrorEnvelope(res.json())).toBe(true);
    const free = await otherWorkspace(t, 'free');
    const denied = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      key: free.apiKey,
      payload: { url: URL_A, events: ['*'] },
    });
    expect(denied.statusCode).toBe(403);
    const anonymous = await t.request({ method: 'GET', url: '/v1/webhooks', key: null });
    expect(anonymous.statusCode).toBe(401);
    // A dashboard session on a plan without API access gets past authentication; the service refuses.
    const session: AuthContext = {
      workspaceId: free.workspaceId,
      plan: t.app.ctx.plans.get('free'),
      via: 'session',
      principalId: 'usr_x',
      scopes: new Set(['webhooks']),
    };
    await expect(createWebhook(t.app.ctx, session, { url: URL_A, events: ['*'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('keeps every route to its own workspace', async ({ t }) => {
    const owner = await otherWorkspace(t);
    const stranger = await otherWorkspace(t);
    const hook = await create(t, owner.apiKey, { url: URL_A, events: ['*'] });
    await emit(t, owner.workspaceId, 'message.sent', { id: 'msg_1' });
    const [delivery] = await t.app.ctx.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('endpoint_id', '=', hook.id)
      .execute();
    const base = `/v1/webhooks/${hook.id}`;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', base],
      ['PATCH', base, { enabled: false }],
      ['DELETE', base],
      ['POST', `${base}/rotate-secret`],
      ['POST', `${base}/test`],
      ['GET', `${base}/deliveries`],
      ['GET', `${base}/deliveries/${delivery!.id}`],
      ['POST', `${base}/deliveries/${delivery!.id}/retry`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await t.request({
        method: method as 'GET',
        url,
        key: stranger.apiKey,
        payload: payload as object,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(isErrorEnvelope(res.json())).toBe(true);
    }
    const list = await t.request({ method: 'GET', url: '/v1/webhooks', key: stranger.apiKey });
    expect(list.json()).toEqual({ data: [], nextCursor: null });
    // The owner still has it, unchanged.
    const mine = await t.request({ method: 'GET', url: base, key: owner.apiKey });
    expect(mine.json()).toMatchObject({ enabled: true });
  });

  it('answers bad input on every route with a 4xx error envelope', async ({ t }) => {
    const { apiKey } = await otherWorkspace(t);
    const hook = await create(t, apiKey, { url: URL_A, events: ['*'] });
    const base = `/v1/webhooks/${hook.id}`;
    const unknownHook = '/v1/webhooks/whk_00000000000000000000000000';
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', '/v1/webhooks', { url: 'ftp://example.com/x', events: ['*'] }, 400],
      ['POST', '/v1/webhooks', { url: 'http://', events: ['*'] }, 400],
      ['POST', '/v1/webhooks', { url: URL_A, events: [] }, 400],
      ['POST', '/v1/webhooks', { url: URL_A, events: ['message.exploded'] }, 400],
      ['POST', '/v1/webhooks', { url: URL_A, events: ['*', 'message.sent'] }, 400],
      ['POST', '/v1/webhooks', { url: URL_A, events: ['webhook.test'] }, 400],
      ['POST', '/v1/webhooks', { url: URL_A, events: ['*'], secret: 'mine' }, 400],
      ['POST', '/v1/webhooks', { url: URL_A, events: ['*'], description: 'x'.repeat(501) }, 400],
      ['POST', '/v1/webhooks', 'not json', 400],
      ['GET', '/v1/webhooks?limit=0', undefined, 400],
      ['GET', '/v1/webhooks?cursor=nope', undefined, 400],
      ['GET', '/v1/webhooks/not-an-id', undefined, 400],
      ['GET', unknownHook, undefined, 404],
      ['PATCH', base, {}, 400],
      ['PATCH', base, { url: 'javascript:alert(1)' }, 400],
      ['PATCH', base, { enabled: 'yes please' }, 400],
      ['PATCH', unknownHook, { enabled: true }, 404],
      ['DELETE', '/v1/webhooks/whk_bad', undefined, 400],
      ['DELETE', unknownHook, undefined, 404],
      ['POST', `${unknownHook}/rotate-secret`, undefined, 404],
      ['POST', '/v1/webhooks/x/rotate-secret', undefined, 400],
      ['POST', `${unknownHook}/test`, undefined, 404],
      ['GET', `${base}/deliveries?status=lost`, undefined, 400],
      ['GET', `${base}/deliveries?limit=1000`, undefined, 400],
      ['GET', `${base}/deliveries/dlv_nope`, undefined, 400],
      ['GET', `${base}/deliveries/dlv_00000000000000000000000000`, undefined, 404],
      ['POST', `${base}/deliveries/dlv_00000000000000000000000000/retry`, undefined, 404],
      ['POST', `${base}/deliveries/msg_00000000000000000000000000/retry`, undefined, 400],
    ];
    for (const [method, url, payload, status] of cases) {
      const res = await t.request({
        method: method as 'GET',
        url,
        key: apiKey,
        ...(typeof payload === 'string'
          ? { payload, headers: { 'content-type': 'application/json' } }
          : payload === undefined
            ? {}
            : { payload: payload as object }),
      });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(status);
      expect(isErrorEnvelope(res.json()), `${method} ${url}`).toBe(true);
    }
  });

  it('refuses a test or a retry while the endpoint is disabled', async ({ t }) => {
    const { workspaceId, apiKey } = await otherWorkspace(t);
    const hook = await create(t, apiKey, { url: URL_A, events: ['*'], enabled: false });
    const test = await t.request({ method: 'POST', url: `/v1/webhooks/${hook.id}/test`, key: apiKey });
    expect(test.statusCode).toBe(409);
    expect(isErrorEnvelope(test.json())).toBe(true);
    await emit(t, workspaceId, 'message.sent', { id: 'msg_1' });
    const none = await t.request({ method: 'GET', url: `/v1/webhooks/${hook.id}/deliveries`, key: apiKey });
    expect(none.json()).toEqual({ data: [], nextCursor: null });
  });
});
