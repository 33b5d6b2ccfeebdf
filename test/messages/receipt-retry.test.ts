import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice, messageStatus, sendText, waitForStatus } from '../helpers/sandbox.js';
import { timelineStatuses } from '../helpers/timeline.js';

const it = appTest();

/** The database refuses to record deliveries and reads until `allow()`, as one restarting would. */
async function refuseReceipts(t: TestApp): Promise<{ allow(): Promise<void> }> {
  const db = t.app.ctx.db;
  if (t.app.ctx.dialect === 'postgres') {
    await sql`create function refuse_receipts() returns trigger language plpgsql as $$
      begin raise exception 'the database is unavailable'; end $$`.execute(db);
    await sql`create trigger refuse_receipts before insert on message_status_history for each row
      when (new.status in ('delivered', 'read')) execute function refuse_receipts()`.execute(db);
    return {
      allow: async () => {
        await sql`drop trigger refuse_receipts on message_status_history`.execute(db);
        await sql`drop function refuse_receipts()`.execute(db);
      },
    };
  }
  await sql`create trigger refuse_receipts before insert on message_status_history
    when new.status in ('delivered', 'read')
    begin select raise(abort, 'the database is unavailable'); end`.execute(db);
  return { allow: () => sql`drop trigger refuse_receipts`.execute(db).then(() => undefined) };
}

// WhatsApp reports a delivery and a read once. When the database refuses them for longer than a
// receipt's quick tries (50 and 100 ms apart), they are applied once it takes them again; before,
// the message stayed `sent` for good.
describe('receipts the database refuses for a while', () => {
  it('are applied once the database takes them again', async ({ t }) => {
    await linkSandboxDevice(t);
    const refusal = await refuseReceipts(t);
    const sent = await sendText(t, '+15557770003', 'Your code is 123456');
    expect(sent.statusCode).toBe(202);
    const id = (sent.json() as { id: string }).id;
    await waitForStatus(t, id, 'sent');
    // The sandbox reports delivered after 0.3 s and read after 1.5 s: both refused.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await messageStatus(t, id)).toBe('sent');
    await refusal.allow();

    await waitForStatus(t, id, 'read', 15_000);
    expect(await timelineStatuses(t.app.ctx.db, id)).toEqual([
      'queued',
      'sending',
      'sent',
      'delivered',
      'read',
    ]);
  });
});
