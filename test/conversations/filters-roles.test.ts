import { describe, expect } from 'vitest';
import { runConversationRetention } from '../../src/conversations/retention.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { setupOwner, signedIn, type Browser } from '../dashboard/session.js';
import {
  conversationWith,
  customerMessage,
  eventsOfType,
  listConversations,
  type ConversationJson,
} from './kit.js';

const it = appTest();
let line: string;
let otherLine: string;
let owner: Browser;
let agent: Browser;
let viewer: Browser;
let agentId: string;
let ownerId: string;

const enc = encodeURIComponent;

it.beforeAll(async ({ t }) => {
  line = await linkSandboxDevice(t, { phone: '+15550008001', name: 'Support' });
  otherLine = await linkSandboxDevice(t, { phone: '+15550008002', name: 'Sales' });
  owner = await setupOwner(t);
  agent = await signedIn(t, 'agent');
  viewer = await signedIn(t, 'viewer');
  const team = (await owner.request({ method: 'GET', url: '/v1/team' })).json().data as Array<{
    id: string;
    email: string;
    role: string;
  }>;
  agentId = team.find((m) => m.role === 'agent')!.id;
  ownerId = team.find((m) => m.role === 'owner')!.id;
});

async function conversationFor(t: Parameters<typeof listConversations>[0], phone: string, device = line) {
  await customerMessage(t, device, phone, `hello from ${phone}`);
  return conversationWith(t, phone, device);
}

describe('filters and paging', () => {
  it('filters by status, assignee, device, tag, text and unread, with counts per status', async ({ t }) => {
    const a = await conversationFor(t, '+15552220001');
    const b = await conversationFor(t, '+15552220002');
    const c = await conversationFor(t, '+15552220003', otherLine);
    await customerMessage(t, line, '+15552220004', 'Where is parcel ZX-42?', 'Bruno');
    const d = await conversationWith(t, '+15552220004');

    const patch = (id: string, payload: object) =>
      owner.request({ method: 'PATCH', url: `/v1/conversations/${id}`, payload });
    expect((await patch(a.id, { status: 'pending', tags: ['vip', 'billing'] })).statusCode).toBe(200);
    expect((await patch(b.id, { status: 'resolved', assigneeId: agentId })).statusCode).toBe(200);
    expect((await patch(c.id, { assigneeId: 'me', tags: ['vip'] })).statusCode).toBe(200);
    await owner.request({ method: 'POST', url: `/v1/conversations/${d.id}/read` });

    const ids = (page: { data: ConversationJson[] }) => page.data.map((x) => x.id).sort();
    expect(ids(await listConversations(t, 'status=pending'))).toEqual([a.id]);
    expect(ids(await listConversations(t, `assignee=${agentId}`))).toEqual([b.id]);
    const mine = await owner.request({ method: 'GET', url: '/v1/conversations?assignee=me' });
    expect(ids(mine.json())).toEqual([c.id]);
    const none = await listConversations(t, 'assignee=none');
    expect(ids(none)).toEqual([a.id, d.id].sort());
    expect(ids(await listConversations(t, `deviceId=${otherLine}`))).toEqual([c.id]);
    expect(ids(await listConversations(t, 'tag=vip'))).toEqual([a.id, c.id].sort());
    expect(ids(await listConversations(t, `q=${enc('zx-42')}`))).toEqual([d.id]);
    expect(ids(await listConversations(t, 'q=bruno'))).toEqual([d.id]);
    expect(ids(await listConversations(t, `q=${enc('2220003')}`))).toEqual([c.id]);
    // LIKE wildcards in the search are text, not patterns.
    expect((await listConversations(t, `q=${enc('%')}`)).data).toEqual([]);
    const unread = await listConversations(t, 'unread=true');
    expect(ids(unread)).toEqual([a.id, b.id, c.id].sort());

    const all = await listConversations(t);
    expect(all.counts).toEqual({ open: 2, pending: 1, resolved: 1 });
    const vipCounts = await listConversations(t, 'tag=vip&status=open');
    expect(vipCounts.counts).toEqual({ open: 1, pending: 1, resolved: 0 });
    expect((await t.request({ method: 'GET', url: `/v1/conversations/${a.id}` })).json().tags).toEqual([
      'billing',
      'vip',
    ]);
  });

  it('pages through every conversation once, newest activity first', async ({ t }) => {
    for (let i = 0; i < 7; i++) await customerMessage(t, line, `+1555333000${i}`, `page ${i}`);
    const seen: ConversationJson[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listConversations(t, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      if (pages > 0) expect(page.counts).toBeNull();
      seen.push(...page.data);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    const total = (await listConversations(t, 'limit=100')).data;
    expect(seen.map((c) => c.id)).toEqual(total.map((c) => c.id));
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(pages).toBe(Math.ceil(seen.length / 3));
    const times = seen.map((c) => c.lastMessage!.id!);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages through a thread oldest first', async ({ t }) => {
    const phone = '+15553330100';
    for (let i = 0; i < 5; i++) await customerMessage(t, line, phone, `line ${i}`);
    const { id } = await conversationWith(t, phone);
    const bodies: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request({
        method: 'GET',
        url: `/v1/conversations/${id}/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      bodies.push(...res.json().data.map((m: { body: string }) => m.body));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(bodies).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
  });
});

describe('roles', () => {
  it('viewers read but change nothing', async ({ t }) => {
    const { id } = await conversationFor(t, '+15554440001');
    expect((await viewer.request({ method: 'GET', url: '/v1/conversations' })).statusCode).toBe(200);
    expect(
      (await viewer.request({ method: 'GET', url: `/v1/conversations/${id}/messages` })).statusCode,
    ).toBe(200);
    const writes = [
      { method: 'PATCH' as const, url: `/v1/conversations/${id}`, payload: { status: 'resolved' } },
      {
        method: 'POST' as const,
        url: `/v1/conversations/${id}/messages`,
        payload: { type: 'text', text: { body: 'x' } },
      },
      { method: 'POST' as const, url: `/v1/conversations/${id}/read` },
      { method: 'POST' as const, url: `/v1/conversations/${id}/notes`, payload: { body: 'x' } },
    ];
    for (const write of writes) {
      const res = await viewer.request(write);
      expect(res.statusCode, write.url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await conversationWith(t, '+15554440001')).status).toBe('open');
  });

  it('agents reply and take conversations for themselves, not for others', async ({ t }) => {
    const { id } = await conversationFor(t, '+15554440002');
    const toOwner = await agent.request({
      method: 'PATCH',
      url: `/v1/conversations/${id}`,
      payload: { assigneeId: ownerId },
    });
    expect(toOwner.statusCode).toBe(403);
    const mine = await agent.request({
      method: 'PATCH',
      url: `/v1/conversations/${id}`,
      payload: { assigneeId: 'me' },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().assigneeId).toBe(agentId);
    const reply = await agent.request({
      method: 'POST',
      url: `/v1/conversations/${id}/messages`,
      payload: { type: 'text', text: { body: 'On it' } },
    });
    expect(reply.statusCode).toBe(202);
    expect(reply.json().source).toBe('dashboard');
    const resolved = await agent.request({
      method: 'PATCH',
      url: `/v1/conversations/${id}`,
      payload: { status: 'resolved' },
    });
    expect(resolved.json().status).toBe('resolved');
    const released = await agent.request({
      method: 'PATCH',
      url: `/v1/conversations/${id}`,
      payload: { assigneeId: null },
    });
    expect(released.json().assigneeId).toBeNull();
    // The owner may hand it to anyone on the team, but not to a stranger.
    const handed = await owner.request({
      method: 'PATCH',
      url: `/v1/conversations/${id}`,
      payload: { assigneeId: agentId },
    });
    expect(handed.statusCode).toBe(200);
    const stranger = await owner.request({
      method: 'PATCH',
      url: `/v1/conversations/${id}`,
      payload: { assigneeId: 'usr_00000000000000000000000000' },
    });
    expect(stranger.statusCode).toBe(400);
    const assigned = (await eventsOfType(t, 'conversation.assigned')).filter((e) => e.id === id);
    expect(assigned.map((e) => [e.previousAssigneeId, e.assigneeId])).toEqual([
      [null, agentId],
      [agentId, null],
      [null, agentId],
    ]);
  });

  it('an API key without the messages scope is refused', async ({ t }) => {
    const { createKey } = await import('../helpers/app.js');
    const key = await createKey(t, ['devices']);
    const res = await t.request({ method: 'GET', url: '/v1/conversations', key });
    expect(res.statusCode).toBe(403);
  });
});

describe('erasure and retention', () => {
  it('forgetting a contact deletes its conversations and notes', async ({ t }) => {
    const phone = '+15555550001';
    const { id } = await conversationFor(t, phone);
    await conversationFor(t, phone, otherLine);
    await owner.request({
      method: 'POST',
      url: `/v1/conversations/${id}/notes`,
      payload: { body: 'private' },
    });
    const forgot = await t.request({ method: 'DELETE', url: `/v1/contacts/${enc(phone)}` });
    expect(forgot.statusCode).toBe(200);
    const left = await t.app.ctx.db
      .selectFrom('conversations')
      .select('id')
      .where('phone', '=', phone)
      .execute();
    expect(left).toEqual([]);
    const notes = await t.app.ctx.db
      .selectFrom('conversation_notes')
      .select('id')
      .where('conversation_id', '=', id)
      .execute();
    expect(notes).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/v1/conversations/${id}` })).statusCode).toBe(404);
  });

  it('retention erases old notes and previews', async ({ t }) => {
    const phone = '+15555550002';
    const { id } = await conversationFor(t, phone);
    await owner.request({
      method: 'POST',
      url: `/v1/conversations/${id}/notes`,
      payload: { body: 'old note' },
    });
    const old = new Date(Date.now() - 400 * 24 * 3600 * 1000).toISOString();
    await t.app.ctx.db
      .updateTable('conversation_notes')
      .set({ created_at: old })
      .where('conversation_id', '=', id)
      .execute();
    await t.app.ctx.db
      .updateTable('conversations')
      .set({ last_message_at: old })
      .where('id', '=', id)
      .execute();
    expect(await runConversationRetention(t.app.ctx)).toBeGreaterThanOrEqual(1);
    const notes = await t.request({ method: 'GET', url: `/v1/conversations/${id}/notes` });
    expect(notes.json().data.map((n: { body: string | null }) => n.body)).toEqual([null]);
    const view = (await t.request({ method: 'GET', url: `/v1/conversations/${id}` })).json();
    expect(view.lastMessage.preview).toBeNull();
  });
});
