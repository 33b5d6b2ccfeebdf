import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAGIC_NUMBERS } from '../../src/engines/sandbox/magic-numbers.js';
import { SENT_RECORD_GRACE_MS } from '../../src/engines/sandbox/outbox.js';
import { createSandbox, type TestDevice } from './sandbox-kit.js';

const PHONE = '+4915112345678';
const CUSTOMER = '+14155550123';

let sandbox = createSandbox();
afterEach(async () => {
  await sandbox.stopAll();
});

function fresh(options: Parameters<typeof createSandbox>[0] = {}): ReturnType<typeof createSandbox> {
  sandbox = createSandbox(options);
  return sandbox;
}

function statusesOf(device: TestDevice, waMessageId: string): string[] {
  return device.events
    .of('message_status')
    .filter((s) => s.waMessageId === waMessageId)
    .map((s) => s.status);
}

/** Waits until a message to an ordinary number, sent after the others, has been read. */
async function letReceiptsRun(device: TestDevice, waMessageId: string): Promise<void> {
  await device.engine.sendText({ to: CUSTOMER, text: 'clock', waMessageId });
  await device.events.waitFor('message_status', {
    match: (s) => s.waMessageId === waMessageId && s.status === 'read',
  });
}

describe('sandbox engine: sending', () => {
  it('refuses to send before the device is linked', async () => {
    const { device } = fresh();
    const { engine } = device('dev-unlinked');
    await engine.start();
    await expect(engine.sendText({ to: CUSTOMER, text: 'hi', waMessageId: 'W0' })).rejects.toMatchObject({
      name: 'EngineSendError',
      code: 'SESSION_DISCONNECTED',
    });
  });

  it('looks numbers up, with the magic not-on-WhatsApp number', async () => {
    const { linkedDevice } = fresh();
    const { engine } = await linkedDevice('dev-lookup', PHONE);
    expect(await engine.lookup(MAGIC_NUMBERS.notOnWhatsApp)).toEqual({ onWhatsApp: false });
    expect(await engine.lookup(CUSTOMER)).toEqual({ onWhatsApp: true, jid: '14155550123@s.whatsapp.net' });
  });

  it('fails sends to the not-on-WhatsApp and send-fails numbers without delivering them', async () => {
    const { hub, linkedDevice } = fresh();
    const { engine } = await linkedDevice('dev-refuse', PHONE);
    await expect(
      engine.sendText({ to: MAGIC_NUMBERS.notOnWhatsApp, text: 'x', waMessageId: 'W1' }),
    ).rejects.toMatchObject({ code: 'RECIPIENT_NOT_ON_WHATSAPP' });
    await expect(
      engine.sendText({ to: MAGIC_NUMBERS.sendFails, text: 'x', waMessageId: 'W2' }),
    ).rejects.toMatchObject({ code: 'SEND_FAILED' });
    expect(hub.messages()).toEqual([]);
  });

  it('takes a burst of texts in one call: in order, a refused one failing alone, each read in turn', async () => {
    const { hub, linkedDevice } = fresh();
    const device = await linkedDevice('dev-burst', PHONE);
    const outcomes = await device.engine.sendTexts!([
      { to: CUSTOMER, text: 'one', waMessageId: 'B1' },
      { to: MAGIC_NUMBERS.sendFails, text: 'two', waMessageId: 'B2' },
      { to: CUSTOMER, text: 'three', waMessageId: 'B3' },
    ]);
    expect(outcomes).toEqual([
      { ok: true, result: { waMessageId: 'B1', jid: '14155550123@s.whatsapp.net' } },
      { ok: false, error: expect.objectContaining({ name: 'EngineSendError', code: 'SEND_FAILED' }) },
      { ok: true, result: { waMessageId: 'B3', jid: '14155550123@s.whatsapp.net' } },
    ]);
    // Newest first.
    expect(hub.messages({ to: CUSTOMER }).map((m) => [m.id, m.text])).toEqual([
      ['B3', 'three'],
      ['B1', 'one'],
    ]);
    for (const id of ['B1', 'B3'])
      await device.events.waitFor('message_status', {
        match: (s) => s.waMessageId === id && s.status === 'read',
      });
    expect(statusesOf(device, 'B2')).toEqual([]);
  });

  it('refuses a burst before the device is linked, all of it', async () => {
    const { device } = fresh();
    const { engine } = device('dev-burst-unlinked');
    await engine.start();
    await expect(engine.sendTexts!([{ to: CUSTOMER, text: 'hi', waMessageId: 'B4' }])).rejects.toMatchObject({
      name: 'EngineSendError',
      code: 'SESSION_DISCONNECTED',
    });
  });

  it('delivers to the inbox and reports sent, delivered, read in order', async () => {
    const { hub, linkedDevice } = fresh();
    const device = await linkedDevice('dev-send', PHONE);
    const result = await device.engine.sendText({
      to: CUSTOMER,
      text: 'Your code is 123456',
      waMessageId: 'W3',
    });
    expect(result).toEqual({ waMessageId: 'W3', jid: '14155550123@s.whatsapp.net' });
    const [entry] = hub.messages({ to: CUSTOMER });
    expect(entry).toMatchObject({
      id: 'W3',
      deviceId: 'dev-send',
      from: PHONE,
      to: CUSTOMER,
      status: 'sent',
    });
    expect(entry?.text).toBe('Your code is 123456');
    expect(entry?.at).toBeInstanceOf(Date);
    await device.events.waitFor('message_status', { match: (s) => s.status === 'read' });
    expect(statusesOf(device, 'W3')).toEqual(['sent', 'delivered', 'read']);
    expect(hub.messages({ to: CUSTOMER })[0]?.status).toBe('read');
  });

  it('never delivers to the never-delivered number and never reads on the never-read number', async () => {
    const { hub, linkedDevice } = fresh();
    const device = await linkedDevice('dev-magic', PHONE);
    await device.engine.sendText({ to: MAGIC_NUMBERS.neverDelivered, text: 'a', waMessageId: 'W103' });
    await device.engine.sendText({ to: MAGIC_NUMBERS.neverRead, text: 'b', waMessageId: 'W104' });
    await letReceiptsRun(device, 'CLOCK');
    expect(statusesOf(device, 'W103')).toEqual(['sent']);
    expect(statusesOf(device, 'W104')).toEqual(['sent', 'delivered']);
    expect(hub.messages({ to: MAGIC_NUMBERS.neverDelivered })[0]?.status).toBe('sent');
    expect(hub.messages({ to: MAGIC_NUMBERS.neverRead })[0]?.status).toBe('delivered');
  });

  it('treats a second send with the same waMessageId as the same message', async () => {
    const { hub, linkedDevice } = fresh();
    const device = await linkedDevice('dev-dup', PHONE);
    const input = { to: CUSTOMER, text: 'once', waMessageId: 'W5' };
    const first = await device.engine.sendText(input);
    expect(await device.engine.sendText(input)).toEqual(first);
    await device.events.waitFor('message_status', {
      match: (s) => s.waMessageId === 'W5' && s.status === 'read',
    });
    // Any repeated receipt of W5 would have come by the time a later message is read.
    await letReceiptsRun(device, 'CLOCK');
    expect(hub.messages({ deviceId: 'dev-dup' }).filter((m) => m.id === 'W5')).toHaveLength(1);
    expect(statusesOf(device, 'W5')).toEqual(['sent', 'delivered', 'read']);
  });

  it('resumes the receipts of a message handed off before a restart; a re-send repeats none', async () => {
    const { hub, device, linkedDevice } = fresh();
    const first = await linkedDevice('dev-retry', PHONE);
    await first.engine.sendText({ to: CUSTOMER, text: 'retry', waMessageId: 'W6' });
    await first.engine.stop();
    const second = device('dev-retry', first.state);
    await second.engine.start();
    await second.events.waitFor('connected');
    await second.engine.sendText({ to: CUSTOMER, text: 'retry', waMessageId: 'W6' });
    await second.events.waitFor('message_status', {
      match: (s) => s.waMessageId === 'W6' && s.status === 'read',
    });
    // Any repeated receipt of W6 would have come by the time a later message is read.
    await letReceiptsRun(second, 'CLOCK');
    expect(statusesOf(first, 'W6')).toEqual([]);
    expect(statusesOf(second, 'W6')).toEqual(['sent', 'delivered', 'read']);
    expect(hub.messages({ deviceId: 'dev-retry' }).filter((m) => m.id === 'W6')).toHaveLength(1);
  });

  it('finishes the receipts of a message the recipient has when it is handed off again', async () => {
    const { hub, device, linkedDevice } = fresh();
    const first = await linkedDevice('dev-again', PHONE);
    await first.engine.sendText({ to: CUSTOMER, text: 'again', waMessageId: 'W9' });
    await first.events.waitFor('message_status', { match: (s) => s.status === 'delivered' });
    await first.engine.stop();
    await first.state.write([{ category: 'sandbox-sent', id: 'W9', value: null }]);
    const second = device('dev-again', first.state);
    await second.engine.start();
    await second.events.waitFor('connected');
    await second.engine.sendText({ to: CUSTOMER, text: 'again', waMessageId: 'W9' });
    await letReceiptsRun(second, 'CLOCK');
    expect(statusesOf(second, 'W9')).toEqual(['read']);
    expect(hub.messages({ deviceId: 'dev-again' }).filter((m) => m.id === 'W9')).toHaveLength(1);
  });

  it('after a crash, reports at once the receipts that fell due while it was down, delivered before read', async () => {
    const { linkedDevice } = fresh({ deliveredMs: 150, readMs: 250 });
    const first = await linkedDevice('dev-crash', PHONE);
    await first.engine.sendText({ to: CUSTOMER, text: 'one', waMessageId: 'C1' });
    await first.engine.sendText({ to: MAGIC_NUMBERS.neverRead, text: 'two', waMessageId: 'C2' });
    await first.events.waitFor('message_status', { count: 2, match: (s) => s.status === 'sent' });
    // Stopping drops the timers, as a crash does; the durable state is all a new process has.
    await first.engine.stop();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const restarted = createSandbox({ deliveredMs: 150, readMs: 250 });
    try {
      const second = restarted.device('dev-crash', first.state);
      await second.engine.start();
      await second.events.waitFor('message_status', {
        match: (s) => s.waMessageId === 'C1' && s.status === 'read',
      });
      await second.events.waitFor('message_status', {
        match: (s) => s.waMessageId === 'C2' && s.status === 'delivered',
      });
      expect(statusesOf(second, 'C1')).toEqual(['sent', 'delivered', 'read']);
      expect(statusesOf(second, 'C2')).toEqual(['sent', 'delivered']);
      // Handed over on connecting, none before.
      expect(second.events.names().slice(0, 2)).toEqual(['connected', 'message_status']);
      // The recipients' phones have the messages again.
      expect(restarted.hub.messages({ deviceId: 'dev-crash' }).map((m) => [m.id, m.text, m.status])).toEqual([
        ['C2', 'two', 'delivered'],
        ['C1', 'one', 'read'],
      ]);
    } finally {
      await restarted.stopAll();
    }
  });

  it('keeps a record per message until a while after its last receipt, then forgets it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { linkedDevice } = fresh();
      const linking = linkedDevice('dev-forget', PHONE);
      await vi.advanceTimersByTimeAsync(10);
      const device = await linking;
      await device.engine.sendText({ to: CUSTOMER, text: 'kept a while', waMessageId: 'F1' });
      const recorded = () => device.state.list('sandbox-sent').then((found) => [...found.keys()]);
      expect(await recorded()).toEqual(['F1']);
      await vi.advanceTimersByTimeAsync(100);
      expect(statusesOf(device, 'F1')).toEqual(['sent', 'delivered', 'read']);
      await vi.advanceTimersByTimeAsync(SENT_RECORD_GRACE_MS - 1_000);
      expect(await recorded()).toEqual(['F1']);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await recorded()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets the records of messages whose grace ends together in one write, and keeps no timer each', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { linkedDevice } = fresh();
      const linking = linkedDevice('dev-forget-many', PHONE);
      await vi.advanceTimersByTimeAsync(10);
      const device = await linking;
      for (const id of ['G1', 'G2', 'G3'])
        await device.engine.sendText({ to: CUSTOMER, text: `kept ${id}`, waMessageId: id });
      await vi.advanceTimersByTimeAsync(100);
      for (const id of ['G1', 'G2', 'G3'])
        expect(statusesOf(device, id)).toEqual(['sent', 'delivered', 'read']);
      // Only the receipts' timers ran; what is left waiting is one timer for the three records.
      expect(vi.getTimerCount()).toBe(1);
      const write = vi.spyOn(device.state, 'write');
      await vi.advanceTimersByTimeAsync(SENT_RECORD_GRACE_MS + 1_000);
      expect(write.mock.calls).toEqual([
        [
          [
            { category: 'sandbox-sent', id: 'G1', value: null },
            { category: 'sandbox-sent', id: 'G2', value: null },
            { category: 'sandbox-sent', id: 'G3', value: null },
          ],
        ],
      ]);
      expect(await device.state.list('sandbox-sent')).toEqual(new Map());
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds receipts while the phone is offline and hands them over on reconnect', async () => {
    const { hub, linkedDevice } = fresh();
    const device = await linkedDevice('dev-held', PHONE);
    await device.engine.sendText({ to: CUSTOMER, text: 'held', waMessageId: 'W7' });
    hub.disconnect('dev-held', { reconnectAfterMs: 100 });
    await device.events.waitFor('message_status', { match: (s) => s.status === 'read' });
    expect(device.events.names()).toEqual([
      'qr',
      'connected',
      'disconnected',
      'connected',
      'message_status',
      'message_status',
      'message_status',
    ]);
    expect(statusesOf(device, 'W7')).toEqual(['sent', 'delivered', 'read']);
  });
});

describe('sandbox engine: inbound, inbox and stopping', () => {
  it('emits inbound when a simulated customer writes', async () => {
    const { hub, linkedDevice } = fresh();
    const { events } = await linkedDevice('dev-in', PHONE);
    const { waMessageId } = hub.inbound('dev-in', CUSTOMER, 'Hello?');
    const inbound = await events.waitFor('inbound');
    expect(inbound).toMatchObject({
      waMessageId,
      from: CUSTOMER,
      jid: '14155550123@s.whatsapp.net',
      text: 'Hello?',
    });
    expect(inbound.at).toBeInstanceOf(Date);
    expect(hub.inbound('dev-in', CUSTOMER, 'again').waMessageId).not.toBe(waMessageId);
    expect(() => hub.inbound('nobody', CUSTOMER, 'x')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('lists inboxes newest first, filtered, limited and bounded', async () => {
    const { hub, linkedDevice } = fresh({ inboxCapacity: 3 });
    const a = await linkedDevice('dev-a', PHONE);
    const b = await linkedDevice('dev-b', '+4915199999999');
    for (const n of [1, 2, 3]) await a.engine.sendText({ to: CUSTOMER, text: `a${n}`, waMessageId: `A${n}` });
    await b.engine.sendText({ to: '+14155550999', text: 'b1', waMessageId: 'B1' });
    expect(hub.messages().map((m) => m.id)).toEqual(['B1', 'A3', 'A2']);
    expect(hub.messages({ deviceId: 'dev-a' }).map((m) => m.id)).toEqual(['A3', 'A2']);
    expect(hub.messages({ to: '+14155550999' }).map((m) => m.id)).toEqual(['B1']);
    expect(hub.messages({ limit: 1 }).map((m) => m.id)).toEqual(['B1']);
  });

  it('emits nothing after stop: receipts and QR refreshes are cancelled', async () => {
    const { hub, device, linkedDevice } = fresh();
    const sender = await linkedDevice('dev-stopped', PHONE);
    await sender.engine.sendText({ to: CUSTOMER, text: 'cut off', waMessageId: 'W8' });
    await sender.engine.stop();
    const showingQr = device('dev-qr-stopped');
    await showingQr.engine.start();
    await showingQr.engine.stop();
    const clock = await linkedDevice('dev-clock', '+4915100000000');
    await letReceiptsRun(clock, 'CLOCK');
    expect(sender.events.names()).toEqual(['qr', 'connected']);
    expect(showingQr.events.names()).toEqual(['qr']);
    expect(hub.messages({ deviceId: 'dev-stopped' })[0]?.status).toBe('sent');
    expect(hub.engine('dev-stopped')).toBeUndefined();
  });
});
