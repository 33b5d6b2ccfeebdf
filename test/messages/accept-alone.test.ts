import { describe, expect } from 'vitest';
import { eventually, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { eventsOfType } from '../conversations/kit.js';
import { transactionsOpenedBy } from '../helpers/transactions.js';

const it = appTest();
it.beforeAll(async ({ t }) => {
  await linkSandboxDevice(t, { phone: '+15550007001' });
});

const send = (t: TestApp, to: string, body: string) =>
  t.request({ method: 'POST', url: '/v1/messages', payload: { to, type: 'text', text: { body } } });

/**
 * Transactions that accepting messages opens while `work` runs: those opened by the send itself
 * or by the shared transactions it joins on SQLite, not the dispatcher's or the receipts'.
 */
const acceptTransactions = (t: TestApp, work: () => Promise<void>): Promise<number> =>
  transactionsOpenedBy(t.app.ctx.db, ['messages/send.ts', 'db/grouped-transactions.ts'], work);

const messagesSent = async (t: TestApp): Promise<number> =>
  (await t.request({ method: 'GET', url: '/v1/workspace' })).json().usage.messagesSent;

const threadOf = (t: TestApp, phone: string) =>
  t.app.ctx.db
    .selectFrom('conversations')
    .select(['id', 'last_message_id', 'otp_only'])
    .where('workspace_id', '=', t.workspaceId)
    .where('phone', '=', phone)
    .execute();

describe('a message accepted in one statement of its own (PostgreSQL)', () => {
  it('a new number and one sent to lately: stored, counted and filed with no transaction around it', async ({
    t,
  }) => {
    const phone = '+15550417001';
    const postgres = t.app.ctx.dialect === 'postgres';
    // A message to another number first: its thread's event reads the workspace's webhook
    // endpoints, so the node knows there are none when the messages below are accepted.
    expect((await send(t, '+15550417000', 'warm')).statusCode).toBe(202);
    const sentBefore = await messagesSent(t);
    const answers: Array<Awaited<ReturnType<typeof send>>> = [];
    const openedFirst = await acceptTransactions(t, async () => {
      answers.push(await send(t, phone, 'first'));
    });
    const openedSecond = await acceptTransactions(t, async () => {
      answers.push(await send(t, phone, 'second'));
    });
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202]);
    const second = answers[1]!;
    // On PostgreSQL neither takes a transaction: the first one's new thread has an event no
    // webhook wants, which needs no row. SQLite shares a transaction among the requests that
    // arrive together.
    expect([openedFirst, openedSecond]).toEqual(postgres ? [0, 0] : [1, 1]);

    const id = second.json().id as string;
    const read = await t.request({ method: 'GET', url: `/v1/messages/${id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id, to: phone, body: 'second' });
    expect(await threadOf(t, phone)).toEqual([expect.objectContaining({ last_message_id: id })]);
    expect(await messagesSent(t)).toBe(sentBefore + 2);
    const created = (await eventsOfType(t, 'conversation.created')).filter((e) => e.phone === phone);
    expect(created).toHaveLength(1);
    // The event carries the thread as the first message made it.
    const first = answers[0]!.json() as { id: string; createdAt: string };
    expect(created[0]).toMatchObject({
      phone,
      status: 'open',
      assigneeId: null,
      unreadCount: 0,
      otpOnly: false,
      tags: [],
      lastMessage: { id: first.id, at: first.createdAt, direction: 'out', preview: 'first' },
      createdAt: first.createdAt,
    });
    await eventually(async () => {
      const status = (await t.request({ method: 'GET', url: `/v1/messages/${id}` })).json().status;
      return status !== 'queued' && status !== 'sending';
    });
  });

  it('a thread erased meanwhile: the message creates the thread again, with its event', async ({ t }) => {
    const phone = '+15550417002';
    expect((await send(t, phone, 'before')).statusCode).toBe(202);
    // The contact exists once the message went out.
    await eventually(async () => {
      const contact = await t.request({ method: 'GET', url: `/v1/contacts/${encodeURIComponent(phone)}` });
      return contact.statusCode === 200;
    });
    const [old] = await threadOf(t, phone);
    const forgot = await t.request({ method: 'DELETE', url: `/v1/contacts/${encodeURIComponent(phone)}` });
    expect(forgot.statusCode).toBe(200);
    expect(await threadOf(t, phone)).toEqual([]);

    const sentBefore = await messagesSent(t);
    const after = await send(t, phone, 'after');
    expect(after.statusCode).toBe(202);
    const threads = await threadOf(t, phone);
    expect(threads).toEqual([expect.objectContaining({ last_message_id: after.json().id })]);
    expect(threads[0]!.id).not.toBe(old!.id);
    const created = (await eventsOfType(t, 'conversation.created')).filter((e) => e.phone === phone);
    expect(created.map((e) => e.id)).toEqual([old!.id, threads[0]!.id]);
    // Stored once.
    const stored = await t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('workspace_id', '=', t.workspaceId)
      .where('phone', '=', phone)
      .execute();
    expect(stored).toHaveLength(2);
    expect(await messagesSent(t)).toBe(sentBefore + 1);
  });

  it('a webhook taking conversation.created: the first message to a number takes a transaction, and the event its delivery', async ({
    t,
  }) => {
    const endpoint = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: { url: 'http://127.0.0.1:9/hook', events: ['conversation.created'] },
    });
    expect(endpoint.statusCode).toBe(201);
    const phone = '+15550417003';
    const opened = await acceptTransactions(t, async () => {
      expect((await send(t, phone, 'hello')).statusCode).toBe(202);
    });
    expect(opened).toBe(1);
    const [thread] = await threadOf(t, phone);
    const events = await t.app.ctx.db
      .selectFrom('events')
      .select('id')
      .where('workspace_id', '=', t.workspaceId)
      .where('type', '=', 'conversation.created')
      .where('data', 'like', `%${thread!.id}%`)
      .execute();
    expect(events).toHaveLength(1);
    const deliveries = await t.app.ctx.db
      .selectFrom('webhook_deliveries')
      .select(['event_type', 'endpoint_id'])
      .where('event_id', '=', events[0]!.id)
      .execute();
    expect(deliveries).toEqual([
      { event_type: 'conversation.created', endpoint_id: endpoint.json().webhook.id as string },
    ]);
  });
});
