import http from 'node:http';
import { describe, expect } from 'vitest';
import { otherWorkspace, type TestApp } from '../helpers/app.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { purgeExpiredIdempotencyKeys } from '../../src/http/idempotency.js';
import { appTest } from '../helpers/fixture.js';
import { listenLocal } from '../helpers/raw-http.js';
import { claimInProgress, hookOfClaim } from '../helpers/idempotency-claims.js';

const it = appTest();

/** The file's app, for the helpers below (tests get it as their `t`). */
let t: TestApp;

it.beforeAll(async ({ t: app }) => {
  t = app;
  await linkSandboxDevice(t);
});

const send = (key: string, body: object, apiKey?: string) =>
  t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: body,
    headers: { 'idempotency-key': key },
    key: apiKey,
  });
const count = async (phone: string) =>
  (await t.app.ctx.db.selectFrom('messages').select('id').where('phone', '=', phone).execute()).length;

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    const body = { to: '+15550100001', type: 'text', text: { body: 'once' } };
    const first = await send('order-1', body);
    const second = await send('order-1', { text: { body: 'once' }, type: 'text', to: '+15550100001' });
    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await count('+15550100001')).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    await send('order-2', { to: '+15550100002', type: 'text', text: { body: 'a' } });
    const other = await send('order-2', { to: '+15550100002', type: 'text', text: { body: 'b' } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('refuses the same key on another endpoint', async ({ t }) => {
    await send('shared', { to: '+15550100003', type: 'text', text: { body: 'a' } });
    const res = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'x', body: 'y' },
      headers: { 'idempotency-key': 'shared' },
    });
    expect(res.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('10 concurrent requests with one key make exactly one message', async () => {
    const body = { to: '+15550100004', type: 'text', text: { body: 'race' } };
    const answers = await Promise.all(Array.from({ length: 10 }, () => send('race-key', body)));
    const ok = answers.filter((a) => a.statusCode === 202);
    const busy = answers.filter((a) => a.statusCode === 409);
    expect(ok.length + busy.length).toBe(10);
    expect(busy.every((a) => a.json().error.code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(new Set(ok.map((a) => a.json().id)).size).toBe(1);
    expect(await count('+15550100004')).toBe(1);
    const later = await send('race-key', body);
    expect(later.json().id).toBe(ok[0]!.json().id);
  });

  it('keys are scoped to the workspace', async ({ t }) => {
    const b = await otherWorkspace(t);
    await linkSandboxDevice(t, { key: b.apiKey, phone: '+15550002020' });
    const body = { to: '+15550100005', type: 'text', text: { body: 'scoped' } };
    const a = await send('same-key', body);
    const bRes = await send('same-key', body, b.apiKey);
    expect(bRes.statusCode).toBe(202);
    expect(bRes.json().id).not.toBe(a.json().id);
  });

  it('sweeps keys past their 24 hours and keeps the others', async ({ t }) => {
    await send('old-key', { to: '+15550100007', type: 'text', text: { body: 'old' } });
    await send('fresh-key', { to: '+15550100008', type: 'text', text: { body: 'fresh' } });
    await t.app.ctx.db
      .updateTable('idempotency_keys')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('key', '=', 'old-key')
      .execute();
    expect(await purgeExpiredIdempotencyKeys(t.app.ctx)).toBe(1);
    const left = await t.app.ctx.db.selectFrom('idempotency_keys').select('key').execute();
    expect(left.map((r) => r.key)).toContain('fresh-key');
    expect(left.map((r) => r.key)).not.toContain('old-key');
  });

  it('keeps nothing for a refused request, so a corrected retry with the same key goes through', async () => {
    const missing = await send('transient', {
      to: '+15550100006',
      type: 'text',
      text: { body: 'later' },
      deviceId: 'dev_01m8b9h1cdef936fj2a94dxtvj',
    });
    expect(missing.statusCode).toBe(404);
    const badNumber = await send('corrected', { to: '0155 1234567', type: 'text', text: { body: 'hi' } });
    expect(badNumber.statusCode).toBe(400);
    const corrected = await send('corrected', { to: '+15550100006', type: 'text', text: { body: 'hi' } });
    expect(corrected.statusCode).toBe(202);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('+15550100006')).toBe(1);
    const invalid = await send('bad-key\u0001', { to: '+15550100006', type: 'text', text: { body: 'x' } });
    expect(invalid.statusCode).toBe(400);
  });

  it('says a key sent in two headers was given twice, not that it holds a space', async () => {
    // Over a socket: each header line as sent, which Node joins into "order-7, order-8".
    const port = await listenLocal(t.app);
    const body = JSON.stringify({ to: '+15550100017', type: 'text', text: { body: 'twice' } });
    const answer = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/messages',
          headers: {
            authorization: `Bearer ${t.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': ['order-7', 'order-8'],
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer).toEqual({
      status: 400,
      json: {
        error: {
          code: 'VALIDATION_ERROR',
          message: 'Idempotency-Key must be given once',
          details: [{ field: 'header.idempotency-key', message: 'must be given once' }],
          requestId: expect.any(String),
        },
      },
    });
    expect(await count('+15550100017')).toBe(0);
  });

  it('a retry after a crash between the commit and the stored answer replays the message, not a second send', async ({
    t,
  }) => {
    const body = { to: '+15550100009', type: 'text', text: { body: 'crash once' } };
    const first = await send('crash-key', body);
    expect(first.statusCode).toBe(202);
    // What a process killed right after the accepting commit leaves behind: the claim still
    // in progress, no answer stored, claimed long enough ago that a retry may take it over.
    await t.app.ctx.db
      .updateTable('idempotency_keys')
      .set({
        state: 'in_progress',
        response_status: null,
        response_body: null,
        created_at: new Date(Date.now() - 120_000).toISOString(),
      })
      .where('key', '=', 'crash-key')
      .execute();
    const retry = await send('crash-key', body);
    expect(retry.statusCode).toBe(202);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await count('+15550100009')).toBe(1);
  });

  it('a request whose claim a retry took over cannot commit its message', async ({ t }) => {
    const body = { to: '+15550100010', type: 'text', text: { body: 'slow first' } };
    // A first request that has held its claim for two minutes without creating anything yet…
    await claimInProgress(t, { key: 'slow-key', body, token: 'first-token', claimedMsAgo: 120_000 });
    // …is taken over by a retry, which sends.
    const retry = await send('slow-key', body);
    expect(retry.statusCode).toBe(202);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    // The first request now commits its own creation under its old claim: refused, rolled back.
    const hook = hookOfClaim(t, 'slow-key', 'first-token');
    // A row only the first request's transaction writes, to see whether it was rolled back.
    const probes = () =>
      t.app.ctx.db
        .selectFrom('message_status_history')
        .select('status')
        .where('error_code', '=', 'PROBE')
        .execute();
    await expect(
      t.app.ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('message_status_history')
          .values({
            message_id: retry.json().id,
            status: 'queued',
            at: new Date().toISOString(),
            error_code: 'PROBE',
          })
          .execute();
        await hook(trx, 'msg_from_the_slow_request');
      }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(await probes()).toEqual([]);
    const row = await t.app.ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', 'slow-key')
      .executeTakeFirstOrThrow();
    expect(row.resource_id).toBe(retry.json().id);
    expect(await count('+15550100010')).toBe(1);
  });
});
