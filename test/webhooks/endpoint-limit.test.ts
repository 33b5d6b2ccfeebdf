import { describe, expect } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { isErrorEnvelope } from './kit.js';

const it = appTest();

// Every event is written once per subscribed endpoint, so a workspace with thousands of endpoints
// made each message thousands of delivery rows. A workspace holds at most 20, as Stripe's 16.
describe('webhook endpoints per workspace', () => {
  it('are at most 20: the next is a 409 until one is deleted', async ({ t }) => {
    const ws = await otherWorkspace(t);
    const create = (n: number) =>
      t.request({
        method: 'POST',
        url: '/v1/webhooks',
        key: ws.apiKey,
        payload: { url: `http://127.0.0.1:9/hook-${n}`, events: ['*'] },
      });
    const ids: string[] = [];
    for (let n = 1; n <= 20; n++) {
      const res = await create(n);
      expect(res.statusCode).toBe(201);
      ids.push(res.json<{ webhook: { id: string } }>().webhook.id);
    }
    const over = await create(21);
    expect(over.statusCode).toBe(409);
    expect(isErrorEnvelope(over.json())).toBe(true);
    expect(over.json()).toMatchObject({
      error: { code: 'CONFLICT', message: expect.stringContaining('at most 20 webhook endpoints') },
    });
    expect((await create(22)).statusCode).toBe(409);
    // Another workspace is not affected.
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/v1/webhooks',
          payload: { url: 'http://127.0.0.1:9/other', events: ['*'] },
        })
      ).statusCode,
    ).toBe(201);
    await t.request({ method: 'DELETE', url: `/v1/webhooks/${ids[0]}`, key: ws.apiKey });
    expect((await create(23)).statusCode).toBe(201);
  });

  it('are counted with the ones created at the same moment', async ({ t }) => {
    const ws = await otherWorkspace(t);
    for (let n = 1; n <= 17; n++) {
      await t.request({
        method: 'POST',
        url: '/v1/webhooks',
        key: ws.apiKey,
        payload: { url: `http://127.0.0.1:9/hook-${n}`, events: ['*'] },
      });
    }
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        t.request({
          method: 'POST',
          url: '/v1/webhooks',
          key: ws.apiKey,
          payload: { url: `http://127.0.0.1:9/at-once-${n}`, events: ['*'] },
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(3);
    const list = await t.request({ method: 'GET', url: '/v1/webhooks?limit=100', key: ws.apiKey });
    expect(list.json<{ data: unknown[] }>().data).toHaveLength(20);
  });
});
