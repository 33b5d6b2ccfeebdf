import { describe, expect } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest({
  plans: { duo: { devices: 2, messagesPerMonth: null, api: true, requestsPerMinute: null } },
});

// The plan's device limit was counted before the new device's transaction: on PostgreSQL six
// devices created at once each counted none of the others, and a plan of two had six.
describe("the plan's device limit", () => {
  it('holds for devices created at once', async ({ t }) => {
    const duo = await otherWorkspace(t, 'duo');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_v, i) =>
        t.request({ method: 'POST', url: '/v1/devices', payload: { name: `Line ${i}` }, key: duo.apiKey }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 403, 403, 403, 403]);
    for (const refused of answers.filter((a) => a.statusCode === 403))
      expect(refused.json<{ error: { message: string } }>().error.message).toContain('plan allows 2 devices');
    const list = await t.request({ method: 'GET', url: '/v1/devices?limit=100', key: duo.apiKey });
    expect(list.json<{ data: unknown[] }>().data).toHaveLength(2);
  });
});
