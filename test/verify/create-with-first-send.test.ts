import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually } from '../helpers/app.js';
import {
  freshPhone,
  startVerification,
  startVerifyKit,
  usageOf,
  verificationTransactions,
  whatsappCode,
  type VerifyKit,
} from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ env: { WAPING_VERIFY_PER_MINUTE: '1000' } });
});
afterAll(async () => {
  await kit.close();
});

const transactionsOf = (work: () => Promise<void>) => verificationTransactions(kit.t, work);
const usage = () => usageOf(kit.t);

describe('a verification whose route starts on WhatsApp', () => {
  it('is stored with its code message in one transaction (one statement on PostgreSQL), born waiting on that message', async () => {
    const to = freshPhone();
    const before = await usage();
    let id = '';
    const opened = await transactionsOf(async () => {
      ({ id } = await startVerification(kit.t, { to, channels: ['whatsapp', 'sms'] }));
    });
    // PostgreSQL: a part of the statement that stores the message, committed on its own. SQLite
    // shares its transactions.
    expect(opened).toBe(kit.t.app.ctx.dialect === 'postgres' ? 0 : 1);

    const row = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const message = await kit.t.app.ctx.db
      .selectFrom('messages')
      .select(['id', 'source', 'source_id', 'created_at'])
      .where('source_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(message.source).toBe('verification');
    expect(row).toMatchObject({
      status: 'pending',
      attempt_state: 'waiting',
      attempt_message_id: message.id,
      route_index: 0,
      // Nothing updated it after it was stored.
      version: 0,
    });
    const attempts = JSON.parse(row.send_attempts) as Array<Record<string, unknown>>;
    expect(attempts).toEqual([
      { channel: 'whatsapp', status: 'pending', messageId: message.id, at: expect.any(String) },
    ]);
    // Waits for the channel timeout (30 s by default) from the hand-over of the message.
    expect(Date.parse(row.attempt_deadline ?? '') - Date.parse(attempts[0]!.at as string)).toBe(30_000);
    const after = await usage();
    expect(after.verifications).toBe(before.verifications + 1);
    expect(after.messagesSent).toBe(before.messagesSent + 1);

    // And it goes on as before: the code arrives, is delivered, and approves.
    const code = await whatsappCode(kit.t, to);
    const checked = await kit.t.request({
      method: 'POST',
      url: `/v1/verifications/${id}/check`,
      payload: { code },
    });
    expect(checked.json()).toMatchObject({ status: 'approved' });
  });

  it('when WhatsApp does not take the code (opted out), is stored on its own, counted once, and falls back to SMS', async () => {
    const to = freshPhone();
    const optOut = await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${encodeURIComponent(to)}`,
      payload: { optedOut: true },
    });
    expect(optOut.statusCode).toBe(200);
    const before = await usage();
    const { id } = await startVerification(kit.t, { to, channels: ['whatsapp', 'sms'] });
    const sms = await kit.twilio.waitForRequest((r) => r.to === to, 10_000);
    expect(sms.to).toBe(to);
    const row = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .select(['status', 'route_index', 'send_attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', route_index: 1 });
    expect(JSON.parse(row.send_attempts)).toEqual([
      expect.objectContaining({ channel: 'whatsapp', status: 'failed', reason: 'RECIPIENT_OPTED_OUT' }),
      expect.objectContaining({ channel: 'sms', status: 'sent' }),
    ]);
    const after = await usage();
    expect(after.verifications).toBe(before.verifications + 1);
    expect(after.messagesSent).toBe(before.messagesSent);
  });

  it('supersedes the number’s pending verification', async () => {
    const to = freshPhone();
    const first = await startVerification(kit.t, { to });
    const second = await startVerification(kit.t, { to });
    const rows = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .select(['id', 'status', 'failure_reason'])
      .where('phone', '=', to)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: first.id, status: 'canceled', failure_reason: 'superseded' },
      { id: second.id, status: 'pending', failure_reason: null },
    ]);
  });
});

describe('the receipts of a code message', () => {
  it('settle the verification on delivery in one statement; the read receipt after it costs none', async () => {
    // Every statement on verifications, with its parameters, but those that store one.
    const executor = kit.t.app.ctx.db.getExecutor();
    const seen: Array<{ sql: string; parameters: string }> = [];
    const original = executor.executeQuery.bind(executor);
    const spy = vi.spyOn(executor, 'executeQuery').mockImplementation((query, ...rest) => {
      if (/"verifications"/.test(query.sql) && !/insert into "verifications"/.test(query.sql))
        seen.push({ sql: query.sql, parameters: JSON.stringify(query.parameters) });
      return original(query, ...rest);
    });
    try {
      const to = freshPhone();
      const { id } = await startVerification(kit.t, { to });
      const messageId = (
        await kit.t.app.ctx.db
          .selectFrom('messages')
          .select('id')
          .where('source_id', '=', id)
          .executeTakeFirstOrThrow()
      ).id;
      await eventually(async () => {
        const message = await kit.t.request({ method: 'GET', url: `/v1/messages/${messageId}` });
        return message.json().status === 'read';
      });
      // A few of the worker's ticks (300 ms) after the read receipt's event.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const row = await kit.t.app.ctx.db
        .selectFrom('verifications')
        .select(['attempt_state', 'attempt_deadline', 'send_attempts', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attempt_state: 'done', attempt_deadline: null, version: 1 });
      expect(JSON.parse(row.send_attempts)).toEqual([
        { channel: 'whatsapp', status: 'delivered', messageId, at: expect.any(String) },
      ]);
      const naming = seen.filter((statement) => statement.parameters.includes(messageId));
      expect(naming).toHaveLength(1);
      expect(naming[0]!.sql).toMatch(/^update "verifications"/);
    } finally {
      spy.mockRestore();
    }
  });
});
