import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWithKey, freshPhone, startVerifyKit, type VerifyKit } from './kit.js';

let kit: VerifyKit;

beforeAll(async () => {
  kit = await startVerifyKit({ sms: false, email: false });
});
afterAll(async () => {
  await kit.close();
});

const start = (key: string, to: string) => createWithKey(kit.t, key, to);

/** What a process killed right after the committing transaction leaves: a claim with no stored answer. */
const crashAfterCommit = (key: string) =>
  kit.t.app.ctx.db
    .updateTable('idempotency_keys')
    .set({
      state: 'in_progress',
      response_status: null,
      response_body: null,
      created_at: new Date(Date.now() - 120_000).toISOString(),
    })
    .where('key', '=', key)
    .execute();

describe('Idempotency-Key on verifications', () => {
  it('a retry after a crash answers with the verification created, and no second code is sent', async () => {
    const to = freshPhone();
    const first = await start('ver-crash', to);
    expect(first.statusCode).toBe(201);
    await crashAfterCommit('ver-crash');
    const retry = await start('ver-crash', to);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.json().status).toBe('pending');
    const created = await kit.t.app.ctx.db
      .selectFrom('verifications')
      .select('id')
      .where('phone', '=', to)
      .execute();
    expect(created).toHaveLength(1);
    const codes = await kit.t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('phone', '=', to)
      .execute();
    expect(codes).toHaveLength(1);
  });

  it('a resend retried after a crash does not send the code a third time', async () => {
    const to = freshPhone();
    const created = (await start('ver-resend-base', to)).json() as { id: string };
    const resend = () =>
      kit.t.request({
        method: 'POST',
        url: `/v1/verifications/${created.id}/resend`,
        headers: { 'idempotency-key': 'ver-resend' },
      });
    expect((await resend()).statusCode).toBe(200);
    await crashAfterCommit('ver-resend');
    const retry = await resend();
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const sends = await kit.t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('phone', '=', to)
      .execute();
    expect(sends).toHaveLength(2);
  });
});
