/**
 * Test kit for inbound: an app with a settable clock, a linked sandbox device, and a way to make
 * a customer write and wait for what WAPing decided about that message (no sleeping).
 */
import type { Clock } from '../../src/lib/time.js';
import { type InboundOutcome } from '../../src/inbound/handle-inbound.js';
import { eventually, startApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/** Real time until `set`; then frozen at the given instant until moved again. */
export class TestClock implements Clock {
  private pinned: number | null = null;
  now(): Date {
    return new Date(this.pinned ?? Date.now());
  }
  set(at: string | Date): void {
    this.pinned = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.pinned = (this.pinned ?? Date.now()) + ms;
  }
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const LINE_PHONE = '+15550009999';
export const CUSTOMER = '+15551112222';

export interface InboundKit {
  t: TestApp;
  db: TestDatabase;
  clock: TestClock;
  outcomes: InboundOutcome[];
  close(): Promise<void>;
}

export async function startInboundApp(env: Record<string, string> = {}): Promise<InboundKit> {
  const db = await createTestDatabase();
  const clock = new TestClock();
  const t = await startApp(db, env, { clock });
  const outcomes: InboundOutcome[] = [];
  const off = t.app.ctx.bus.subscribe('inbound.handled', (o) => outcomes.push(o));
  return {
    t,
    db,
    clock,
    outcomes,
    close: async () => {
      off();
      await t.close();
      await db.drop();
    },
  };
}

/** Adds a sandbox device and links it with `phone`; answers once it is connected. */
export async function linkDevice(t: TestApp, name = 'Support', phone = LINE_PHONE, key?: string) {
  const created = await t.request({ method: 'POST', url: '/v1/devices', payload: { name }, key });
  if (created.statusCode !== 201) throw new Error(`device: ${created.statusCode} ${created.body}`);
  const id = (created.json() as { id: string }).id;
  await t.request({ method: 'POST', url: `/v1/devices/${id}/connect`, key });
  await eventually(async () => {
    const res = await t.request({
      method: 'POST',
      url: `/v1/sandbox/devices/${id}/scan`,
      payload: { phone },
      key,
    });
    return res.statusCode === 200 && (res.json() as { status: string }).status === 'connected';
  });
  return id;
}

/** A customer writes to the line; resolves with what WAPing did about it. */
export async function customerWrites(
  kit: InboundKit,
  deviceId: string,
  text: string,
  from = CUSTOMER,
  key?: string,
): Promise<InboundOutcome & { inboundId: string }> {
  const res = await kit.t.request({
    method: 'POST',
    url: '/v1/sandbox/inbound',
    payload: { deviceId, from, text },
    key,
  });
  if (res.statusCode !== 202) throw new Error(`inbound: ${res.statusCode} ${res.body}`);
  const { waMessageId } = res.json() as { waMessageId: string };
  const row = await eventually(() =>
    kit.t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('wa_message_id', '=', waMessageId)
      .executeTakeFirst(),
  );
  const outcome = await eventually(() => kit.outcomes.find((o) => o.messageId === row.id));
  return { ...outcome, inboundId: row.id };
}

/** The text of a reply WAPing queued, from the message log. */
export async function replyText(kit: InboundKit, replyId: string | null | undefined): Promise<string | null> {
  if (!replyId) return null;
  const row = await kit.t.app.ctx.db
    .selectFrom('messages')
    .select('body')
    .where('id', '=', replyId)
    .executeTakeFirst();
  return row?.body ?? null;
}

/** Waits until the simulated customer's phone shows `text` from the line. */
export async function inboxReceives(t: TestApp, text: string, to = CUSTOMER, key?: string): Promise<void> {
  await eventually(async () => {
    const res = await t.request({
      method: 'GET',
      url: `/v1/sandbox/messages?to=${encodeURIComponent(to)}`,
      key,
    });
    return (res.json() as { data: Array<{ text: string }> }).data.some((m) => m.text === text);
  });
}

export async function createRule(t: TestApp, rule: Record<string, unknown>, key?: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/v1/auto-replies', payload: rule, key });
  if (res.statusCode !== 201) throw new Error(`rule: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export const enc = encodeURIComponent;
