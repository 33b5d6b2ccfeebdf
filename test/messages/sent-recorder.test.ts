import { describe, expect } from 'vitest';
import type { LeaseFence } from '../../src/cluster/leases.js';
import { claimNext } from '../../src/messages/claim.js';
import { applyReceipt } from '../../src/messages/receipts.js';
import { SentRecorder } from '../../src/messages/sent-recorder.js';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { publishedEvents } from '../helpers/published.js';
import { idleSandboxDevice, sendText } from '../helpers/sandbox.js';

const it = appTest();

async function sending(t: TestApp, device: { deviceId: string; fence: LeaseFence }, to: string) {
  const res = await sendText(t, to, 'hello', { deviceId: device.deviceId, queueIfDisconnected: true });
  expect(res.statusCode).toBe(202);
  const claim = await claimNext(t.app.ctx, device.deviceId, device.fence, new Date());
  return claim!.message;
}

async function sentEntries(t: TestApp, id: string) {
  return t.app.ctx.db
    .selectFrom('message_status_history')
    .select('at')
    .where('message_id', '=', id)
    .where('status', '=', 'sent')
    .execute();
}

describe('hand-offs written beside the dispatcher', () => {
  it('are sent at the time WhatsApp took them, with their event and the contact’s last device', async ({
    t,
  }) => {
    const device = await idleSandboxDevice(t, '+15550082001');
    const first = await sending(t, device, '+15550082101');
    const second = await sending(t, device, '+15550082102');
    const recorder = new SentRecorder(t.app.ctx, device.deviceId);
    const tookFirst = new Date(Date.now() - 2_000);
    const tookSecond = new Date(Date.now() - 1_000);
    recorder.record(first, tookFirst);
    recorder.record(second, tookSecond);
    await recorder.flushed();
    expect(await sentEntries(t, first.id)).toEqual([{ at: tookFirst.toISOString() }]);
    expect(await sentEntries(t, second.id)).toEqual([{ at: tookSecond.toISOString() }]);
    const view = (await t.request({ method: 'GET', url: `/v1/messages/${second.id}` })).json();
    expect(view.status).toBe('sent');
    const sentEvents = publishedEvents(t, (e) => e.type === 'message.sent').map((e) => e.data.id);
    expect(sentEvents.sort()).toEqual([first.id, second.id].sort());
    const contact = await t.app.ctx.db
      .selectFrom('contacts')
      .select('last_device_id')
      .where('phone', '=', '+15550082102')
      .executeTakeFirstOrThrow();
    expect(contact.last_device_id).toBe(device.deviceId);
  });

  it('recorded while a write runs, go together and each keeps its own time', async ({ t }) => {
    const device = await idleSandboxDevice(t, '+15550082003');
    const messages = [];
    for (const to of ['+15550082104', '+15550082105', '+15550082106'])
      messages.push(await sending(t, device, to));
    const recorder = new SentRecorder(t.app.ctx, device.deviceId);
    const times = [3_000, 2_000, 1_000].map((ago) => new Date(Date.now() - ago));
    // The first starts a write; the other two wait for it and go in the next, together.
    messages.forEach((message, i) => recorder.record(message, times[i]!));
    await recorder.flushed();
    for (const [i, message] of messages.entries()) {
      expect(await sentEntries(t, message.id)).toEqual([{ at: times[i]!.toISOString() }]);
      const row = await t.app.ctx.db
        .selectFrom('messages')
        .select(['status', 'updated_at'])
        .where('id', '=', message.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'sent', updated_at: times[i]!.toISOString() });
    }
  });

  it('leave a message its receipt already moved on as it is', async ({ t }) => {
    const device = await idleSandboxDevice(t, '+15550082002');
    const message = await sending(t, device, '+15550082103');
    await applyReceipt(t.app.ctx, device.deviceId, {
      waMessageId: message.wa_message_id!,
      status: 'read',
      at: new Date(),
    });
    const recorder = new SentRecorder(t.app.ctx, device.deviceId);
    recorder.record(message, new Date());
    await recorder.flushed();
    expect(await sentEntries(t, message.id)).toHaveLength(1);
    const view = (await t.request({ method: 'GET', url: `/v1/messages/${message.id}` })).json();
    expect(view.status).toBe('read');
  });
});
