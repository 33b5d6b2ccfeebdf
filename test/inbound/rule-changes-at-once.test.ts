import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

// A rule's PATCH read the rule and wrote every column back: two changes made at once (an operator
// pausing a rule while another edits its reply) kept only one.
describe("an auto-reply rule's changes made at once", () => {
  it('keep every change', async ({ t }) => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/auto-replies',
      payload: { name: 'hours', match: { type: 'contains', pattern: 'open' }, reply: 'We open at 9' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    for (let round = 1; round <= 3; round++) {
      const patches = [
        { name: `hours ${round}` },
        { reply: `We open at ${8 + round}` },
        { priority: 10 + round },
        { enabled: round % 2 === 0 },
        { cooldownMinutes: round },
      ];
      const answers = await Promise.all(
        patches.map((payload) => t.request({ method: 'PATCH', url: `/v1/auto-replies/${id}`, payload })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
      const rule = await t.request({ method: 'GET', url: `/v1/auto-replies/${id}` });
      expect(rule.json()).toMatchObject({
        name: `hours ${round}`,
        reply: `We open at ${8 + round}`,
        priority: 10 + round,
        enabled: round % 2 === 0,
        cooldownMinutes: round,
        match: { type: 'contains', pattern: 'open' },
      });
    }
  });
});
