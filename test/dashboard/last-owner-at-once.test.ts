import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { signedIn, type Browser } from './session.js';

const it = appTest();

async function roles(t: TestApp): Promise<Record<string, string>> {
  const team = await t.request({ method: 'GET', url: '/v1/team?limit=100' });
  return Object.fromEntries(
    team.json<{ data: Array<{ email: string; role: string }> }>().data.map((m) => [m.email, m.role]),
  );
}

async function idOf(owner: Browser, email: string): Promise<string> {
  const team = await owner.request({ method: 'GET', url: '/v1/team?limit=100' });
  return team.json<{ data: Array<{ id: string; email: string }> }>().data.find((m) => m.email === email)!.id;
}

// "A workspace keeps at least one owner" was checked before the change's transaction: on
// PostgreSQL two owners demoting each other at once each saw the other still an owner, and the
// workspace was left with none (and nobody who could make one).
describe('the last owner', () => {
  it('stays when two owners demote each other at once', async ({ t }) => {
    const ana = await signedIn(t, 'owner', 'ana@shop.example');
    const ben = await signedIn(t, 'owner', 'ben@shop.example');
    const answers = await Promise.all([
      ana.request({
        method: 'PATCH',
        url: `/v1/team/${await idOf(ana, 'ben@shop.example')}`,
        payload: { role: 'admin' },
      }),
      ben.request({
        method: 'PATCH',
        url: `/v1/team/${await idOf(ben, 'ana@shop.example')}`,
        payload: { role: 'admin' },
      }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json<{ error: { message: string } }>().error.message).toBe(
      'A workspace keeps at least one owner',
    );
    expect(Object.values(await roles(t)).filter((r) => r === 'owner')).toHaveLength(1);
  });

  it('stays when one owner is removed and the other demoted at once', async ({ t }) => {
    const cleo = await signedIn(t, 'owner', 'cleo@shop.example');
    const dan = await signedIn(t, 'owner', 'dan@shop.example');
    // The workspace's owners so far: the two of this test, and whoever the first test left.
    const before = await roles(t);
    const others = Object.entries(before).filter(
      ([e, r]) => r === 'owner' && !['cleo@shop.example', 'dan@shop.example'].includes(e),
    );
    for (const [email] of others)
      expect(
        (
          await cleo.request({
            method: 'PATCH',
            url: `/v1/team/${await idOf(cleo, email)}`,
            payload: { role: 'admin' },
          })
        ).statusCode,
      ).toBe(200);
    const answers = await Promise.all([
      cleo.request({ method: 'DELETE', url: `/v1/team/${await idOf(cleo, 'dan@shop.example')}` }),
      dan.request({
        method: 'PATCH',
        url: `/v1/team/${await idOf(dan, 'cleo@shop.example')}`,
        payload: { role: 'agent' },
      }),
    ]);
    // One of them is refused: 409 for the last owner, or 401 when Dan's session ended with him.
    expect(answers.filter((a) => a.statusCode < 300)).toHaveLength(1);
    expect(Object.values(await roles(t)).filter((r) => r === 'owner')).toHaveLength(1);
  });
});
