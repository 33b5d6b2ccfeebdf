import { describe, expect } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
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
});
