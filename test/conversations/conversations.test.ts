import { describe, expect } from 'vitest';
import { eventually } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { keyWritesDuring } from '../helpers/idempotency-claims.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { automatedSend, conversationWith, customerMessage, eventsOfType, listConversations } from './kit.js';

const it = appTest();
let line: string;
let otherLine: string;

it.beforeAll(async ({ t }) => {
  line = await linkSandboxDevice(t, { phone: '+15550009001', name: 'Support' });
  otherLine = await linkSandboxDevice(t, { phone: '+15550009002', name: 'Sales' });
});

describe('conversations filed from messages', () => {
  it('a customer message creates an open, unread conversation with its push name and an event', async ({
    t,
  }) => {
    await customerMessage(t, line, '+15551110001', 'Hello, my order is late', 'Ana');
    const conversation = await conversationWith(t, '+15551110001');
    expect(conversation).toMatchObject({
      deviceId: line,
      status: 'open',
      assigneeId: null,
      unreadCount: 1,
      contactName: 'Ana',
      otpOnly: false,
      lastMessage: { direction: 'in', preview: 'Hello, my order is late' },
    });
    const created = await eventsOfType(t, 'conversation.created');
    expect(created.filter((e) => e.id === conversation.id)).toHaveLength(1);
  });

  it('one customer on two lines is two conversations', async ({ t }) => {
    await customerMessage(t, line, '+15551110002', 'on support');
    await customerMessage(t, otherLine, '+15551110002', 'on sales');
    const page = await listConversations(t, `q=${encodeURIComponent('+15551110002')}`);
    expect(page.data.map((c) => c.deviceId).sort()).toEqual([line, otherLine].sort());
  });

  it('concurrent customer messages all count as unread, in one conversation created once', async ({ t }) => {
    const phone = '+15551110003';
    await Promise.all(Array.from({ length: 20 }, (_, i) => customerMessage(t, line, phone, `message ${i}`)));
    const conversation = await conversationWith(t, phone);
    expect(conversation.unreadCount).toBe(20);
    const rows = await t.app.ctx.db
      .selectFrom('conversations')
      .select('id')
      .where('phone', '=', phone)
      .execute();
    expect(rows).toHaveLength(1);
    const created = await eventsOfType(t, 'conversation.created');
    expect(created.filter((e) => e.phone === phone)).toHaveLength(1);
    // The preview is the newest of them, whatever order the transactions committed in.
    const newest = await t.app.ctx.db
      .selectFrom('messages')
      .select(['id', 'body'])
      .where('phone', '=', phone)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(conversation.lastMessage).toMatchObject({ id: newest.id, preview: newest.body });
  });

  it('concurrent outbound messages make one conversation, created once; its last message never moves back', async ({
    t,
  }) => {
    const phone = '+15551110013';
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) => automatedSend(t, line, phone, 'auto_reply', `reply ${i}`)),
    );
    const rows = await t.app.ctx.db
      .selectFrom('conversations')
      .selectAll()
      .where('phone', '=', phone)
      .execute();
    expect(rows).toHaveLength(1);
    const created = await eventsOfType(t, 'conversation.created');
    expect(created.filter((e) => e.phone === phone)).toHaveLength(1);
    const newest = sent
      .map((m) => m.id)
      .sort()
      .at(-1)!;
    expect(rows[0]).toMatchObject({ last_message_id: newest, last_direction: 'out', otp_only: 0 });

    // An older message whose transaction commits last leaves the thread's last message as it is.
    const older = await t.app.ctx.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', sent.map((m) => m.id).sort()[0]!)
      .executeTakeFirstOrThrow();
    await t.app.ctx.db
      .transaction()
      .execute((trx) => t.app.ctx.messageStored.run(trx, { ...older, body: 'late' }));
    const after = await conversationWith(t, phone);
    expect(after.id).toBe(rows[0]!.id);
    expect(after.lastMessage).toMatchObject({ id: newest, preview: rows[0]!.last_preview });
  });

  it('a new customer message reopens a resolved conversation, with a status event', async ({ t }) => {
    const phone = '+15551110004';
    await customerMessage(t, line, phone, 'first');
    const { id } = await conversationWith(t, phone);
    const resolved = await t.request({
      method: 'PATCH',
      url: `/v1/conversations/${id}`,
      payload: { status: 'resolved' },
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved' });
    await t.request({ method: 'POST', url: `/v1/conversations/${id}/read` });

    await customerMessage(t, line, phone, 'it is broken again');
    const reopened = await conversationWith(t, phone);
    expect(reopened).toMatchObject({ status: 'open', unreadCount: 1 });
    const changes = (await eventsOfType(t, 'conversation.status_changed')).filter((e) => e.id === id);
    expect(changes.map((e) => [e.previousStatus, e.status])).toEqual([
      ['open', 'resolved'],
      ['resolved', 'open'],
    ]);
  });

  it('auto-replies and codes join the thread without reopening it or counting as unread', async ({ t }) => {
    const phone = '+15551110005';
    await customerMessage(t, line, phone, 'hi');
    const { id } = await conversationWith(t, phone);
    await t.request({ method: 'POST', url: `/v1/conversations/${id}/read` });
    await t.request({ method: 'PATCH', url: `/v1/conversations/${id}`, payload: { status: 'resolved' } });
    await automatedSend(t, line, phone, 'auto_reply', 'We are closed until Monday');
    await automatedSend(t, line, phone, 'verification', 'Your code is 123456');
    const after = await conversationWith(t, phone);
    expect(after).toMatchObject({
      status: 'resolved',
      unreadCount: 0,
      otpOnly: false,
      lastMessage: { direction: 'out', preview: 'Your code is ******' },
    });
    const thread = await t.request({ method: 'GET', url: `/v1/conversations/${id}/messages` });
    expect(thread.json().data.map((m: { body: string }) => m.body)).toEqual([
      'hi',
      'We are closed until Monday',
      'Your code is ******',
    ]);
  });

  it('a thread of codes only is left out of the inbox unless asked for', async ({ t }) => {
    const phone = '+15551110006';
    await automatedSend(t, line, phone, 'verification', 'Your code is 654321');
    const hidden = await listConversations(t, `q=${encodeURIComponent(phone)}`);
    expect(hidden.data).toEqual([]);
    const shown = await listConversations(t, `q=${encodeURIComponent(phone)}&includeOtpOnly=true`);
    expect(shown.data).toHaveLength(1);
    expect(shown.data[0]).toMatchObject({ otpOnly: true, unreadCount: 0 });
    // Once the customer writes, it is a conversation like any other.
    await customerMessage(t, line, phone, 'the code does not work');
    const listed = await listConversations(t, `q=${encodeURIComponent(phone)}`);
    expect(listed.data[0]).toMatchObject({ otpOnly: false, unreadCount: 1 });
  });

  it('a thread of codes joins the inbox with the first message sent to it that is not a code', async ({
    t,
  }) => {
    const phone = '+15551110016';
    await automatedSend(t, line, phone, 'verification', 'Your code is 111111');
    await automatedSend(t, line, phone, 'verification', 'Your code is 222222');
    expect(await conversationWith(t, phone)).toMatchObject({ otpOnly: true });
    await automatedSend(t, line, phone, 'auto_reply', 'Thanks, we will get back to you');
    const listed = await listConversations(t, `q=${encodeURIComponent(phone)}`);
    expect(listed.data).toHaveLength(1);
    expect(listed.data[0]).toMatchObject({
      otpOnly: false,
      lastMessage: { preview: 'Thanks, we will get back to you' },
    });
    // A later code leaves it in the inbox.
    await automatedSend(t, line, phone, 'verification', 'Your code is 333333');
    expect(await conversationWith(t, phone)).toMatchObject({
      otpOnly: false,
      lastMessage: { preview: 'Your code is ******' },
    });
  });

  it('a customer message through the device reaches the inbox (sandbox line)', async ({ t }) => {
    const phone = '+15551110007';
    const sent = await t.request({
      method: 'POST',
      url: '/v1/sandbox/inbound',
      payload: { deviceId: line, from: phone, text: 'via the line' },
    });
    expect(sent.statusCode).toBe(202);
    const conversation = await eventually(async () => {
      const page = await listConversations(t, `q=${encodeURIComponent(phone)}`);
      return page.data[0];
    });
    expect(conversation).toMatchObject({ unreadCount: 1, lastMessage: { preview: 'via the line' } });
  });
});

describe('replies and notes', () => {
  it('a reply goes out on the conversation line, reads the thread and reaches the customer', async ({
    t,
  }) => {
    const phone = '+15551110010';
    await customerMessage(t, otherLine, phone, 'Do you ship to Lisbon?');
    const { id } = await conversationWith(t, phone);
    const headers = { 'idempotency-key': 'reply-lisbon-1' };
    const payload = { type: 'text', text: { body: 'Yes, in 3 days' } };
    const { result: reply, writes } = await keyWritesDuring(t.app.ctx.db, () =>
      t.request({ method: 'POST', url: `/v1/conversations/${id}/messages`, payload, headers }),
    );
    expect(reply.statusCode).toBe(202);
    // On PostgreSQL the key's answer is stored by the statement that stores the reply: no
    // statement after the response.
    expect(writes).toBe(t.app.ctx.dialect === 'postgres' ? 0 : 1);
    expect(reply.json()).toMatchObject({
      direction: 'out',
      deviceId: otherLine,
      to: phone,
      status: 'queued',
    });
    const again = await t.request({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      payload,
      headers,
    });
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(reply.body);
    const outbound = await t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('phone', '=', phone)
      .where('direction', '=', 'out')
      .execute();
    expect(outbound).toHaveLength(1);

    expect(await conversationWith(t, phone)).toMatchObject({
      unreadCount: 0,
      lastMessage: { direction: 'out', preview: 'Yes, in 3 days' },
    });
    await eventually(async () => {
      const res = await t.request({
        method: 'GET',
        url: `/v1/sandbox/messages?to=${encodeURIComponent(phone)}`,
      });
      return res.json().data.some((m: { text: string }) => m.text === 'Yes, in 3 days');
    });
  });

  it('a reply to an opted-out customer is refused and nothing is queued', async ({ t }) => {
    const phone = '+15551110011';
    await customerMessage(t, line, phone, 'STOP sending me things');
    const { id } = await conversationWith(t, phone);
    const opted = await t.request({
      method: 'PATCH',
      url: `/v1/contacts/${encodeURIComponent(phone)}`,
      payload: { optedOut: true },
    });
    expect(opted.statusCode).toBe(200);
    const reply = await t.request({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      payload: { type: 'text', text: { body: 'But wait' } },
    });
    expect(reply.statusCode).toBe(422);
    expect(reply.json().error.code).toBe('RECIPIENT_OPTED_OUT');
    const outbound = await t.app.ctx.db
      .selectFrom('messages')
      .select('id')
      .where('phone', '=', phone)
      .where('direction', '=', 'out')
      .execute();
    expect(outbound).toEqual([]);
  });

  it('notes stay with the team and are never sent', async ({ t }) => {
    const phone = '+15551110012';
    await customerMessage(t, line, phone, 'hello');
    const { id } = await conversationWith(t, phone);
    const note = await t.request({
      method: 'POST',
      url: `/v1/conversations/${id}/notes`,
      payload: { body: 'VIP customer, be nice' },
    });
    expect(note.statusCode).toBe(201);
    const notes = await t.request({ method: 'GET', url: `/v1/conversations/${id}/notes` });
    expect(notes.json().data.map((n: { body: string }) => n.body)).toEqual(['VIP customer, be nice']);
    const sandbox = await t.request({
      method: 'GET',
      url: `/v1/sandbox/messages?to=${encodeURIComponent(phone)}`,
    });
    expect(sandbox.json().data).toEqual([]);
  });

  it('bad input is a 4xx in the envelope', async ({ t }) => {
    const missing = await t.request({
      method: 'GET',
      url: '/v1/conversations/cnv_00000000000000000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const badCursor = await t.request({ method: 'GET', url: '/v1/conversations?cursor=bm9wZQ' });
    expect(badCursor.statusCode).toBe(400);
    const noText = await t.request({
      method: 'POST',
      url: '/v1/conversations/cnv_00000000000000000000000000/messages',
      payload: { type: 'text' },
    });
    expect(noText.statusCode).toBe(404);
    const emptyPatch = await t.request({
      method: 'PATCH',
      url: '/v1/conversations/cnv_00000000000000000000000000',
      payload: {},
    });
    expect(emptyPatch.statusCode).toBe(400);
    const meByKey = await t.request({ method: 'GET', url: '/v1/conversations?assignee=me' });
    expect(meByKey.statusCode).toBe(400);
    expect(meByKey.json().error.code).toBe('VALIDATION_ERROR');
  });
});
