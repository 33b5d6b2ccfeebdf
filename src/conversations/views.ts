import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import type { ConversationNoteRow, ConversationRow } from './tables.js';

export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved'] as const;

export const ConversationSchema = Type.Object(
  {
    id: Type.String(),
    deviceId: Type.String({ description: 'The line (device) the customer writes to' }),
    phone: Type.String({ description: 'The customer, E.164' }),
    contactName: Nullable(Type.String({ description: 'The WhatsApp name the customer last wrote with' })),
    status: literalUnion(CONVERSATION_STATUSES),
    assigneeId: Nullable(Type.String({ description: 'The member handling it (a user id), or null' })),
    unreadCount: Type.Integer({ description: 'Customer messages the team has not read' }),
    otpOnly: Type.Boolean({ description: 'Every message so far is a verification code' }),
    tags: Type.Array(Type.String()),
    lastMessage: Nullable(
      Type.Object({
        id: Nullable(Type.String()),
        at: Type.String({ format: 'date-time' }),
        direction: literalUnion(['in', 'out'] as const),
        preview: Nullable(Type.String({ description: 'The start of the text; null once erased' })),
      }),
    ),
    lastInboundAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Conversation' },
);

export type ConversationView = Static<typeof ConversationSchema>;

export function toConversationView(row: ConversationRow, tags: string[]): ConversationView {
  return {
    id: row.id,
    deviceId: row.device_id,
    phone: row.phone,
    contactName: row.contact_name,
    status: row.status,
    assigneeId: row.assignee_id,
    unreadCount: row.unread_count,
    otpOnly: row.otp_only === 1,
    tags,
    lastMessage: row.last_direction
      ? {
          id: row.last_message_id,
          at: row.last_message_at,
          direction: row.last_direction,
          preview: row.last_preview,
        }
      : null,
    lastInboundAt: row.last_inbound_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const NoteSchema = Type.Object(
  {
    id: Type.String(),
    conversationId: Type.String(),
    authorId: Type.String({ description: 'A user id, or the API key id for notes written through the API' }),
    authorName: Nullable(Type.String()),
    body: Nullable(Type.String({ description: 'null once erased by retention or contact erasure' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'ConversationNote' },
);

export type NoteView = Static<typeof NoteSchema>;

export function toNoteView(row: ConversationNoteRow): NoteView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  };
}
