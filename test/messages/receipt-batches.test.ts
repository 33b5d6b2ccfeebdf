import { describe, expect } from 'vitest';
import type { LeaseFence } from '../../src/cluster/leases.js';
import { claimNext } from '../../src/messages/claim.js';
import { ReceiptBatcher } from '../../src/messages/receipts.js';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { publishedEvents } from '../helpers/published.js';
import { idleSandboxDevice, sendText } from '../helpers/sandbox.js';
import { timelineStatuses } from '../helpers/timeline.js';

const it = appTest();

/** A message of the device in `sending`, as the dispatcher leaves it while WhatsApp takes it. */
async function sending(
  t: TestApp,
  device: { deviceId: string; fence: LeaseFence },
  to: string,
  body = 'hello',
) {
  const res = await sendText(t, to, body, { deviceId: device.deviceId, queueIfDisconnected: true });
  expect(res.statusCode).toBe(202);
  const claim = await claimNext(t.app.ctx, device.deviceId, device.fence, new Date());
  expect(claim?.message.status).toBe('sending');
  return claim!.message;
}

/** The statuses of a message's timeline, sorted: two moves in one transaction may share a millisecond. */
async function timeline(t: TestApp, id: string) {
  return (await timelineStatuses(t.app.ctx.db, id)).sort();
}

function eventsOf(t: TestApp, id: string) {
  return publishedEvents(t, (e) => e.data.id === id)
    .map((e) => e.type)
    .sort();
}

describe('receipts reported together', () => {
  it('are applied each to its own message, in order, with their timeline entries and events', async ({
    t,
  }) => {
    const a = await idleSandboxDevice(t, '+15550081001');
    const b = await idleSandboxDevice(t, '+15550081002');
    const first = await sending(t, a, '+15550081101');
    const second = await sending(t, b, '+15550081102');
    const batcher = new ReceiptBatcher(t.app.ctx);
    const at = new Date();
    // Reported together: they share one read and one transaction.
    await Promise.all([
      batcher.apply(a.deviceId, { waMessageId: first.wa_message_id!, status: 'delivered', at }),
      batcher.apply(b.deviceId, { waMessageId: second.wa_message_id!, status: 'read', at }),
      batcher.apply(a.deviceId, { waMessageId: 'not-ours', status: 'read', at }),
      // Another device's id: never applied to a message of a device that did not report it.
      batcher.apply(b.deviceId, { waMessageId: first.wa_message_id!, status: 'read', at }),
    ]);
    expect(await timeline(t, first.id)).toEqual(['delivered', 'queued', 'sending', 'sent']);
    // A read message was delivered, whether or not its delivery was reported.
    expect(await timeline(t, second.id)).toEqual(['delivered', 'queued', 'read', 'sending', 'sent']);
    expect(eventsOf(t, first.id)).toEqual(['message.delivered', 'message.sent']);
    expect(eventsOf(t, second.id)).toEqual(['message.delivered', 'message.read', 'message.sent']);
  });

  it('a receipt that changes nothing leaves the message as it is', async ({ t }) => {
    const a = await idleSandboxDevice(t, '+15550081003');
    const message = await sending(t, a, '+15550081103');
    const batcher = new ReceiptBatcher(t.app.ctx);
    const at = new Date();
    await batcher.apply(a.deviceId, { waMessageId: message.wa_message_id!, status: 'read', at });
    await Promise.all([
      batcher.apply(a.deviceId, { waMessageId: message.wa_message_id!, status: 'delivered', at }),
      batcher.apply(a.deviceId, { waMessageId: message.wa_message_id!, status: 'sent', at }),
    ]);
    expect(await timeline(t, message.id)).toEqual(['delivered', 'queued', 'read', 'sending', 'sent']);
  });

  it("one device's burst goes in order: a delivered before its read is kept in the timeline", async ({
    t,
  }) => {
    const a = await idleSandboxDevice(t, '+15550081004');
    const first = await sending(t, a, '+15550081104');
    const second = await sending(t, a, '+15550081105');
    const batcher = new ReceiptBatcher(t.app.ctx);
    const at = new Date();
    const failures = await batcher.applyAll(a.deviceId, [
      { waMessageId: first.wa_message_id!, status: 'delivered', at },
      { waMessageId: second.wa_message_id!, status: 'delivered', at },
      { waMessageId: first.wa_message_id!, status: 'read', at },
      // Read before delivered, as reported: the delivered after it changes nothing.
      { waMessageId: second.wa_message_id!, status: 'read', at },
      { waMessageId: second.wa_message_id!, status: 'delivered', at },
    ]);
    expect(failures).toEqual([]);
    expect(await timeline(t, first.id)).toEqual(['delivered', 'queued', 'read', 'sending', 'sent']);
    expect(await timeline(t, second.id)).toEqual(['delivered', 'queued', 'read', 'sending', 'sent']);
    expect(eventsOf(t, first.id)).toEqual(['message.delivered', 'message.read', 'message.sent']);
    const row = await t.app.ctx.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('read');
  });

  it('reported in one turn, the first included, share one transaction', async ({ t }) => {
    const a = await idleSandboxDevice(t, '+15550081006');
    const first = await sending(t, a, '+15550081106');
    const second = await sending(t, a, '+15550081107');
    const batcher = new ReceiptBatcher(t.app.ctx);
    const at = new Date();
    const db = t.app.ctx.db;
    const transaction = db.transaction.bind(db);
    let opened = 0;
    db.transaction = () => {
      opened += 1;
      return transaction();
    };
    try {
      await Promise.all([
        batcher.apply(a.deviceId, { waMessageId: first.wa_message_id!, status: 'delivered', at }),
        batcher.apply(a.deviceId, { waMessageId: second.wa_message_id!, status: 'delivered', at }),
      ]);
    } finally {
      db.transaction = transaction;
    }
    // The first one used to go alone, before the second was reported: two transactions.
    expect(opened).toBe(1);
    expect(await timeline(t, first.id)).toEqual(['delivered', 'queued', 'sending', 'sent']);
    expect(await timeline(t, second.id)).toEqual(['delivered', 'queued', 'sending', 'sent']);
  });

  // Last in the file: the webhook endpoint stays for the workspace.
  it('record their events in the order they were reported, across messages', async ({ t }) => {
    // An endpoint taking the messages' events: their rows are written (one statement for the
    // batch), and webhooks deliver from them.
    const endpoint = await t.request({
      method: 'POST',
      url: '/v1/webhooks',
      payload: {
        url: 'http://127.0.0.1:9/hook',
        events: ['message.sent', 'message.delivered', 'message.read', 'message.failed'],
      },
    });
    expect(endpoint.statusCode).toBe(201);
    const a = await idleSandboxDevice(t, '+15550081008');
    const first = await sending(t, a, '+15550081108');
    // The events of a batch go to the database as one array per column: quotes, backslashes,
    // braces and commas in a body must come back as they were.
    const awkward = 'say "hi", {ok}\\ ; \'x\' \u00e9 \ud83d\ude00 NULL';
    const second = await sending(t, a, '+15550081109', awkward);
    const third = await sending(t, a, '+15550081110');
    const before = await t.app.ctx.db.selectFrom('events').select('id').execute();
    const batcher = new ReceiptBatcher(t.app.ctx);
    const at = new Date();
    const failures = await batcher.applyAll(a.deviceId, [
      { waMessageId: first.wa_message_id!, status: 'delivered', at },
      { waMessageId: second.wa_message_id!, status: 'read', at },
      { waMessageId: first.wa_message_id!, status: 'read', at },
      { waMessageId: third.wa_message_id!, status: 'failed', at, error: 'recipient blocked' },
    ]);
    expect(failures).toEqual([]);
    const known = new Set(before.map((e) => e.id));
    const events = (await t.app.ctx.db.selectFrom('events').selectAll().orderBy('id').execute()).filter(
      (e) => !known.has(e.id),
    );
    const names = new Map([
      [first.id, 'first'],
      [second.id, 'second'],
      [third.id, 'third'],
    ]);
    // Webhooks deliver a device's events in id order: the order the receipts came in.
    expect(events.map((e) => `${names.get((JSON.parse(e.data) as { id: string }).id)} ${e.type}`)).toEqual([
      'first message.sent',
      'first message.delivered',
      'second message.sent',
      'second message.delivered',
      'second message.read',
      'first message.read',
      'third message.failed',
    ]);
    expect(events.every((e) => e.device_id === a.deviceId && e.workspace_id === first.workspace_id)).toBe(
      true,
    );
    // Each event carries the message as that move left it.
    const statusIn = (e: (typeof events)[number]) => (JSON.parse(e.data) as { status: string }).status;
    expect(events.map(statusIn)).toEqual([
      'sent',
      'delivered',
      'sent',
      'delivered',
      'read',
      'read',
      'failed',
    ]);
    const bodyIn = (e: (typeof events)[number]) => (JSON.parse(e.data) as { body: string | null }).body;
    expect(events.filter((e) => e.data.includes(second.id)).map(bodyIn)).toEqual([awkward, awkward, awkward]);
    const failed = await t.app.ctx.db
      .selectFrom('messages')
      .select(['status', 'error_code', 'error_message'])
      .where('id', '=', third.id)
      .executeTakeFirstOrThrow();
    expect(failed).toEqual({
      status: 'failed',
      error_code: 'SEND_FAILED',
      error_message: 'recipient blocked',
    });
    expect(await timeline(t, third.id)).toEqual(['failed', 'queued', 'sending']);
  });
});
