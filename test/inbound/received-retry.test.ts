import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { eventually, type TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';

const it = appTest();

/**
 * The database refuses to store inbound messages until `allow()`: a trigger that fails their
 * insert, as a database restarting or a dropped connection would fail it.
 */
async function refuseInbound(t: TestApp): Promise<{ allow(): Promise<void> }> {
  const db = t.app.ctx.db;
  if (t.app.ctx.dialect === 'postgres') {
    await sql`create function refuse_inbound() returns trigger language plpgsql as $$
      begin raise exception 'the database is unavailable'; end $$`.execute(db);
    await sql`create trigger refuse_inbound before insert on messages for each row
      when (new.direction = 'in') execute function refuse_inbound()`.execute(db);
    return {
      allow: async () => {
        await sql`drop trigger refuse_inbound on messages`.execute(db);
        await sql`drop function refuse_inbound()`.execute(db);
      },
    };
  }
  await sql`create trigger refuse_inbound before insert on messages when new.direction = 'in'
    begin select raise(abort, 'the database is unavailable'); end`.execute(db);
  return { allow: () => sql`drop trigger refuse_inbound`.execute(db).then(() => undefined) };
}

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
    const refusal = await refuseInbound(t);
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
