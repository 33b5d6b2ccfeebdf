import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMessage } from '../../src/messages/send.js';
import { eventually, workspacePlan } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { customerWrites, enc, linkDevice, startInboundApp, type InboundKit } from '../inbound/kit.js';

let kit: InboundKit;
/** The line whose queue waits: its phone is off while each test queues and the customer opts out. */
let queueLine: string;
/** The line customers write STOP to. */
let inboundLine: string;

beforeAll(async () => {
  kit = await startInboundApp();
  queueLine = await linkDevice(kit.t, 'Queue', '+15550004301');
  inboundLine = await linkDevice(kit.t, 'Support', '+15550004302');
});
afterAll(async () => {
  await kit.close();
});

async function setQueueLine(connected: boolean): Promise<void> {
  const { t } = kit;
  await t.request({
    method: 'POST',
    url: connected ? `/v1/devices/${queueLine}/connect` : `/v1/sandbox/devices/${queueLine}/disconnect`,
  });
  await eventually(
    async () =>
      (await t.request({ method: 'GET', url: `/v1/devices/${queueLine}` })).json().status ===
      (connected ? 'connected' : 'disconnected'),
  );
}

async function queueText(to: string, body: string): Promise<string> {
  const res = await kit.t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { deviceId: queueLine, to, type: 'text', text: { body }, queueIfDisconnected: true },
  });
  expect(res.json()).toMatchObject({ status: 'queued' });
  return res.json<{ id: string }>().id;
}

/** A code message as the verification service queues it. */
async function queueCode(to: string): Promise<string> {
  const text = { body: 'Your code is 123456' };
  const input = { to, deviceId: queueLine, type: 'text' as const, text, queueIfDisconnected: true };
  const view = await sendMessage(kit.t.app.ctx, kit.t.workspaceId, await workspacePlan(kit.t), input, {
    source: 'verification',
    displayBody: 'Your code is ******',
    ignoreOptOut: true,
  });
  return view.id;
}

const messageOf = async (id: string) =>
  (await kit.t.request({ method: 'GET', url: `/v1/messages/${id}` })).json();

const canceledEvents = (id: string) =>
  publishedEvents(kit.t, (e) => e.type === 'message.canceled' && (e.data as { id: string }).id === id);

const optedOutCancel = {
  status: 'canceled',
  error: { code: 'RECIPIENT_OPTED_OUT', message: expect.stringContaining('opted out') },
};

const patchWorkspace = (payload: Record<string, unknown>) =>
  kit.t.request({ method: 'PATCH', url: '/v1/workspace', payload });

// An opt-out only refused new sends: messages queued for the person before it (a device offline,
// a long queue) still went out when their device got to them.
describe('opting out cancels what is queued for the number', () => {
  it('through the API', async () => {
    const phone = '+15556664301';
    await setQueueLine(false);
    const queued = await queueText(phone, 'Our summer sale starts today');
    const patched = await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${enc(phone)}`,
      payload: { optedOut: true },
    });
    expect(patched.statusCode).toBe(200);
    expect(await messageOf(queued)).toMatchObject(optedOutCancel);
    expect(canceledEvents(queued)).toHaveLength(1);
    expect(canceledEvents(queued)[0]!.data).toMatchObject(optedOutCancel);

    // Reconnected, the line sends the next message in its queue, and not the canceled one.
    const other = '+15556664309';
    const after = await queueText(other, 'Your order shipped');
    await setQueueLine(true);
    await eventually(async () => (await messageOf(after)).status === 'read');
    expect(await messageOf(queued)).toMatchObject(optedOutCancel);
    const inbox = await kit.t.request({ method: 'GET', url: `/v1/sandbox/messages?to=${enc(phone)}` });
    expect(inbox.json().data).toEqual([]);
  });

  it('by writing STOP', async () => {
    const phone = '+15556664302';
    await setQueueLine(false);
    const queued = await queueText(phone, 'Our summer sale starts today');
    expect(await customerWrites(kit, inboundLine, 'Stop', phone)).toMatchObject({ action: 'opted_out' });
    expect(await messageOf(queued)).toMatchObject(optedOutCancel);
    expect(canceledEvents(queued)).toHaveLength(1);
  });

  it('except codes when the workspace sends codes to opted-out numbers', async () => {
    const [kept, canceled] = ['+15556664303', '+15556664304'];
    await setQueueLine(false);
    expect((await patchWorkspace({ allowOtpToOptedOut: true })).statusCode).toBe(200);
    const code = await queueCode(kept);
    const text = await queueText(kept, 'Our summer sale starts today');
    expect(await customerWrites(kit, inboundLine, 'STOP', kept)).toMatchObject({ action: 'opted_out' });
    expect(await messageOf(code)).toMatchObject({ status: 'queued', error: null });
    expect(await messageOf(text)).toMatchObject(optedOutCancel);

    expect((await patchWorkspace({ allowOtpToOptedOut: false })).statusCode).toBe(200);
    const notAllowed = await queueCode(canceled);
    await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${enc(canceled)}`,
      payload: { optedOut: true },
    });
    expect(await messageOf(notAllowed)).toMatchObject(optedOutCancel);
  });
});
