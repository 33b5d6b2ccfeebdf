/**
 * What the engine does over an open socket: send a text or a file, look a number up, and turn a
 * received message into an `inbound` event. Plain functions over one session, so the engine class
 * keeps only the connection's life cycle.
 */
import { downloadMediaMessage, normalizeMessageContent } from 'baileys';
import type { WAMessage } from 'baileys';
import type { Logger } from 'pino';
import {
  EngineSendError,
  type EngineEvents,
  type LookupResult,
  type SendMediaInput,
  type SendResult,
  type SendTextInput,
} from '../engine.js';
import { mediaContent, reupload, verifiedFile } from './media-content.js';
import { toInbound } from './messages.js';
import type { BaileysSocket } from './socket-config.js';
import { callError, digitsOf, type Session } from './session.js';

/** Whether the session is still the engine's current one (an error after it was replaced is a disconnect). */
type StillCurrent = () => boolean;

export async function sendTextOn(
  session: Session,
  input: SendTextInput,
  stillCurrent: StillCurrent,
): Promise<SendResult> {
  const jid = input.jid ?? `${digitsOf(input.to)}@s.whatsapp.net`;
  try {
    // linkPreview null: never fetch URLs found in customer-bound texts (OTP links) from the server.
    const sent = await session.sock.sendMessage(
      jid,
      { text: input.text, linkPreview: null },
      { messageId: input.waMessageId },
    );
    return { waMessageId: sent?.key.id ?? input.waMessageId, jid };
  } catch (err) {
    throw callError(err, 'send', stillCurrent());
  }
}

export async function sendMediaOn(
  session: Session,
  { media, ...input }: SendMediaInput,
  stillCurrent: StillCurrent,
): Promise<SendResult> {
  const jid = input.jid ?? `${digitsOf(input.to)}@s.whatsapp.net`;
  try {
    // Baileys encrypts the stream and uploads it to WhatsApp's media hosts, then sends the message.
    const sent = await session.sock.sendMessage(jid, mediaContent(media, await media.open()), {
      messageId: input.waMessageId,
    });
    return { waMessageId: sent?.key.id ?? input.waMessageId, jid };
  } catch (err) {
    throw callError(err, 'send', stillCurrent());
  }
}

export async function lookupOn(
  session: Session,
  phone: string,
  stillCurrent: StillCurrent,
): Promise<LookupResult> {
  let results: Awaited<ReturnType<BaileysSocket['onWhatsApp']>>;
  try {
    results = await session.sock.onWhatsApp(`${digitsOf(phone)}@s.whatsapp.net`);
  } catch (err) {
    throw callError(err, 'lookup', stillCurrent());
  }
  if (!results) throw new EngineSendError('SEND_FAILED', 'WhatsApp returned no lookup result');
  const hit = results.find((r) => r.exists);
  return hit ? { onWhatsApp: true, jid: hit.jid } : { onWhatsApp: false };
}

/** The `inbound` event for a received message, or undefined (logged) when it is not one. */
export async function inboundEventOf(
  session: Session,
  msg: WAMessage,
  log: Logger,
): Promise<EngineEvents['inbound'] | undefined> {
  const lidMapping = session.sock.signalRepository.lidMapping;
  const result = await toInbound(msg, (lid) => lidMapping.getPNForLID(lid));
  if (result.kind !== 'inbound') {
    if (result.jid) log.warn({ jid: result.jid, id: msg.key.id }, `inbound skipped: ${result.why}`);
    return undefined;
  }
  const { media } = result;
  const sock = session.sock;
  // The file is fetched from WhatsApp's media host and decrypted when the message is recorded.
  const open = async () =>
    verifiedFile(
      await downloadMediaMessage(msg, 'stream', {}, { reuploadRequest: reupload(sock), logger: log }),
      fileSha256Of(msg),
    );
  return media ? { ...result.event, media: { ...media, open } } : result.event;
}

/** The plain file's SHA-256 a media message carries (any kind, inside any envelope). */
function fileSha256Of(msg: WAMessage): Uint8Array | null | undefined {
  const c = normalizeMessageContent(msg.message);
  const part =
    c?.imageMessage ?? c?.videoMessage ?? c?.audioMessage ?? c?.documentMessage ?? c?.stickerMessage;
  return part?.fileSha256;
}
