import { describe, expect } from 'vitest';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

type Envelope = { error: { code: string; message: string } };

// A name the database holds unique, taken by another request or another workspace, was a 500:
// the check before the write cannot see a row written meanwhile, and a workspace's rename was not
// checked at all. Each is now the 409 its checked case answers.
describe('a name that is taken', () => {
  it('is a 409 for every template created at once with one name, and one of them is stored', async ({
    t,
  }) => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.request({
          method: 'POST',
          url: '/v1/templates',
          payload: { name: 'login code', body: 'Code {{code}}' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409))
      expect((refused.json() as Envelope).error).toEqual(
        expect.objectContaining({ code: 'CONFLICT', message: 'A template named "login code" exists' }),
      );

    const other = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'other', body: 'x' },
    });
    const { id } = other.json<{ id: string }>();
    const renames = await Promise.all(
      Array.from({ length: 6 }, (_v, i) =>
        i % 2
          ? t.request({ method: 'PATCH', url: `/v1/templates/${id}`, payload: { name: 'welcome' } })
          : t.request({ method: 'POST', url: '/v1/templates', payload: { name: 'welcome', body: 'Hi' } }),
      ),
    );
    expect(renames.map((r) => r.statusCode).filter((s) => s !== 200 && s !== 201 && s !== 409)).toEqual([]);
    const list = await t.request({ method: 'GET', url: '/v1/templates?limit=100' });
    const names = list.json<{ data: Array<{ name: string }> }>().data.map((d) => d.name);
    expect(names.filter((n) => n === 'welcome')).toHaveLength(1);
    expect(names.filter((n) => n === 'login code')).toHaveLength(1);
  });

  it("is a 409 for a workspace renamed to another workspace's name, and the name stays", async ({ t }) => {
    const other = await otherWorkspace(t);
    const theirs = (await t.request({ method: 'GET', url: '/v1/workspace', key: other.apiKey })).json<{
      name: string;
    }>().name;
    const mine = (await t.request({ method: 'GET', url: '/v1/workspace' })).json<{ name: string }>().name;
    const res = await t.request({ method: 'PATCH', url: '/v1/workspace', payload: { name: theirs } });
    expect(res.statusCode).toBe(409);
    expect((res.json() as Envelope).error).toEqual(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Another workspace on this server has this name; choose another',
      }),
    );
    const after = await t.request({ method: 'GET', url: '/v1/workspace' });
    expect(after.json()).toMatchObject({ name: mine });
  });

  it('is a 409 for every member added at once with one email, and one of them is stored', async ({ t }) => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request({
          method: 'POST',
          url: '/v1/team',
          payload: { email: 'ana@shop.example', password: 'violet-harbor-lantern-92', role: 'agent' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409))
      expect((refused.json() as Envelope).error.message).toBe('A user with this email already exists');
    const team = await t.request({ method: 'GET', url: '/v1/team?limit=100' });
    const emails = team.json<{ data: Array<{ email: string }> }>().data.map((m) => m.email);
    expect(emails.filter((e) => e === 'ana@shop.example')).toHaveLength(1);
  });
});
