import { describe, expect } from 'vitest';
import type { MessageRow } from '../../src/messages/tables.js';
import { createKey, otherWorkspace, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { makeMessage } from '../helpers/factories.js';
import { linkSandboxDevice, waitForStatus } from '../helpers/sandbox.js';
import { setupOwner, signedIn } from '../dashboard/session.js';

const it = appTest();

type Fields = Partial<MessageRow>;
const make = (t: TestApp, fields: Fields) =>
  makeMessage(t.app.ctx.db, { workspace_id: t.workspaceId, ...fields });

const statusOf = async (t: TestApp, id: string) =>
  (await t.request({ method: 'GET', url: `/v1/messages/${id}` })).json() as {
    status: string;
    timeline: Array<{ status: string }>;
  };

describe('bulk cancel', () => {
  it('cancels the queued messages named, and reports the others with their status', async ({ t }) => {
    const queued = await make(t, { phone: '+15556000001', status: 'queued' });
    const queued2 = await make(t, { phone: '+15556000001', status: 'queued' });
    const sent = await make(t, { phone: '+15556000001', status: 'sent' });
    const foreign = await makeMessage(t.app.ctx.db, {
      workspace_id: (await otherWorkspace(t)).workspaceId,
      status: 'queued',
    });
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages/cancel',
      payload: { ids: [queued.id, sent.id, queued2.id, foreign.id] },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.canceled).toEqual([queued.id, queued2.id]);
    expect(body.more).toBe(false);
    expect(body.skipped).toEqual([
      {
        id: sent.id,
        status: 'sent',
        reason: 'NOT_QUEUED',
        message: expect.stringContaining('this one is sent'),
      },
      { id: foreign.id, status: null, reason: 'NOT_FOUND', message: 'Message not found' },
    ]);
    const after = await statusOf(t, queued.id);
    expect(after.status).toBe('canceled');
    expect(after.timeline.map((s) => s.status)).toEqual(['queued', 'canceled']);
    expect((await statusOf(t, sent.id)).status).toBe('sent');
    const other = await t.app.ctx.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(other.status).toBe('queued');
  });

  it('cancels the queued messages the filter selects, and only those', async ({ t }) => {
    const a = await make(t, { phone: '+15556000101', status: 'queued', body: 'promo spring' });
    const b = await make(t, { phone: '+15556000102', status: 'queued', body: 'promo spring' });
    const other = await make(t, { phone: '+15556000103', status: 'queued', body: 'invoice' });
    const sent = await make(t, { phone: '+15556000104', status: 'sent', body: 'promo spring' });
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages/cancel',
      payload: { filter: { q: 'promo', to: '5556000' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ canceled: [a.id, b.id], skipped: [], more: false });
    expect((await statusOf(t, other.id)).status).toBe('queued');
    expect((await statusOf(t, sent.id)).status).toBe('sent');
  });

  it('needs exactly one of ids or filter', async ({ t }) => {
    for (const payload of [{}, { ids: [], filter: {} }, { ids: ['msg_x'] }, { filter: { status: 'sent' } }]) {
      const res = await t.request({ method: 'POST', url: '/v1/messages/cancel', payload });
      expect(res.statusCode).toBe(400);
    }
    const both = await t.request({
      method: 'POST',
      url: '/v1/messages/cancel',
      payload: { ids: [(await make(t, {})).id], filter: {} },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.message).toMatch(/ids or filter/);
  });
});

describe('bulk retry', () => {
  it('sends each failed message again as a new message, and leaves the rest alone', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t, { phone: '+15550006000' });
    const failed = await make(t, {
      phone: '+15556000201',
      status: 'failed',
      body: 'Your parcel is on its way',
      priority: 2,
      metadata: '{"order":"o_1"}',
      error_code: 'SEND_FAILED',
      device_id: deviceId,
    });
    const read = await make(t, { phone: '+15556000201', status: 'read' });
    const code = await make(t, {
      phone: '+15556000201',
      status: 'failed',
      body: 'Your code is ••••••',
      masked: 1,
      source: 'verification',
    });
    const erased = await make(t, { phone: '+15556000201', status: 'failed', body: null });
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages/retry',
      payload: { ids: [failed.id, read.id, code.id, erased.id] },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.retried).toHaveLength(1);
    expect(body.retried[0].id).toBe(failed.id);
    expect(body.skipped.map((s: { id: string; reason: string }) => [s.id, s.reason])).toEqual([
      [read.id, 'NOT_FAILED'],
      [code.id, 'ONE_TIME_CODE'],
      [erased.id, 'BODY_ERASED'],
    ]);
    const copy = (
      await t.request({ method: 'GET', url: `/v1/messages/${body.retried[0].messageId}` })
    ).json();
    expect(copy).toMatchObject({
      to: '+15556000201',
      body: 'Your parcel is on its way',
      priority: 'high',
      metadata: { order: 'o_1' },
      source: 'api',
    });
    await waitForStatus(t, copy.id, 'read');
    expect((await statusOf(t, failed.id)).status).toBe('failed');
  });

  it('reports a send refused now with its error code', async ({ t }) => {
    const other = await otherWorkspace(t);
    const failed = await makeMessage(t.app.ctx.db, {
      workspace_id: other.workspaceId,
      status: 'failed',
      body: 'hi',
    });
    const res = await t.request({
      method: 'POST',
      url: '/v1/messages/retry',
      payload: { ids: [failed.id] },
      key: other.apiKey,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      retried: [],
      skipped: [
        {
          id: failed.id,
          status: 'failed',
          reason: 'SESSION_DISCONNECTED',
          message: 'This workspace has no WhatsApp device; add one and link it (POST /v1/devices)',
        },
      ],
    });
  });
});

describe('roles and scopes', () => {
  it('lets an agent cancel and retry, not a viewer nor a key without the messages scope', async ({ t }) => {
    await setupOwner(t);
    const agent = await signedIn(t, 'agent');
    const viewer = await signedIn(t, 'viewer');
    const queued = await make(t, { status: 'queued' });
    const denied = await viewer.request({
      method: 'POST',
      url: '/v1/messages/cancel',
      payload: { ids: [queued.id] },
    });
    expect(denied.statusCode).toBe(403);
    const retryDenied = await viewer.request({
      method: 'POST',
      url: '/v1/messages/retry',
      payload: { ids: [queued.id] },
    });
    expect(retryDenied.statusCode).toBe(403);
    const key = await createKey(t, ['devices']);
    const keyDenied = await t.request({
      method: 'POST',
      url: '/v1/messages/cancel',
      payload: { ids: [queued.id] },
      key,
    });
    expect(keyDenied.statusCode).toBe(403);
    const keyCount = await t.request({ method: 'GET', url: '/v1/messages/count', key });
    expect(keyCount.statusCode).toBe(403);
    const allowed = await agent.request({
      method: 'POST',
      url: '/v1/messages/cancel',
      payload: { ids: [queued.id] },
    });
    expect(allowed.json().canceled).toEqual([queued.id]);
  });
});
