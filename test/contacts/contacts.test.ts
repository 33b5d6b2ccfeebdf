import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';
import { customerWrites, enc, linkDevice, MINUTE, startInboundApp, type InboundKit } from '../inbound/kit.js';

let kit: InboundKit;
let deviceId: string;

beforeAll(async () => {
  kit = await startInboundApp();
  deviceId = await linkDevice(kit.t);
  kit.clock.set('2025-05-05T12:00:00Z');
});
afterAll(async () => {
  await kit.close();
});

const getContact = (phone: string) => kit.t.request({ method: 'GET', url: `/v1/contacts/${enc(phone)}` });

describe('contacts from inbound messages', () => {
  it('records first and last inbound time, the JID and the sender’s WhatsApp name', async () => {
    const phone = '+15556660001';
    await customerWrites(kit, deviceId, 'first', phone);
    kit.clock.advance(5 * MINUTE);
    await customerWrites(kit, deviceId, 'second', phone);
    expect((await getContact(phone)).json()).toMatchObject({
      phone,
      jid: '15556660001@s.whatsapp.net',
      onWhatsApp: true,
      firstInboundAt: '2025-05-05T12:00:00.000Z',
      lastInboundAt: '2025-05-05T12:05:00.000Z',
      optedOut: false,
      optedOutAt: null,
      displayName: null,
    });
    const raw = await kit.t.request({ method: 'GET', url: `/v1/contacts/${phone}` });
    expect(raw.json()).toMatchObject({ phone });
    // The sandbox does not send a WhatsApp name; a real engine does, through the same path.
    const ctx = kit.t.app.ctx;
    await kit.t.app.supervisor.hooks.onInbound(
      { id: deviceId, workspaceId: kit.t.workspaceId },
      {
        waMessageId: 'WA-PUSHNAME-1',
        from: phone,
        jid: '15556660001@s.whatsapp.net',
        pushName: 'Maria',
        text: 'third',
        at: ctx.clock.now(),
      },
    );
    await eventually(async () => (await getContact(phone)).json().displayName === 'Maria');
  });

  it('stores the inbound message with its message.received event', async () => {
    const outcome = await customerWrites(kit, deviceId, 'is my order late?', '+15556660002');
    const message = await kit.t.request({ method: 'GET', url: `/v1/messages/${outcome.inboundId}` });
    expect(message.json()).toMatchObject({
      direction: 'in',
      from: '+15556660002',
      status: 'received',
      body: 'is my order late?',
    });
    const events = publishedEvents(
      kit.t,
      (e) => e.workspaceId === kit.t.workspaceId && e.type === 'message.received',
    );
    const event = events.find((e) => e.data.id === outcome.inboundId);
    expect(event?.data).toMatchObject({ deviceId, direction: 'in', body: 'is my order late?' });
    const listed = await kit.t.request({ method: 'GET', url: '/v1/messages?direction=in&to=%2B15556660002' });
    expect(listed.json().data.map((m: { id: string }) => m.id)).toEqual([outcome.inboundId]);
  });
});

describe('contacts API', () => {
  it('lists by phone with keyset pages and an optedOut filter', async () => {
    for (const phone of ['+15556660103', '+15556660101', '+15556660102']) {
      await kit.t.request({ method: 'PATCH', url: `/v1/contacts/${enc(phone)}`, payload: { notes: 'lead' } });
    }
    await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${enc('+15556660102')}`,
      payload: { optedOut: true },
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await kit.t.request({ method: 'GET', url })).json() as {
        data: Array<{ phone: string }>;
        nextCursor: string | null;
      };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((c) => c.phone));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['+15556660101', '+15556660102', '+15556660103']));
    const out = (await kit.t.request({ method: 'GET', url: '/v1/contacts?optedOut=true' })).json() as {
      data: Array<{ phone: string }>;
    };
    expect(out.data.map((c) => c.phone)).toEqual(['+15556660102']);
    const inList = (
      await kit.t.request({ method: 'GET', url: '/v1/contacts?optedOut=false&limit=100' })
    ).json() as { data: Array<{ phone: string }> };
    expect(inList.data.map((c) => c.phone)).not.toContain('+15556660102');
  });

  it('PATCH sets and clears name and notes; the WhatsApp name does not override a chosen one', async () => {
    const phone = '+15556660201';
    const set = await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${enc(phone)}`,
      payload: { displayName: 'VIP Ana', notes: 'prefers mornings' },
    });
    expect(set.json()).toMatchObject({
      displayName: 'VIP Ana',
      notes: 'prefers mornings',
      firstInboundAt: null,
    });
    const ctx = kit.t.app.ctx;
    await kit.t.app.supervisor.hooks.onInbound(
      { id: deviceId, workspaceId: kit.t.workspaceId },
      {
        waMessageId: 'WA-PUSHNAME-2',
        from: phone,
        jid: '15556660201@s.whatsapp.net',
        pushName: 'ana',
        text: 'hi',
        at: ctx.clock.now(),
      },
    );
    await eventually(async () => (await getContact(phone)).json().firstInboundAt !== null);
    expect((await getContact(phone)).json()).toMatchObject({ displayName: 'VIP Ana' });
    const cleared = await kit.t.request({
      method: 'PATCH',
      url: `/v1/contacts/${enc(phone)}`,
      payload: { notes: null },
    });
    expect(cleared.json()).toMatchObject({ notes: null, displayName: 'VIP Ana' });
  });

  it('DELETE forgets the contact and erases the bodies of its messages, keeping statuses', async () => {
    const phone = '+15556660301';
    const inbound = await customerWrites(kit, deviceId, 'my address is 1 Main St', phone);
    const sent = await kit.t.request({
      method: 'POST',
      url: '/v1/messages',
      payload: { deviceId, to: phone, type: 'text', text: { body: 'We ship tomorrow' } },
    });
    const sentId = (sent.json() as { id: string }).id;
    await eventually(
      async () =>
        (await kit.t.request({ method: 'GET', url: `/v1/messages/${sentId}` })).json().status === 'read',
    );
    const other = await customerWrites(kit, deviceId, 'keep me', '+15556660302');

    const deleted = await kit.t.request({ method: 'DELETE', url: `/v1/contacts/${enc(phone)}` });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ phone, deleted: true, messagesErased: 2 });
    expect((await getContact(phone)).statusCode).toBe(404);
    const inMsg = (await kit.t.request({ method: 'GET', url: `/v1/messages/${inbound.inboundId}` })).json();
    expect(inMsg).toMatchObject({ body: null, status: 'received', metadata: null });
    const outMsg = (await kit.t.request({ method: 'GET', url: `/v1/messages/${sentId}` })).json();
    expect(outMsg).toMatchObject({ body: null, status: 'read' });
    expect(outMsg.timeline.map((s: { status: string }) => s.status)).toEqual([
      'queued',
      'sending',
      'sent',
      'delivered',
      'read',
    ]);
    const kept = (await kit.t.request({ method: 'GET', url: `/v1/messages/${other.inboundId}` })).json();
    expect(kept.body).toBe('keep me');
    expect(
      (await kit.t.request({ method: 'DELETE', url: `/v1/contacts/${enc('+15556669999')}` })).statusCode,
    ).toBe(404);
  });
});
