import { describe, expect } from 'vitest';
import { isLeaseLost } from '../../src/cluster/leases.js';
import { upsertContact } from '../../src/contacts/store.js';
import { claimBurst, claimNext } from '../../src/messages/claim.js';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { idleSandboxDevice, sendText } from '../helpers/sandbox.js';
import { timelineStatuses } from '../helpers/timeline.js';

const it = appTest();

async function queue(t: TestApp, deviceId: string, to: string, extra: Record<string, unknown> = {}) {
  const res = await sendText(t, to, 'hello', { deviceId, queueIfDisconnected: true, ...extra });
  expect(res.statusCode).toBe(202);
  return res.json<{ id: string }>().id;
}

async function row(t: TestApp, id: string) {
  return t.app.ctx.db
    .selectFrom('messages')
    .select(['status', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** A contact already looked up on WhatsApp, as a claim finds it. */
async function knownContact(t: TestApp, phone: string, jid: string) {
  const checkedAt = '2026-01-01T00:00:00.000Z';
  await upsertContact(
    t.app.ctx.db,
    t.workspaceId,
    phone,
    { jid, on_whatsapp: 1, checked_at: checkedAt },
    new Date(checkedAt),
  );
}

describe('claiming the next message', () => {
  it('takes priority then age, skips expired ones, and records the move with its contact', async ({ t }) => {
    const { deviceId, fence } = await idleSandboxDevice(t, '+15550071001');
    const normal = await queue(t, deviceId, '+15550071101');
    const expired = await queue(t, deviceId, '+15550071102', { priority: 'high' });
    const high = await queue(t, deviceId, '+15550071103', { priority: 'high' });
    await t.app.ctx.db
      .updateTable('messages')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', expired)
      .execute();
    await knownContact(t, '+15550071103', '15550071103@s.whatsapp.net');

    const first = await claimNext(t.app.ctx, deviceId, fence, new Date());
    expect(first?.message).toMatchObject({ id: high, status: 'sending', attempts: 1 });
    expect(first?.contact).toEqual({
      on_whatsapp: 1,
      jid: '15550071103@s.whatsapp.net',
      checked_at: '2026-01-01T00:00:00.000Z',
    });
    expect(await timelineStatuses(t.app.ctx.db, high)).toEqual(['queued', 'sending']);

    const second = await claimNext(t.app.ctx, deviceId, fence, new Date());
    expect(second?.message.id).toBe(normal);
    expect(second?.contact).toBeUndefined();
    expect(await claimNext(t.app.ctx, deviceId, fence, new Date())).toBeUndefined();
    expect(await row(t, expired)).toEqual({ status: 'queued', attempts: 0 });
  });

  it('writes nothing under a lease another node took', async ({ t }) => {
    const { deviceId, fence } = await idleSandboxDevice(t, '+15550071002');
    const id = await queue(t, deviceId, '+15550071201');
    await t.app.ctx.db
      .updateTable('device_leases')
      .set((eb) => ({ node_id: 'node-elsewhere', generation: eb('generation', '+', 1) }))
      .where('device_id', '=', deviceId)
      .execute();
    const outcome = await claimNext(t.app.ctx, deviceId, fence, new Date()).then(
      (claim) => claim,
      (err: unknown) => err,
    );
    // PostgreSQL says why (its one statement learns it for free); SQLite finds nothing to claim.
    if (t.app.ctx.dialect === 'postgres') expect(isLeaseLost(outcome)).toBe(true);
    else expect(outcome).toBeUndefined();
    expect(await row(t, id)).toEqual({ status: 'queued', attempts: 0 });
    expect(await timelineStatuses(t.app.ctx.db, id)).toEqual(['queued']);
  });

  it('takes several at once for an unpaced line, in sending order, each with its entry and contact', async ({
    t,
  }) => {
    const { deviceId, fence } = await idleSandboxDevice(t, '+15550071003');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await queue(t, deviceId, `+1555007130${i}`));
    const urgent = await queue(t, deviceId, '+15550071309', { priority: 'high' });
    await knownContact(t, '+15550071301', '15550071301@s.whatsapp.net');

    const burst = await claimBurst(t.app.ctx, deviceId, fence, new Date(), 4);
    expect(burst.map((c) => c.message.id)).toEqual([urgent, ids[0], ids[1], ids[2]]);
    expect(burst.every((c) => c.message.status === 'sending' && c.message.attempts === 1)).toBe(true);
    expect(burst.map((c) => c.contact?.jid ?? null)).toEqual([
      null,
      null,
      '15550071301@s.whatsapp.net',
      null,
    ]);
    const entries = await t.app.ctx.db
      .selectFrom('message_status_history')
      .select('message_id')
      .where('status', '=', 'sending')
      .where('message_id', 'in', [urgent, ...ids])
      .execute();
    expect(entries.map((e) => e.message_id).sort()).toEqual([urgent, ids[0], ids[1], ids[2]].sort());
    const rest = await claimBurst(t.app.ctx, deviceId, fence, new Date(), 4);
    expect(rest.map((c) => c.message.id)).toEqual([ids[3], ids[4]]);
    expect(await claimBurst(t.app.ctx, deviceId, fence, new Date(), 4)).toEqual([]);
  });
});
