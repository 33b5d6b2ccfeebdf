import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionsOpenedBy } from '../helpers/transactions.js';
import {
  check,
  eventsOf,
  freshPhone,
  startVerification,
  startVerifyKit,
  whatsappCode,
  type VerifyKit,
} from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit();
});
afterAll(async () => {
  await kit.close();
});

/** Transactions a check opens while `work` runs (on SQLite, the shared one it joins). */
const transactionsOf = (work: () => Promise<void>): Promise<number> =>
  transactionsOpenedBy(kit.t.app.ctx.db, ['/src/verify/check.ts', '/src/db/grouped-transactions.ts'], work);

const deliveriesOf = (eventId: string) =>
  kit.t.app.ctx.db
    .selectFrom('webhook_deliveries')
    .select('event_type')
    .where('event_id', '=', eventId)
    .execute();

const approvedEvents = (verificationId: string) =>
  kit.t.app.ctx.db
    .selectFrom('events')
    .select('id')
    .where('type', '=', 'verification.approved')
    .where('data', 'like', `%${verificationId}%`)
    .execute();

describe('a right code', () => {
  it('is approved with its event by one statement of its own on PostgreSQL', async () => {
    const to = freshPhone();
    // Creating the verification records its events, so the node knows the workspace has no
    // webhook endpoint when the check comes.
    const { id } = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to);
    const answers: number[] = [];
    const opened = await transactionsOf(async () => {
      answers.push((await check(kit.t, id, code)).statusCode);
    });
    expect(answers).toEqual([200]);
    expect(opened).toBe(kit.t.app.ctx.dialect === 'postgres' ? 0 : 1);
    expect(await eventsOf(kit.t, 'verification.approved', id)).toEqual([{ id, to, channel: 'whatsapp' }]);
    const [event] = await approvedEvents(id);
    expect(await deliveriesOf(event!.id)).toEqual([]);
  });

  it('approves with the channel the verification is on, when it moved on after the check read it', async () => {
    const to = freshPhone();
    const { id } = await startVerification(kit.t, { to, channels: ['whatsapp', 'sms'] });
    const code = await whatsappCode(kit.t, to);
    let status: number;
    if (kit.db.databaseUrl) {
      // Another node moves it to SMS while the check runs: its row stays locked until the check
      // has read it and waits on the lock, then the move commits first.
      const other = new pg.Client({ connectionString: kit.db.databaseUrl });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('update verifications set route_index = 1 where id = $1', [id]);
        const checking = check(kit.t, id, code);
        await waitForLockWaiter(other);
        await other.query('commit');
        status = (await checking).statusCode;
      } finally {
        await other.end();
      }
    } else {
      // SQLite has one writer: the move can only come before the check.
      await kit.t.app.ctx.db
        .updateTable('verifications')
        .set({ route_index: 1 })
        .where('id', '=', id)
        .execute();
      status = (await check(kit.t, id, code)).statusCode;
    }
    expect(status).toBe(200);
    // The event names the channel of the approval, not the one the check read.
    expect(await eventsOf(kit.t, 'verification.approved', id)).toEqual([{ id, to, channel: 'sms' }]);
  });

  it('with a webhook taking verification.approved, is approved in a transaction that queues the delivery', async () => {
    const endpoint = await kit.t.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: { url: 'http://127.0.0.1:9/hook', events: ['verification.approved'] },
    });
    expect(endpoint.statusCode).toBe(201);
    const to = freshPhone();
    const { id } = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to);
    const opened = await transactionsOf(async () => {
      expect((await check(kit.t, id, code)).statusCode).toBe(200);
    });
    expect(opened).toBe(1);
    const [event] = await approvedEvents(id);
    expect(await deliveriesOf(event!.id)).toEqual([{ event_type: 'verification.approved' }]);
  });
});

/** Until a statement of another connection waits for a lock `holder` has. */
async function waitForLockWaiter(holder: pg.Client): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await holder.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the check never waited for the lock');
}
