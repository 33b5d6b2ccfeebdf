import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { conversationWith, customerMessage } from './kit.js';

const it = appTest();

interface NotePage {
  data: Array<{ id: string; body: string | null }>;
  nextCursor: string | null;
}

// A conversation's notes were read in one answer of the 500 oldest, without a cursor: the 501st
// note and every later one could not be read through the API, and a cursor was ignored.
describe("a conversation's notes", () => {
  it('come in pages, oldest first, to the last one', async ({ t }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009401', name: 'Support' });
    const phone = '+15553400001';
    await customerMessage(t, line, phone, 'hello');
    await customerMessage(t, line, phone, 'anyone there?');
    const { id } = await conversationWith(t, phone);
    const url = `/v1/conversations/${id}/notes`;
    for (let i = 0; i < 505; i++) {
      const added = await t.request({ method: 'POST', url, payload: { body: `note ${i}` } });
      expect(added.statusCode).toBe(201);
    }

    const first = (await t.request({ method: 'GET', url })).json<NotePage>();
    expect(first.data.map((n) => n.body)).toEqual(Array.from({ length: 50 }, (_, i) => `note ${i}`));
    expect(first.nextCursor).toEqual(expect.any(String));

    const bodies: Array<string | null> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: NotePage = (
        await t.request({ method: 'GET', url: `${url}?limit=100${cursor ? `&cursor=${cursor}` : ''}` })
      ).json<NotePage>();
      bodies.push(...page.data.map((n) => n.body));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(6);
    expect(bodies).toEqual(Array.from({ length: 505 }, (_, i) => `note ${i}`));

    const tooMany = await t.request({ method: 'GET', url: `${url}?limit=101` });
    expect(tooMany.statusCode).toBe(400);
    const thread = (
      await t.request({ method: 'GET', url: `/v1/conversations/${id}/messages?limit=1` })
    ).json<{ nextCursor: string }>();
    // The thread's cursor holds a message's id: no position among the notes.
    const otherList = await t.request({ method: 'GET', url: `${url}?cursor=${thread.nextCursor}` });
    expect(otherList.statusCode).toBe(400);
  });
});
