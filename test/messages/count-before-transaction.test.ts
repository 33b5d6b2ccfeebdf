import { describe, expect } from 'vitest';
import { otherWorkspace, workspacePlan, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { sendMessage } from '../../src/messages/send.js';
import { monthPeriod } from '../../src/lib/time.js';

const it = appTest({
  plans: { trial: { devices: 1, messagesPerMonth: 3, api: true, requestsPerMinute: null } },
});

/** The month's count of a workspace as stored, read on a connection of its own. */
const counted = async (t: TestApp, workspaceId: string) =>
  (await t.app.ctx.db
    .selectFrom('usage_counters')
    .select(['messages_sent', 'verifications'])
    .where('workspace_id', '=', workspaceId)
    .where('period', '=', monthPeriod(t.app.ctx.clock.now()))
    .executeTakeFirst()) ?? { messages_sent: 0, verifications: 0 };

const storedTo = async (t: TestApp, workspaceId: string, phone: string) =>
  (
    await t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('phone', '=', phone)
      .execute()
  ).length;

describe('the month’s count of a message accepted in a transaction', () => {
  it('never passes the plan’s limit under concurrent idempotent sends, and counts what was stored', async ({
    t,
  }) => {
    const trial = await otherWorkspace(t, 'trial');
    await linkSandboxDevice(t, { key: trial.apiKey, phone: '+15550418000' });
    const phone = '+15550418001';
    // Each with a key of its own: the key's record is written with the message (in the one
    // statement on PostgreSQL when it can, else in the transaction).
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.request({
          method: 'POST',
          url: '/v1/messages',
          payload: { to: phone, type: 'text', text: { body: `m${i}` } },
          headers: { 'idempotency-key': `count-${i}` },
          key: trial.apiKey,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, 202, 202, 429, 429, 429, 429, 429]);
    expect(answers.find((a) => a.statusCode === 429)!.json().error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { limit: 3 },
    });
    expect(await storedTo(t, trial.workspaceId, phone)).toBe(3);
    expect((await counted(t, trial.workspaceId)).messages_sent).toBe(3);
    const usage = (await t.request({ method: 'GET', url: '/v1/workspace', key: trial.apiKey })).json().usage;
    expect(usage).toMatchObject({ messagesSent: 3, messagesRemaining: 0 });
  });

  it('takes the count back when the transaction that was to store the message fails', async ({ t }) => {
    await linkSandboxDevice(t, { phone: '+15550418100' });
    const phone = '+15550418101';
    const { ctx } = t.app;
    const plan = await workspacePlan(t);
    const before = await counted(t, t.workspaceId);
    let countedInside: number | undefined;
    const failed = sendMessage(
      ctx,
      t.workspaceId,
      plan,
      { to: phone, type: 'text', text: { body: 'never stored' } },
      {
        source: 'api',
        countsVerification: true,
        onCreate: async () => {
          // On PostgreSQL the count is committed before the transaction: another connection sees
          // it. SQLite's one connection is this transaction's until it ends.
          if (ctx.dialect === 'postgres') countedInside = (await counted(t, t.workspaceId)).messages_sent;
          throw new Error('the idempotency record could not be written');
        },
      },
    );
    await expect(failed).rejects.toThrow('the idempotency record could not be written');
    if (ctx.dialect === 'postgres') expect(countedInside).toBe(before.messages_sent + 1);
    expect(await counted(t, t.workspaceId)).toEqual(before);
    expect(await storedTo(t, t.workspaceId, phone)).toBe(0);

    // The next one is counted once, with its verification.
    await sendMessage(
      ctx,
      t.workspaceId,
      plan,
      { to: phone, type: 'text', text: { body: 'stored' } },
      { source: 'api', countsVerification: true, onCreate: async () => undefined },
    );
    expect(await counted(t, t.workspaceId)).toEqual({
      messages_sent: before.messages_sent + 1,
      verifications: before.verifications + 1,
    });
    expect(await storedTo(t, t.workspaceId, phone)).toBe(1);
  });
});
