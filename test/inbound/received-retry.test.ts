import { describe, expect } from 'vitest';
import { eventually, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { refuseInserts } from '../helpers/refused-inserts.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

const inboundFrom = (t: TestApp, phone: string) =>
  t.app.ctx.db
    .selectFrom('messages')
    .select(['id', 'body', 'created_at'])
    .where('direction', '=', 'in')
    .where('phone', '=', phone)
    .execute();

// WhatsApp hands a customer's message over once. When the database refuses to store it for a
// while, it is stored once the database takes it again, with the time it arrived; before, it was
// logged and lost.
describe('a received message the database refuses for a while', () => {
  it('is stored once the database takes it again, keeping the time it arrived', async ({ t }) => {
    const deviceId = await linkSandboxDevice(t);
    const refusal = await refuseInserts(t, 'messages', "new.direction = 'in'");
    const sentAt = new Date().toISOString();
    const res = await t.request({
      method: 'POST',
      url: '/v1/sandbox/inbound',
      payload: { deviceId, from: '+15557770002', text: 'Is my order on its way?' },
    });
    expect(res.statusCode).toBe(202);
    // Refused for over a second: the first tries (0.25, 0.5, 1 s apart) all fail.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await inboundFrom(t, '+15557770002')).toEqual([]);
    const allowedAt = new Date().toISOString();
    await refusal.allow();

    const [stored] = await eventually(async () => {
      const rows = await inboundFrom(t, '+15557770002');
      return rows.length > 0 ? rows : undefined;
    }, 15_000);
    expect(stored!.body).toBe('Is my order on its way?');
    expect(stored!.created_at >= sentAt && stored!.created_at < allowedAt).toBe(true);
    // Stored once, and the conversation has it.
    expect(await inboundFrom(t, '+15557770002')).toHaveLength(1);
    const conversations = await t.request({ method: 'GET', url: '/v1/conversations?q=%2B15557770002' });
    expect((conversations.json() as { data: unknown[] }).data).toHaveLength(1);
  });
});
