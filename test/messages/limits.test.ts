import { describe, expect } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { publishedEvents } from '../helpers/published.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest({
  plans: { trial: { devices: 1, messagesPerMonth: 3, api: true, requestsPerMinute: null } },
});

describe('plan limits', () => {
  it('refuses devices past the plan limit with 403 and messages past the monthly quota with 429', async ({
    t,
  }) => {
    const trial = await otherWorkspace(t, 'trial');
    await linkSandboxDevice(t, { key: trial.apiKey, phone: '+15550005050' });
    const second = await t.request({
      method: 'POST',
      url: '/v1/devices',
      payload: { name: 'two' },
      key: trial.apiKey,
    });
    expect(second.statusCode).toBe(403);
    expect(second.json().error.message).toContain('trial plan allows 1 device');

    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.request({
          method: 'POST',
          url: '/v1/messages',
          payload: { to: '+15550400000', type: 'text', text: { body: `m${i}` } },
          key: trial.apiKey,
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(3);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.json().error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { limit: 3 } });
    const usage = (await t.request({ method: 'GET', url: '/v1/workspace', key: trial.apiKey })).json().usage;
    expect(usage).toMatchObject({ messagesSent: 3, messagesRemaining: 0 });
    // A refused message is undone whole: counted last, after its row and its conversation.
    const accepted = answers.filter((a) => a.statusCode === 202).map((a) => a.json().id as string);
    const stored = await t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('workspace_id', '=', trial.workspaceId)
      .execute();
    expect(stored.map((m) => m.id).sort()).toEqual([...accepted].sort());
    const conversation = await t.app.ctx.db
      .selectFrom('conversations')
      .select('last_message_id')
      .where('workspace_id', '=', trial.workspaceId)
      .where('phone', '=', '+15550400000')
      .executeTakeFirstOrThrow();
    expect(accepted).toContain(conversation.last_message_id);
  });

  it('leaves no trace of a refused message: no thread it would have started, no move of an old one', async ({
    t,
  }) => {
    const trial = await otherWorkspace(t, 'trial');
    await linkSandboxDevice(t, { key: trial.apiKey, phone: '+15550005051' });
    const send = (to: string) =>
      t.request({
        method: 'POST',
        url: '/v1/messages',
        payload: { to, type: 'text', text: { body: `to ${to}` } },
        key: trial.apiKey,
      });
    const threads = () =>
      t.app.ctx.db
        .selectFrom('conversations')
        .select(['phone', 'last_message_id'])
        .where('workspace_id', '=', trial.workspaceId)
        .orderBy('phone')
        .execute();
    const created = () =>
      publishedEvents(t, (e) => e.workspaceId === trial.workspaceId && e.type === 'conversation.created');

    for (const to of ['+15550410001', '+15550410002', '+15550410003'])
      expect((await send(to)).statusCode).toBe(202);
    const before = await threads();
    expect(before).toHaveLength(3);
    expect(created()).toHaveLength(3);

    // A new number's thread would be created with the message; an old one's would move to it.
    for (const to of ['+15550410004', '+15550410001']) {
      const refused = await send(to);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('QUOTA_EXCEEDED');
    }
    expect(await threads()).toEqual(before);
    expect(created()).toHaveLength(3);
  });
});

describe('a refused send with an Idempotency-Key', () => {
  it('leaves the key free: the retry is refused again, not held as in progress', async ({ t }) => {
    const trial = await otherWorkspace(t, 'trial');
    await linkSandboxDevice(t, { key: trial.apiKey, phone: '+15550005060' });
    const send = (key?: string) =>
      t.request({
        method: 'POST',
        url: '/v1/messages',
        payload: { to: '+15550420000', type: 'text', text: { body: 'hi' } },
        key: trial.apiKey,
        headers: key ? { 'idempotency-key': key } : {},
      });
    for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(202);
    // The key's claim runs in the accepting transaction, which the quota then rolls back.
    const first = await send('over-quota-1');
    expect(first.statusCode).toBe(429);
    const retry = await send('over-quota-1');
    expect(retry.statusCode).toBe(429);
    expect(retry.json().error.code).toBe('QUOTA_EXCEEDED');
    const keys = await t.app.ctx.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('workspace_id', '=', trial.workspaceId)
      .execute();
    expect(keys).toEqual([]);
  });
});
