import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

// A template's PATCH read the template and wrote its name and body back: a rename made while
// another request changed the body put one of them back.
describe("a template's changes made at once", () => {
  it('keep both the new name and the new body', async ({ t }) => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'login', body: 'Your code is {{code}}' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    for (let round = 1; round <= 3; round++) {
      const answers = await Promise.all([
        t.request({ method: 'PATCH', url: `/v1/templates/${id}`, payload: { name: `login ${round}` } }),
        t.request({
          method: 'PATCH',
          url: `/v1/templates/${id}`,
          payload: { body: `Code ${round}: {{code}}, valid {{minutes}} min` },
        }),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      const shown = await t.request({ method: 'GET', url: `/v1/templates/${id}` });
      expect(shown.json()).toMatchObject({
        name: `login ${round}`,
        body: `Code ${round}: {{code}}, valid {{minutes}} min`,
        variables: ['code', 'minutes'],
      });
    }
  });
});
