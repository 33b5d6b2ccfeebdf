import { describe, expect } from 'vitest';
import { foldCounts } from '../../src/conversations/counts.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { setupOwner, signedIn, type Browser } from '../dashboard/session.js';
import { automatedSend, conversationWith, customerMessage } from './kit.js';
import { expectTagsTrue } from './tag-truth.js';

const it = appTest();

describe('a tag’s counts and page are kept with every change (docs/inbox.md, "Counts")', () => {
  let owner: Browser;

  it('agree with a real count through tagging, untagging, changes, messages, erasure and deletions', async ({
    t,
  }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009201', name: 'Support' });
    const other = await linkSandboxDevice(t, { phone: '+15550009202', name: 'Sales' });
    owner = await setupOwner(t);
    const agent = await signedIn(t, 'agent');
    const team = (await owner.request({ method: 'GET', url: '/v1/team' })).json().data as Array<{
      id: string;
      role: string;
    }>;
    const agentId = team.find((m) => m.role === 'agent')!.id;
    const ownerId = team.find((m) => m.role === 'owner')!.id;
    const lines = [line, other];
    const members = [agentId, ownerId];
    const tags = ['vip', 'billing'];
    const patch = async (b: Browser, id: string, payload: object) => {
      const res = await b.request({ method: 'PATCH', url: `/v1/conversations/${id}`, payload });
      expect(res.statusCode, res.body).toBe(200);
    };

    for (let i = 0; i < 6; i++) await customerMessage(t, i % 2 ? other : line, `+1555310000${i}`, `hi ${i}`);
    await automatedSend(t, line, '+15553100009', 'verification', 'Your code is 123456');
    const c = [];
    for (let i = 0; i < 6; i++) c.push(await conversationWith(t, `+1555310000${i}`));
    const code = await conversationWith(t, '+15553100009');
    await expectTagsTrue(t, tags, lines, members);

    // Tagging, a code-only thread included.
    await patch(owner, c[0]!.id, { tags: ['vip'] });
    await patch(owner, c[1]!.id, { tags: ['vip', 'billing'] });
    await patch(agent, c[2]!.id, { tags: ['billing'], assigneeId: 'me', status: 'pending' });
    await patch(owner, c[3]!.id, { tags: ['vip'], status: 'resolved', assigneeId: agentId });
    await patch(owner, code.id, { tags: ['vip'] });
    await expectTagsTrue(t, tags, lines, members);

    // Changes of a tagged conversation: status, assignee, read; then untagging and retagging.
    await patch(owner, c[0]!.id, { status: 'pending', assigneeId: ownerId });
    expect(
      (await owner.request({ method: 'POST', url: `/v1/conversations/${c[1]!.id}/read` })).statusCode,
    ).toBe(200);
    await patch(owner, c[1]!.id, { tags: ['billing'] });
    await patch(owner, c[4]!.id, { tags: ['vip', 'billing'] });
    await patch(owner, c[4]!.id, { tags: [] });
    await expectTagsTrue(t, tags, lines, members);

    // Messages move tagged conversations: a reopened one, a reply, the code-only thread answered.
    await customerMessage(t, line, '+15553100003', 'not solved');
    await customerMessage(t, line, '+15553100009', 'got the code');
    const reply = await owner.request({
      method: 'POST',
      url: `/v1/conversations/${c[0]!.id}/messages`,
      payload: { type: 'text', text: { body: 'On it' } },
    });
    expect(reply.statusCode).toBe(202);
    await expectTagsTrue(t, tags, lines, members);

    // Folding changes no count, and leaves a row per bucket.
    await foldCounts(t.app.ctx.db, t.app.ctx.dialect, t.workspaceId, 'conversation_tag_counts');
    const rows = await t.app.ctx.db
      .selectFrom('conversation_tag_counts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', t.workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeLessThanOrEqual(8);
    await expectTagsTrue(t, tags, lines, members);

    // What the database does itself: erasure, a member gone (assignee set to null), a line deleted.
    expect(
      (await owner.request({ method: 'DELETE', url: '/v1/contacts/+15553100000' })).statusCode,
    ).toBeLessThan(300);
    await t.app.ctx.db.deleteFrom('users').where('id', '=', agentId).execute();
    await expectTagsTrue(t, tags, lines, [ownerId]);
    expect((await owner.request({ method: 'DELETE', url: `/v1/devices/${other}` })).statusCode).toBe(204);
    await expectTagsTrue(t, tags, [line], [ownerId]);
    // Nothing is left over for what is gone: the kept rows of the deleted line sum to zero.
    const leftover = await t.app.ctx.db
      .selectFrom('conversation_tag_counts')
      .select((eb) => eb.fn.sum<number | string>('n').as('n'))
      .where('device_id', '=', other)
      .executeTakeFirst();
    expect(Number(leftover?.n ?? 0)).toBe(0);
  });
});
