import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import { MessageMediaSchema, parseMessageMedia } from '../media/message-media.js';
import type { MessageRow } from './tables.js';

export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'expired',
  'canceled',
  'received',
] as const;
export const MESSAGE_TYPES = [
  'text',
  'template',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'poll',
  'reaction',
  'unsupported',
] as const;
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const priorityRank = (p: Priority): number => PRIORITIES.indexOf(p);
export const priorityName = (rank: number): Priority => PRIORITIES[rank] ?? 'normal';

export const TimelineSchema = Type.Array(
  Type.Object({
    status: Type.String(),
    at: Type.String({ format: 'date-time' }),
    errorCode: Nullable(Type.String()),
  }),
);

export const MessageSchema = Type.Object(
  {
    id: Type.String(),
    deviceId: Nullable(Type.String()),
    direction: literalUnion(['out', 'in'] as const),
    to: Nullable(Type.String({ description: 'E.164 recipient (outbound)' })),
    from: Nullable(Type.String({ description: 'E.164 sender (inbound)' })),
    type: literalUnion(MESSAGE_TYPES),
    body: Nullable(
      Type.String({
        description:
          'The text, a caption, or a summary of a kind not handled (location, contact card, poll, reaction); null once erased by retention; one-time codes are masked',
      }),
    ),
    media: Type.Optional(Nullable(MessageMediaSchema)),
    templateId: Nullable(Type.String()),
    status: literalUnion(MESSAGE_STATUSES),
    error: Nullable(Type.Object({ code: Type.String(), message: Nullable(Type.String()) })),
    priority: literalUnion(PRIORITIES),
    source: Type.String({ description: 'api, dashboard, verification, auto_reply or inbound' }),
    metadata: Nullable(Type.Record(Type.String(), Type.Unknown())),
    expiresAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    timeline: Type.Optional(TimelineSchema),
  },
  { $id: 'Message' },
);

export type MessageView = Static<typeof MessageSchema>;

export function toMessageView(
  row: MessageRow,
  timeline?: Array<{ status: string; at: string; error_code: string | null }>,
): MessageView {
  const out = row.direction === 'out';
  return {
    id: row.id,
    deviceId: row.device_id,
    direction: row.direction,
    to: out ? row.phone : null,
    from: out ? null : row.phone,
    type: row.type,
    body: row.body,
    ...(row.media ? { media: parseMessageMedia(row.media) } : {}),
    templateId: row.template_id,
    status: row.status,
    error: row.error_code ? { code: row.error_code, message: row.error_message } : null,
    priority: priorityName(row.priority),
    source: row.source,
    metadata: row.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : null,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(timeline
      ? { timeline: timeline.map((t) => ({ status: t.status, at: t.at, errorCode: t.error_code })) }
      : {}),
  };
}
