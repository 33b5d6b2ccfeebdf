import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

const nextCursor = async (t: TestApp, url: string) =>
  (await t.request({ method: 'GET', url: `${url}?limit=1` })).json<{ nextCursor: string }>().nextCursor;

// A cursor holds the last id of its page, and ids compare as text: a templates cursor on the
// devices list (`dev_…` sorts before `tpl_…`) answered the first page again, and a devices cursor
// on the messages list an empty one, both with a 200.
describe('a cursor from another list', () => {
  it('is refused, and each list still pages with its own', async ({ t }) => {
    for (const n of [1, 2]) {
      await t.request({ method: 'POST', url: '/v1/devices', payload: { name: `Line ${n}` } });
      await t.request({ method: 'POST', url: '/v1/templates', payload: { name: `t${n}`, body: 'Hi' } });
    }
    const devices = await nextCursor(t, '/v1/devices');
    const templates = await nextCursor(t, '/v1/templates');

    for (const url of [`/v1/devices?cursor=${templates}`, `/v1/messages?cursor=${devices}`]) {
      const res = await t.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_ERROR',
        message: "cursor is from another list; pass the nextCursor of this list's previous page",
        details: [{ field: 'querystring.cursor', message: 'is from another list' }],
      });
    }

    const second = await t.request({ method: 'GET', url: `/v1/devices?limit=1&cursor=${devices}` });
    expect(second.statusCode).toBe(200);
    expect(second.json().data.map((d: { name: string }) => d.name)).toEqual(['Line 1']);
  });
});
