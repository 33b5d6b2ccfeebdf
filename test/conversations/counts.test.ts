import { describe, expect } from 'vitest';
import { foldCounts } from '../../src/conversations/counts.js';
import { countQuery, type ConversationFilter } from '../../src/conversations/store.js';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { setupOwner, signedIn, type Browser } from '../dashboard/session.js';
import { automatedSend, conversationWith, customerMessage, listConversations } from './kit.js';

const it = appTest();

/**
 * The kept counts per status against the conversations counted one by one, for every filter they
 * answer (and a few combinations), in API query form and as the store's filter.
 */
async function expectCountsTrue(t: TestApp, lines: string[], members: string[]): Promise<void> {
  const cases: Array<[string, ConversationFilter]> = [
    ['', {}],
    ['includeOtpOnly=true', { includeOtpOnly: true }],
    ['unread=true', { unread: true }],
    ['assignee=none', { assigneeId: null }],
    [
      'assignee=none&unread=true&includeOtpOnly=true',
      { assigneeId: null, unread: true, includeOtpOnly: true },
    ],
    ...members.map((m): [string, ConversationFilter] => [`assignee=${m}`, { assigneeId: m }]),
    ...lines.map((d): [string, ConversationFilter] => [
      `deviceId=${d}&unread=true`,
      { deviceId: d, unread: true },
    ]),
    ...lines.map((d): [string, ConversationFilter] => [`deviceId=${d}&status=open`, { deviceId: d }]),
  ];
  for (const [query, filter] of cases) {
    const expected = { open: 0, pending: 0, resolved: 0 };
    for (const row of await countQuery(t.app.ctx.db, t.workspaceId, filter).execute()) {
      expected[row.status] = Number(row.count);
    }
    expect((await listConversations(t, query)).counts, query).toEqual(expected);
  }
}

describe('counts per status are kept with every change', () => {
  let owner: Browser;
  let agentId: string;
  let ownerId: string;

  it('agree with the conversations through inbound, codes, replies, changes, reads, erasure and deletions', async ({
    t,
  }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009101', name: 'Support' });
    const other = await linkSandboxDevice(t, { phone: '+15550009102', name: 'Sales' });
    owner = await setupOwner(t);
    const agent = await signedIn(t, 'agent');
    const team = (await owner.request({ method: 'GET', url: '/v1/team' })).json().data as Array<{
      id: string;
      role: string;
    }>;
    agentId = team.find((m) => m.role === 'agent')!.id;
    ownerId = team.find((m) => m.role === 'owner')!.id;
    const lines = [line, other];
    const members = [agentId, ownerId];

    // New threads: customers writing (unread), a code-only thread, a thread we start.
    for (let i = 0; i < 6; i++) await customerMessage(t, i % 2 ? other : line, `+1555300000${i}`, `hi ${i}`);
    await customerMessage(t, line, '+15553000000', 'still there?');
    await automatedSend(t, line, '+15553000009', 'verification', 'Your code is 123456');
    await expectCountsTrue(t, lines, members);

    // The code-only thread answered: it joins the inbox. Changes, reads, a reply.
    await customerMessage(t, line, '+15553000009', 'got it, thanks');
    const patch = (b: Browser, id: string, payload: object) =>
      b.request({ method: 'PATCH', url: `/v1/conversations/${id}`, payload });
    const c0 = await conversationWith(t, '+15553000000', line);
    const c1 = await conversationWith(t, '+15553000001', other);
    const c2 = await conversationWith(t, '+15553000002', line);
    const c3 = await conversationWith(t, '+15553000003', other);
    expect((await patch(owner, c0.id, { status: 'resolved', assigneeId: agentId })).statusCode).toBe(200);
    expect((await patch(agent, c1.id, { assigneeId: 'me', status: 'pending' })).statusCode).toBe(200);
    expect((await patch(owner, c2.id, { assigneeId: 'me' })).statusCode).toBe(200);
    expect((await owner.request({ method: 'POST', url: `/v1/conversations/${c3.id}/read` })).statusCode).toBe(
      200,
    );
    const reply = await owner.request({
      method: 'POST',
      url: `/v1/conversations/${c2.id}/messages`,
      payload: { type: 'text', text: { body: 'On it' } },
    });
    expect(reply.statusCode).toBe(202);
    await expectCountsTrue(t, lines, members);

    // A customer writing reopens the resolved one and makes it unread again.
    await customerMessage(t, line, '+15553000000', 'not solved');
    await expectCountsTrue(t, lines, members);

    // Folding the deltas changes no count.
    await foldCounts(t.app.ctx.db, t.app.ctx.dialect, t.workspaceId);
    const rows = await t.app.ctx.db
      .selectFrom('conversation_counts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', t.workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeLessThanOrEqual(12);
    await expectCountsTrue(t, lines, members);

    // Erasure, a member gone (the foreign key sets the assignee to null) and a line deleted:
    // changes made by the database itself are counted too.
    expect(
      (await owner.request({ method: 'DELETE', url: '/v1/contacts/+15553000004' })).statusCode,
    ).toBeLessThan(300);
    await t.app.ctx.db.deleteFrom('users').where('id', '=', agentId).execute();
    expect((await owner.request({ method: 'DELETE', url: `/v1/devices/${other}` })).statusCode).toBe(204);
    await expectCountsTrue(t, [line], [ownerId]);
  });
});
