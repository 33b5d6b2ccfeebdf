/**
 * What a customer's message carries, beyond plain text: a file (image, video, audio or voice
 * note, document, sticker) with its caption, or a kind WAPing does not handle (a location, a
 * contact card, a poll, a reaction), recorded with a readable summary instead of vanishing.
 */
import { normalizeMessageContent, type proto } from 'baileys';
import type { InboundKind, MediaKind } from '../engine.js';

export interface InboundContent {
  /** The text, the caption, or a summary of what was sent. */
  text: string;
  kind?: InboundKind;
  media?: { kind: MediaKind; mime: string; filename?: string; voice?: boolean };
}

const DEFAULT_MIMES: Record<MediaKind, string> = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/ogg',
  document: 'application/octet-stream',
  sticker: 'image/webp',
};

function media(
  kind: MediaKind,
  part: { mimetype?: string | null; caption?: string | null; fileName?: string | null; ptt?: boolean | null },
): InboundContent {
  const voice = kind === 'audio' && part.ptt === true;
  return {
    text: part.caption ?? '',
    kind,
    media: {
      kind,
      // WhatsApp's mimetype may carry parameters (`audio/ogg; codecs=opus`); the type is what matters.
      mime: (part.mimetype ?? DEFAULT_MIMES[kind]).split(';')[0]!.trim(),
      ...(part.fileName ? { filename: part.fileName } : {}),
      ...(voice ? { voice } : {}),
    },
  };
}

/** What an upserted message holds; undefined when it holds nothing a person sent (protocol messages). */
export function inboundContent(message: proto.IMessage | null | undefined): InboundContent | undefined {
  // Unwraps disappearing, view-once and document-with-caption envelopes.
  const c = normalizeMessageContent(message);
  if (!c) return undefined;
  const text = c.conversation ?? c.extendedTextMessage?.text;
  if (text) return { text };
  if (c.imageMessage) return media('image', c.imageMessage);
  if (c.videoMessage) return media('video', c.videoMessage);
  if (c.audioMessage) return media('audio', c.audioMessage);
  if (c.documentMessage) return media('document', c.documentMessage);
  if (c.stickerMessage) return media('sticker', c.stickerMessage);
  if (c.locationMessage || c.liveLocationMessage) {
    const at = c.locationMessage ?? c.liveLocationMessage!;
    const place = c.locationMessage?.name ?? c.locationMessage?.address;
    return {
      kind: 'location',
      text: `[location] ${at.degreesLatitude ?? '?'}, ${at.degreesLongitude ?? '?'}${place ? ` (${place})` : ''}`,
    };
  }
  if (c.contactMessage || c.contactsArrayMessage) {
    const names = c.contactMessage
      ? [c.contactMessage.displayName]
      : (c.contactsArrayMessage?.contacts ?? []).map((x) => x.displayName);
    return { kind: 'contacts', text: `[contact card] ${names.filter(Boolean).join(', ') || 'unnamed'}` };
  }
  const poll = c.pollCreationMessage ?? c.pollCreationMessageV2 ?? c.pollCreationMessageV3;
  if (poll) {
    const options = (poll.options ?? []).map((o) => o.optionName).filter(Boolean);
    return {
      kind: 'poll',
      text: `[poll] ${poll.name ?? ''}${options.length ? `: ${options.join(' / ')}` : ''}`,
    };
  }
  if (c.reactionMessage) {
    const emoji = c.reactionMessage.text;
    return { kind: 'reaction', text: emoji ? `[reaction] ${emoji}` : '[reaction removed]' };
  }
  if (c.protocolMessage || c.senderKeyDistributionMessage || c.messageContextInfo) {
    const kinds = Object.keys(c).filter(
      (k) => !['messageContextInfo', 'senderKeyDistributionMessage'].includes(k),
    );
    if (kinds.length === 0 || c.protocolMessage) return undefined;
  }
  const kind = Object.keys(c).find((k) => k !== 'messageContextInfo');
  return kind
    ? { kind: 'unsupported', text: `[unsupported message: ${kind.replace(/Message$/, '')}]` }
    : undefined;
}
