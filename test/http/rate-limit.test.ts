import { describe, expect } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest({
  plans: { tiny: { devices: 1, messagesPerMonth: 10, api: true, requestsPerMinute: 3 } },
});

describe('per-key rate limit from the plan', () => {
  it('sends IETF RateLimit headers and answers 429 RATE_LIMITED with Retry-After past the limit', async ({
    t,
  }) => {
    const tiny = await otherWorkspace(t, 'tiny');
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(await t.request({ method: 'GET', url: '/v1/workspace', key: tiny.apiKey }));
    expect(answers.slice(0, 3).map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(answers[0]!.headers['ratelimit-policy']).toBe('"per-key";q=3;w=60');
    expect(answers[0]!.headers['ratelimit']).toMatch(/^"per-key";r=2;t=\d+$/);
    expect(answers[2]!.headers['ratelimit']).toMatch(/^"per-key";r=0;t=\d+$/);
    const limited = answers[3]!;
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each key on its own', async ({ t }) => {
    const a = await otherWorkspace(t, 'tiny');
    const b = await otherWorkspace(t, 'tiny');
    for (let i = 0; i < 3; i++) await t.request({ method: 'GET', url: '/v1/workspace', key: a.apiKey });
    expect((await t.request({ method: 'GET', url: '/v1/workspace', key: a.apiKey })).statusCode).toBe(429);
    expect((await t.request({ method: 'GET', url: '/v1/workspace', key: b.apiKey })).statusCode).toBe(200);
  });

  it('the unlimited selfhosted plan sends no rate-limit headers', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1/workspace' });
    expect(res.headers['ratelimit']).toBeUndefined();
  });

  it('the plans file overrides plan by plan and keeps the defaults', async ({ t }) => {
    const tiny = await otherWorkspace(t, 'tiny');
    const ws = (await t.request({ method: 'GET', url: '/v1/workspace', key: tiny.apiKey })).json();
    expect(ws.plan).toEqual({
      name: 'tiny',
      devices: 1,
      messagesPerMonth: 10,
      api: true,
      requestsPerMinute: 3,
    });
    const growth = await otherWorkspace(t, 'growth');
    const g = (await t.request({ method: 'GET', url: '/v1/workspace', key: growth.apiKey })).json();
    expect(g.plan).toMatchObject({
      name: 'growth',
      devices: 5,
      messagesPerMonth: 30000,
      requestsPerMinute: 600,
    });
  });
});
