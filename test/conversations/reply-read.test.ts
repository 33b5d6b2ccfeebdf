import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { conversationWith, customerMessage, listConversations } from './kit.js';

const it = appTest();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A reply marked the thread read after it was sent, setting the unread count to 0 whatever had
// arrived meanwhile: a customer message that came in between the reply and that reset was no
// longer unread, and the `unread=true` filter lost the conversation.
describe('replying from the inbox', () => {
  it('leaves the customer messages that arrive after the reply unread', async ({ t }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009501', name: 'Support' });
    for (let round = 0; round < 30; round++) {
      const phone = `+155534100${String(round).padStart(2, '0')}`;
      await customerMessage(t, line, phone, 'hello');
      const { id } = await conversationWith(t, phone);
      const [reply] = await Promise.all([
        t.request({
          method: 'POST',
          url: `/v1/conversations/${id}/messages`,
          payload: { type: 'text', text: { body: 'How can we help?' } },
        }),
        // Three customer messages 0 to 10 ms after the reply, a different spread each round.
        ...[0, 1, 2].map((i) =>
          pause((round + i * 4) % 11).then(() => customerMessage(t, line, phone, `more ${i}`)),
        ),
      ]);
      expect(reply.statusCode).toBe(202);
      const replyId = reply.json<{ id: string }>().id;
      const thread = (
        await t.request({ method: 'GET', url: `/v1/conversations/${id}/messages?limit=100` })
      ).json<{
        data: Array<{ id: string; direction: string }>;
      }>();
      const afterReply = thread.data.filter((m) => m.direction === 'in' && m.id > replyId).length;
      const { unreadCount } = await conversationWith(t, phone);
      // Every customer message newer than the reply is unread; none older than it was left unread
      // but the ones arriving while the reply was written (at most the three).
      expect(unreadCount).toBeGreaterThanOrEqual(afterReply);
      expect(unreadCount).toBeLessThanOrEqual(3);
      const unread = await listConversations(t, `unread=true&limit=100&q=${encodeURIComponent(phone)}`);
      expect(unread.data.some((c) => c.id === id)).toBe(unreadCount > 0);
    }
  });
});
