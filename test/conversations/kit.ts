/** Shared steps of the inbox tests: customers writing, codes sent, conversations read back. */
import { recordReceivedMessage } from '../../src/messages/received.js';
import { sendMessage } from '../../src/messages/send.js';
import { workspacePlan, type TestApp } from '../helpers/app.js';
import { publishedEvents } from '../helpers/published.js';

let counter = 0;

/** A customer's message as the device's engine reports it, stored the way the supervisor stores it. */
export async function customerMessage(
  t: TestApp,
  deviceId: string,
  from: string,
  text: string,
  pushName?: string,
) {
  counter += 1;
  return recordReceivedMessage(
    t.app.ctx,
    { id: deviceId, workspaceId: t.workspaceId },
    {
      waMessageId: `WAIN${process.pid}${Date.now()}${counter}`,
      from,
      jid: `${from.slice(1)}@s.whatsapp.net`,
      ...(pushName ? { pushName } : {}),
      text,
      at: new Date(),
    },
  );
}

/** Queues a message from WAPing itself (a verification code or an auto-reply) to `to`. */
export async function automatedSend(
  t: TestApp,
  deviceId: string,
  to: string,
  source: 'verification' | 'auto_reply',
  text: string,
) {
  return sendMessage(
    t.app.ctx,
    t.workspaceId,
    await workspacePlan(t),
    { deviceId, to, type: 'text', text: { body: text } },
    source === 'verification' ? { source, displayBody: 'Your code is ******' } : { source },
  );
}

export interface ConversationJson {
  id: string;
  deviceId: string;
  phone: string;
  contactName: string | null;
  status: string;
  assigneeId: string | null;
  unreadCount: number;
  otpOnly: boolean;
  tags: string[];
  lastMessage: { id: string | null; direction: string; preview: string | null } | null;
}

export interface ConversationPageJson {
  data: ConversationJson[];
  nextCursor: string | null;
  counts: { open: number; pending: number; resolved: number } | null;
}

export async function listConversations(t: TestApp, query = '', key?: string): Promise<ConversationPageJson> {
  const res = await t.request({ method: 'GET', url: `/v1/conversations${query ? `?${query}` : ''}`, key });
  if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function conversationWith(
  t: TestApp,
  phone: string,
  deviceId?: string,
): Promise<ConversationJson> {
  const page = await listConversations(
    t,
    `includeOtpOnly=true&limit=100&q=${encodeURIComponent(phone)}${deviceId ? `&deviceId=${deviceId}` : ''}`,
  );
  const found = page.data.find((c) => c.phone === phone);
  if (!found) throw new Error(`no conversation with ${phone}`);
  return found;
}

/** The workspace's events of a type, as published (their data as a webhook receives it). */
export async function eventsOfType(t: TestApp, type: string): Promise<Array<Record<string, unknown>>> {
  return publishedEvents(t, (e) => e.workspaceId === t.workspaceId && e.type === type)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((e) => e.data);
}
