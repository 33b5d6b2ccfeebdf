/**
 * Translation of Baileys message events into engine events: receipts onto message statuses,
 * customer messages onto `inbound`. Kept apart from the socket handling so it is plain data in,
 * plain data out.
 */
import {
  isHostedLidUser,
  isHostedPnUser,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isLidUser,
  isPnUser,
  jidDecode,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  toNumber,
} from 'baileys';
import type { Contact, WAMessage, WAMessageKey, WAMessageUpdate } from 'baileys';
import type { EngineEvents, EngineMessageStatus } from '../engine.js';
import { inboundContent, type InboundContent } from './inbound-content.js';

const Status = proto.WebMessageInfo.Status;

/** PENDING is left out on purpose: the hand-off itself is reported by `sendText` resolving. */
const STATUS_MAP: Partial<Record<proto.WebMessageInfo.Status, EngineMessageStatus>> = {
  [Status.SERVER_ACK]: 'sent',
  [Status.DELIVERY_ACK]: 'delivered',
  [Status.READ]: 'read',
  [Status.PLAYED]: 'read',
  [Status.ERROR]: 'failed',
};

/**
 * The receipts one of our own messages' update carries, in order. rc14 reports 1:1 receipts
 * (delivered, read, played) and server nacks (ERROR) as `messages.update`;
 * `message-receipt.update` only carries per-participant receipts of group and status-broadcast
 * messages, which WAPing never sends.
 *
 * A read (or played) receipt is reported as delivered, then read: while Baileys buffers events (at
 * login, around the offline batch) it merges a delivery and a read receipt for the same message
 * into one update that only says READ, and the delivery would never be seen. Read implies
 * delivered; a delivered that was already applied changes nothing downstream.
 */
export function statusesFromUpdate(
  { key, update }: WAMessageUpdate,
  now: Date = new Date(),
): Array<EngineEvents['message_status']> {
  if (!key.fromMe || !key.id || update.status == null) return [];
  const status = STATUS_MAP[update.status];
  if (!status) return [];
  const base = { waMessageId: key.id, at: now };
  if (status === 'failed') {
    const code = String((update.messageStubParameters as unknown[] | undefined)?.[0] ?? 'unknown');
    return [{ ...base, status, error: `whatsapp error ${code}` }];
  }
  if (status === 'read')
    return [
      { ...base, status: 'delivered' },
      { ...base, status },
    ];
  return [{ ...base, status }];
}

/** The text a customer wrote: plain, extended (links, quotes) or a media caption. */
export function messageText(message: proto.IMessage | null | undefined): string | undefined {
  // Unwraps disappearing, view-once and document-with-caption envelopes.
  const content = normalizeMessageContent(message);
  if (!content) return undefined;
  const text =
    content.conversation ??
    content.extendedTextMessage?.text ??
    content.imageMessage?.caption ??
    content.videoMessage?.caption ??
    content.documentMessage?.caption;
  return text ? text : undefined;
}

/** E.164 of a phone-number JID (`15551234567:3@s.whatsapp.net` → `+15551234567`). */
export function phoneFromPnJid(jid: string | null | undefined): string | undefined {
  if (!jid || !(isPnUser(jid) || isHostedPnUser(jid))) return undefined;
  const user = jidDecode(jid)?.user;
  return user && /^\d+$/.test(user) ? `+${user}` : undefined;
}

/** The `connected` event for the account the socket logged in as (`sock.user`). */
export function connectedEvent(user: Contact | undefined): EngineEvents['connected'] {
  // `id` carries this companion's device suffix (`…:12@s.whatsapp.net`); the number is the user part.
  const phone = phoneFromPnJid(user?.id) ?? phoneFromPnJid(user?.phoneNumber) ?? '';
  const jid = phone ? `${phone.slice(1)}@s.whatsapp.net` : user?.id;
  const displayName = user?.name ?? user?.verifiedName ?? user?.notify;
  return { phone, ...(displayName ? { displayName } : {}), ...(jid ? { jid } : {}) };
}

export const isLidJid = (jid: string | null | undefined): boolean =>
  !!jid && !!(isLidUser(jid) || isHostedLidUser(jid));

export type InboundResult =
  | { kind: 'inbound'; event: EngineEvents['inbound']; media: InboundContent['media'] }
  | { kind: 'skip'; why: string; jid?: string };

/** The `inbound` event for an upserted message, or why there is none. */
export async function toInbound(
  msg: WAMessage,
  pnForLid: (lid: string) => Promise<string | null | undefined>,
): Promise<InboundResult> {
  const parsed = parseInbound(msg);
  if (parsed.kind === 'skip') return parsed;
  const from = await resolveSenderPhone(parsed.key, pnForLid);
  const { key, jid, content, pushName, at } = parsed;
  if (!from) return { kind: 'skip', why: 'sender number unknown (LID without mapping)', jid };
  const event = {
    waMessageId: key.id as string,
    from,
    jid,
    text: content.text,
    ...(content.kind ? { kind: content.kind } : {}),
    ...(pushName ? { pushName } : {}),
    at,
  };
  return { kind: 'inbound', event, media: content.media };
}

export type InboundParse =
  | { kind: 'skip'; why: string }
  | {
      kind: 'message';
      key: WAMessageKey;
      jid: string;
      content: InboundContent;
      pushName?: string;
      at: Date;
    };

/** Which upserted messages are customer messages to the line, before the sender is resolved. */
export function parseInbound(msg: WAMessage): InboundParse {
  const { key } = msg;
  const jid = key.remoteJid;
  if (key.fromMe) return { kind: 'skip', why: 'own message' };
  if (!jid || !key.id) return { kind: 'skip', why: 'no chat or id' };
  // Status updates, broadcast lists, groups and channels are not conversations with the line.
  if (isJidBroadcast(jid) || isJidGroup(jid) || isJidNewsletter(jid)) return { kind: 'skip', why: 'not 1:1' };
  const content = inboundContent(msg.message);
  if (!content) return { kind: 'skip', why: 'no content' };
  const seconds = toNumber(msg.messageTimestamp);
  return {
    kind: 'message',
    key,
    jid: jidNormalizedUser(jid),
    content,
    ...(msg.pushName ? { pushName: msg.pushName } : {}),
    at: seconds ? new Date(seconds * 1000) : new Date(),
  };
}

/**
 * The sender's E.164. WhatsApp addresses more and more chats by LID (`…@lid`), which hides the
 * number; rc14 puts the phone-number JID of such a sender in `key.remoteJidAlt` when the stanza
 * carries it (`sender_pn`), and otherwise its LID↔PN store may know the mapping from history sync
 * or an earlier envelope.
 */
export async function resolveSenderPhone(
  key: WAMessageKey,
  pnForLid: (lid: string) => Promise<string | null | undefined>,
): Promise<string | undefined> {
  const jid = key.remoteJid;
  const direct = phoneFromPnJid(jid);
  if (direct) return direct;
  if (!isLidJid(jid)) return undefined;
  const alt = phoneFromPnJid(key.remoteJidAlt);
  if (alt) return alt;
  return phoneFromPnJid(await pnForLid(jid as string));
}
