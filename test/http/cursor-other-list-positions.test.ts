import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { customerMessage } from '../conversations/kit.js';

const it = appTest();

const get = (t: TestApp, url: string) => t.request({ method: 'GET', url });
const page = async (t: TestApp, url: string) =>
  (await get(t, url)).json<{ data: Array<Record<string, unknown>>; nextCursor: string | null }>();

// Lists whose position is not one id (a time and an id, a priority and an id, a phone, a member)
// decoded a cursor of another list as their own: the devices list's cursor on the contacts list
// (`dev_…` sorts after `+1…`) answered an empty page, on the team list the first page again.
describe('a cursor from another list, on lists with their own positions', () => {
  it('is refused by conversations, a thread, auto-replies, contacts and the team', async ({ t }) => {
    const deviceIds: string[] = [];
    for (const n of [1, 2]) {
      const device = await t.request({ method: 'POST', url: '/v1/devices', payload: { name: `Line ${n}` } });
      deviceIds.push(device.json<{ id: string }>().id);
    }
    const devices = (await page(t, '/v1/devices?limit=1')).nextCursor;
    await customerMessage(t, deviceIds[0]!, '+15550100001', 'hello');
    await customerMessage(t, deviceIds[0]!, '+15550100001', 'again');
    const conversation = (await page(t, '/v1/conversations')).data[0]!.id as string;

    for (const url of [
      `/v1/conversations?cursor=${devices}`,
      `/v1/conversations/${conversation}/messages?cursor=${devices}`,
      `/v1/auto-replies?cursor=${devices}`,
      `/v1/contacts?cursor=${devices}`,
      `/v1/team?cursor=${devices}`,
    ]) {
      const res = await get(t, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error, url).toMatchObject({
        code: 'VALIDATION_ERROR',
        message: "cursor is from another list; pass the nextCursor of this list's previous page",
        details: [{ field: 'querystring.cursor', message: 'is from another list' }],
      });
    }

    // Each still pages with its own cursor.
    const thread = await page(t, `/v1/conversations/${conversation}/messages?limit=1`);
    const rest = await page(
      t,
      `/v1/conversations/${conversation}/messages?limit=1&cursor=${thread.nextCursor}`,
    );
    expect([thread.data[0]!.body, rest.data[0]!.body]).toEqual(['hello', 'again']);
  });

  // The team page after a member who has since left started again at the first member, so a
  // client paging through the team while someone was removed saw members twice, or looped.
  it('the team list goes on after a member who has left since the cursor was made', async ({ t }) => {
    for (const who of ['a', 'b', 'c']) {
      const res = await t.request({
        method: 'POST',
        url: '/v1/team',
        payload: { email: `${who}@example.com`, password: 'a fresh member passphrase', role: 'viewer' },
      });
      expect(res.statusCode).toBe(201);
    }
    const first = await page(t, '/v1/team?limit=1');
    const second = await page(t, `/v1/team?limit=1&cursor=${first.nextCursor}`);
    const emails = [first.data[0]!.email, second.data[0]!.email];
    const removed = await t.request({ method: 'DELETE', url: `/v1/team/${second.data[0]!.id as string}` });
    expect(removed.statusCode).toBe(204);

    const third = await page(t, `/v1/team?limit=5&cursor=${second.nextCursor}`);
    const all = (await page(t, '/v1/team?limit=10')).data.map((m) => m.email);
    expect(third.data.map((m) => m.email)).toEqual(all.slice(all.indexOf(emails[0]) + 1));
    expect(third.data.map((m) => m.email)).not.toContain(emails[0]);
  });
});
