import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { setupOwner, signedIn } from '../dashboard/session.js';
import { conversationWith, customerMessage, eventsOfType } from './kit.js';

const it = appTest();

// A conversation's PATCH read the conversation without a lock: on PostgreSQL, requests at once each
// saw the status before the others and each reported a move, and an agent's "unassign my own"
// was checked against the assignee before an admin's reassignment and undid it.
describe("a conversation's changes made at once", () => {
  it('report each move once, from what was there', async ({ t }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009301', name: 'Support' });
    const phone = '+15553300001';
    await customerMessage(t, line, phone, 'hello');
    const { id } = await conversationWith(t, phone);
    for (const status of ['resolved', 'open', 'pending']) {
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() =>
          t.request({ method: 'PATCH', url: `/v1/conversations/${id}`, payload: { status } }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    }
    const moves = (await eventsOfType(t, 'conversation.status_changed')).filter((e) => e.id === id);
    expect(moves.map((e) => [e.previousStatus, e.status])).toEqual([
      ['open', 'resolved'],
      ['resolved', 'open'],
      ['open', 'pending'],
    ]);
  });

  it('let an agent unassign only a conversation that is still theirs', async ({ t }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009302', name: 'Sales' });
    const owner = await setupOwner(t);
    const agent = await signedIn(t, 'agent');
    const team = (await owner.request({ method: 'GET', url: '/v1/team' })).json<{
      data: Array<{ id: string; role: string }>;
    }>().data;
    const agentId = team.find((m) => m.role === 'agent')!.id;
    const ownerId = team.find((m) => m.role === 'owner')!.id;
    for (let round = 0; round < 8; round++) {
      const phone = `+1555330010${round}`;
      await customerMessage(t, line, phone, 'hello');
      const { id } = await conversationWith(t, phone);
      const url = `/v1/conversations/${id}`;
      const mine = await agent.request({ method: 'PATCH', url, payload: { assigneeId: 'me' } });
      expect(mine.json()).toMatchObject({ assigneeId: agentId });
      const [handedOver, dropped] = await Promise.all([
        owner.request({ method: 'PATCH', url, payload: { assigneeId: ownerId } }),
        // Sent a moment after, by a different moment each round, to meet the owner's change midway.
        new Promise((resolve) => setTimeout(resolve, round)).then(() =>
          agent.request({ method: 'PATCH', url, payload: { assigneeId: null } }),
        ),
      ]);
      expect(handedOver.statusCode).toBe(200);
      const now = (await owner.request({ method: 'GET', url })).json<{ assigneeId: string | null }>();
      // Either the agent let go first and the owner took it, or the owner took it first and the
      // agent's unassign was refused: never an owner's conversation unassigned by an agent.
      if (dropped.statusCode === 200) expect(now.assigneeId).toBe(ownerId);
      else {
        expect(dropped.statusCode).toBe(403);
        expect(now.assigneeId).toBe(ownerId);
      }
    }
  });
});
