import { describe, expect } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

// Every customer message is tried against the workspace's rules, regular expressions included,
// so a workspace with thousands of rules made each inbound message that much work. A workspace
// holds at most 100.
describe('auto-reply rules per workspace', () => {
  it('are at most 100, presets included, and counted with the ones created at once', async ({ t }) => {
    const ws = await otherWorkspace(t);
    const create = (n: number) =>
      t.request({
        method: 'POST',
        url: '/v1/auto-replies',
        key: ws.apiKey,
        payload: { name: `rule ${n}`, match: { type: 'contains', pattern: `word${n}` }, reply: 'Hi' },
      });
    for (let n = 1; n <= 96; n++) expect((await create(n)).statusCode).toBe(201);
    const answers = await Promise.all([97, 98, 99, 100, 101, 102].map((n) => create(n)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(4);
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(refused).toHaveLength(2);
    expect(refused[0]!.json()).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('at most 100 auto-reply rules') },
    });
    const presets = await t.request({ method: 'GET', url: '/v1/auto-replies/presets', key: ws.apiKey });
    const presetId = presets.json<{ data: Array<{ id: string }> }>().data[0]!.id;
    const preset = await t.request({
      method: 'POST',
      url: `/v1/auto-replies/presets/${presetId}`,
      key: ws.apiKey,
      payload: {},
    });
    expect(preset.statusCode).toBe(409);
    const list = await t.request({ method: 'GET', url: '/v1/auto-replies?limit=100', key: ws.apiKey });
    expect(list.json<{ data: unknown[]; nextCursor: string | null }>()).toMatchObject({ nextCursor: null });
    expect(list.json<{ data: unknown[] }>().data).toHaveLength(100);
  });
});
