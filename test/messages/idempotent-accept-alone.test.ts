import { describe, expect } from 'vitest';
import { otherWorkspace, workspacePlan, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { claimInProgress, hookOfClaim, keyWritesDuring } from '../helpers/idempotency-claims.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { transactionsOpenedBy } from '../helpers/transactions.js';
import { monthPeriod } from '../../src/lib/time.js';
import { sendMessage } from '../../src/messages/send.js';

const it = appTest({
  plans: { trial: { devices: 1, messagesPerMonth: 2, api: true, requestsPerMinute: null } },
});

const sendWithKey = (t: TestApp, key: string, body: object, apiKey?: string) =>
  t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: body,
    headers: { 'idempotency-key': key },
    ...(apiKey ? { key: apiKey } : {}),
  });

/** Transactions the accept opens (its own or SQLite's shared ones), not background work's. */
const acceptTransactions = (t: TestApp, work: () => Promise<void>): Promise<number> =>
  transactionsOpenedBy(t.app.ctx.db, ['messages/send.ts', 'db/grouped-transactions.ts'], work);

const keyRow = (t: TestApp, workspaceId: string, key: string) =>
  t.app.ctx.db
    .selectFrom('idempotency_keys')
    .select(['state', 'resource_id', 'claim_token'])
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();

const messagesTo = (t: TestApp, phone: string) =>
  t.app.ctx.db.selectFrom('messages').select('id').where('phone', '=', phone).execute();

const counted = async (t: TestApp, workspaceId: string) =>
  (
    await t.app.ctx.db
      .selectFrom('usage_counters')
      .select('messages_sent')
      .where('workspace_id', '=', workspaceId)
      .where('period', '=', monthPeriod(t.app.ctx.clock.now()))
      .executeTakeFirst()
  )?.messages_sent ?? 0;

describe('a message sent with an Idempotency-Key, stored in one statement (PostgreSQL)', () => {
  it('is stored, counted and recorded on its key with its answer without a transaction, and replayed after', async ({
    t,
  }) => {
    await linkSandboxDevice(t, { phone: '+15550419000' });
    const phone = '+15550419001';
    const body = { to: phone, type: 'text', text: { body: 'your code is 123456' } };
    const before = await counted(t, t.workspaceId);
    let first: Awaited<ReturnType<typeof sendWithKey>> | undefined;
    const { result: opened, writes } = await keyWritesDuring(t.app.ctx.db, () =>
      acceptTransactions(t, async () => {
        first = await sendWithKey(t, 'code-1', body);
      }),
    );
    // On PostgreSQL the answer is stored with the message: no statement after the response.
    expect(writes).toBe(t.app.ctx.dialect === 'postgres' ? 0 : 1);
    expect(first!.statusCode).toBe(202);
    const id = first!.json().id as string;
    // On PostgreSQL the key's record of the message is part of the statement that stores it, a
    // new number's thread too (no webhook wants its event). SQLite shares its transactions.
    expect(opened).toBe(1 - Number(t.app.ctx.dialect === 'postgres'));
    expect(await keyRow(t, t.workspaceId, 'code-1')).toMatchObject({ state: 'done', resource_id: id });
    expect(await counted(t, t.workspaceId)).toBe(before + 1);

    const replay = await sendWithKey(t, 'code-1', body);
    expect(replay.statusCode).toBe(202);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // The answer stored with the message is the first answer, byte for byte.
    expect(replay.body).toBe(first!.body);
    expect((await messagesTo(t, phone)).map((m) => m.id)).toEqual([id]);
    expect(await counted(t, t.workspaceId)).toBe(before + 1);
  });

  it('a request whose claim a retry took over stores nothing and counts nothing', async ({ t }) => {
    await linkSandboxDevice(t, { phone: '+15550419100' });
    const phone = '+15550419101';
    // A number this node sent to lately: the statement alone is tried whatever the workspace's
    // webhooks want.
    expect(
      (await sendWithKey(t, 'warm-1', { to: phone, type: 'text', text: { body: 'hi' } })).statusCode,
    ).toBe(202);
    const body = { to: phone, type: 'text', text: { body: 'slow first' } };
    // The claim of a slow first request, which a retry has since taken over (a new token).
    await claimInProgress(t, { key: 'slow-1', body, token: 'the-retry-token', claimedMsAgo: 0 });
    const slowHook = hookOfClaim(t, 'slow-1', 'the-first-token');
    const before = await counted(t, t.workspaceId);
    const stored = (await messagesTo(t, phone)).length;

    await expect(
      sendMessage(t.app.ctx, t.workspaceId, await workspacePlan(t), body as never, {
        source: 'api',
        onCreate: slowHook,
      }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect((await messagesTo(t, phone)).length).toBe(stored);
    expect(await counted(t, t.workspaceId)).toBe(before);
    expect(await keyRow(t, t.workspaceId, 'slow-1')).toMatchObject({
      state: 'in_progress',
      resource_id: null,
      claim_token: 'the-retry-token',
    });
  });

  it('past the month’s quota: 429, nothing stored or counted, and the key left free', async ({ t }) => {
    const trial = await otherWorkspace(t, 'trial');
    await linkSandboxDevice(t, { key: trial.apiKey, phone: '+15550419200' });
    const phone = '+15550419201';
    const text = (body: string) => ({ to: phone, type: 'text', text: { body } });
    expect((await sendWithKey(t, 'q-1', text('one'), trial.apiKey)).statusCode).toBe(202);
    expect((await sendWithKey(t, 'q-2', text('two'), trial.apiKey)).statusCode).toBe(202);
    const refused = await sendWithKey(t, 'q-3', text('three'), trial.apiKey);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { limit: 2 } });
    expect(await messagesTo(t, phone)).toHaveLength(2);
    expect(await counted(t, trial.workspaceId)).toBe(2);
    expect(await keyRow(t, trial.workspaceId, 'q-3')).toBeUndefined();
  });
});
