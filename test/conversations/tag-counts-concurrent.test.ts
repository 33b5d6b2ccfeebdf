import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { setupOwner, signedIn } from '../dashboard/session.js';
import { conversationWith, customerMessage } from './kit.js';
import { expectTagsTrue } from './tag-truth.js';

const it = appTest();

describe('a tag’s counts and page under concurrent changes', () => {
  it('agree with a real count after concurrent tagging, changes and messages', async ({ t }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009203', name: 'Support' });
    const owner = await setupOwner(t);
    const agent = await signedIn(t, 'agent');
    const team = (await owner.request({ method: 'GET', url: '/v1/team' })).json().data as Array<{
      id: string;
      role: string;
    }>;
    const agentId = team.find((m) => m.role === 'agent')!.id;
    const phones = [0, 1, 2, 3].map((i) => `+1555320000${i}`);
    for (const phone of phones) await customerMessage(t, line, phone, 'hello');
    const ids = [];
    for (const phone of phones) ids.push((await conversationWith(t, phone)).id);

    for (let round = 0; round < 3; round++) {
      const work: Array<Promise<unknown>> = [];
      ids.forEach((id, i) => {
        const tags = [['vip'], ['vip', 'billing'], [], ['billing']][(i + round) % 4]!;
        work.push(owner.request({ method: 'PATCH', url: `/v1/conversations/${id}`, payload: { tags } }));
        work.push(
          agent.request({
            method: 'PATCH',
            url: `/v1/conversations/${id}`,
            payload: { status: ['open', 'pending', 'resolved'][(i + round) % 3], assigneeId: 'me' },
          }),
        );
        work.push(customerMessage(t, line, phones[i]!, `round ${round}`));
        work.push(owner.request({ method: 'POST', url: `/v1/conversations/${id}/read` }));
      });
      const results = await Promise.all(work);
      for (const result of results) {
        if (result && typeof result === 'object' && 'statusCode' in result) {
          expect((result as { statusCode: number }).statusCode).toBe(200);
        }
      }
      await expectTagsTrue(t, ['vip', 'billing'], [line], [agentId]);
    }
    // Every tag row's copy is its conversation's state.
    const stale = await sql<{ n: number | string }>`
      select count(*) as n from conversation_tags ct join conversations c on c.id = ct.conversation_id
      where ct.status <> c.status or coalesce(ct.assignee_id, '') <> coalesce(c.assignee_id, '')
         or ct.last_message_at <> c.last_message_at
         or ct.unread <> case when c.unread_count > 0 then 1 else 0 end`.execute(t.app.ctx.db);
    expect(Number(stale.rows[0]!.n)).toBe(0);
  });
});
