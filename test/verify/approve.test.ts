import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { transactionsOpenedBy } from '../helpers/transactions.js';
import {
  check,
  eventsOf,
  freshPhone,
  getVerification,
  startVerification,
  startVerifyKit,
  whatsappCode,
  wrongCode,
  type VerifyKit,
} from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit();
});
afterAll(async () => {
  await kit.close();
});

describe('verification over WhatsApp', () => {
  it('sends a code, approves it once, and says so in an event', async () => {
    const to = freshPhone();
    const created = await startVerification(kit.t, { to });
    expect(created).toMatchObject({ to, status: 'pending', channel: 'whatsapp', remainingAttempts: 5 });
    expect(created.id).toMatch(/^ver_/);
    expect(created.sendAttempts).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        status: 'pending',
        messageId: expect.stringMatching(/^msg_/),
      }),
    ]);
    const code = await whatsappCode(kit.t, to);
    expect(code).toHaveLength(6);

    const ok = await check(kit.t, created.id, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id: created.id, status: 'approved', remainingAttempts: 4 });
    expect((await getVerification(kit.t, created.id)).status).toBe('approved');
    expect(await eventsOf(kit.t, 'verification.approved', created.id)).toEqual([
      { id: created.id, to, channel: 'whatsapp' },
    ]);

    // A code works once: the same code again is refused, not approved a second time.
    const again = await check(kit.t, created.id, code);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('marks the WhatsApp attempt delivered and shows the code masked in the message log', async () => {
    const to = freshPhone();
    const created = await startVerification(kit.t, { to, codeLength: 8 });
    const code = await whatsappCode(kit.t, to);
    expect(code).toHaveLength(8);
    const messageId = created.sendAttempts[0]!.messageId!;
    const message = (await kit.t.request({ method: 'GET', url: `/v1/messages/${messageId}` })).json();
    expect(message).toMatchObject({ source: 'verification', priority: 'high', expiresAt: created.expiresAt });
    expect(message.body).toBe(
      '•••••••• is your verification code. It expires in 10 minutes. Do not share it.',
    );
    await eventually(
      async () => (await getVerification(kit.t, created.id)).sendAttempts[0]?.status === 'delivered',
    );
  });

  it('counts wrong codes down and stops at the fifth', async () => {
    const to = freshPhone();
    const { id } = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await check(kit.t, id, wrongCode(code))).json());
    expect(answers.map((a) => [a.status, a.remainingAttempts])).toEqual([
      ['pending', 4],
      ['pending', 3],
      ['pending', 2],
      ['pending', 1],
      ['max_attempts_reached', 0],
    ]);
    // The sixth check, even with the right code, only reports the state.
    const sixth = await check(kit.t, id, code);
    expect(sixth.statusCode).toBe(200);
    expect(sixth.json()).toEqual({ id, status: 'max_attempts_reached', remainingAttempts: 0 });
    expect(await eventsOf(kit.t, 'verification.failed', id)).toEqual([
      { id, to, reason: 'max_attempts_reached' },
    ]);
  });

  it('checks by number against the latest pending verification', async () => {
    const to = freshPhone();
    const first = await startVerification(kit.t, { to });
    await whatsappCode(kit.t, to, 1);
    const second = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to, 2);
    // Creating the second one canceled the first.
    expect((await getVerification(kit.t, first.id)).status).toBe('canceled');
    const byNumber = await kit.t.request({
      method: 'POST',
      url: '/v1/verifications/check',
      payload: { to, code },
    });
    expect(byNumber.json()).toMatchObject({ id: second.id, status: 'approved' });
    const none = await kit.t.request({
      method: 'POST',
      url: '/v1/verifications/check',
      payload: { to, code },
    });
    expect(none.statusCode).toBe(404);
  });

  it('resends the same code and cancels on request', async () => {
    const to = freshPhone();
    const { id } = await startVerification(kit.t, { to });
    const code = await whatsappCode(kit.t, to, 1);
    const resent = await kit.t.request({ method: 'POST', url: `/v1/verifications/${id}/resend` });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json().sendAttempts).toHaveLength(2);
    expect(await whatsappCode(kit.t, to, 2)).toBe(code);

    const canceled = await kit.t.request({ method: 'POST', url: `/v1/verifications/${id}/cancel` });
    expect(canceled.json().status).toBe('canceled');
    expect((await check(kit.t, id, code)).json()).toEqual({ id, status: 'canceled', remainingAttempts: 5 });
    const late = await kit.t.request({ method: 'POST', url: `/v1/verifications/${id}/resend` });
    expect(late.statusCode).toBe(409);
  });

  it('lists verifications newest first with a cursor', async () => {
    const to = freshPhone();
    const a = await startVerification(kit.t, { to });
    const b = await startVerification(kit.t, { to });
    const page1 = (
      await kit.t.request({ method: 'GET', url: `/v1/verifications?to=${encodeURIComponent(to)}&limit=1` })
    ).json();
    expect(page1.data.map((v: { id: string }) => v.id)).toEqual([b.id]);
    const page2 = (
      await kit.t.request({
        method: 'GET',
        url: `/v1/verifications?to=${encodeURIComponent(to)}&limit=1&cursor=${page1.nextCursor}`,
      })
    ).json();
    expect(page2.data.map((v: { id: string }) => v.id)).toEqual([a.id]);
    expect(page2.nextCursor).toBeNull();
  });
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

// Last in the file: the webhook endpoint of its last test stays for the workspace.
describe('a right code', () => {
  it('is approved by one statement of its own on PostgreSQL, its event published', async () => {
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
    // No webhook wants it: published, with no row and no delivery.
    expect(await approvedEvents(id)).toEqual([]);
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
