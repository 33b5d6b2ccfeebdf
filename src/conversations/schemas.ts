import { Type, type Static } from 'typebox';
import { idPattern } from '../lib/ids.js';
import { literalUnion, Nullable } from '../lib/schema.js';
import { SendBody } from '../messages/schemas.js';
import { CONVERSATION_STATUSES, ConversationSchema } from './views.js';

export const TAG_MAX = 20;

export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 300 })),
    status: Type.Optional(literalUnion(CONVERSATION_STATUSES)),
    assignee: Type.Optional(
      Type.String({
        pattern: `^(me|none|${idPattern('usr').slice(1, -1)})$`,
        description: '`me` (the signed-in member), `none` (unassigned) or a user id',
      }),
    ),
    deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: "Text in the customer's name or number, or in a message of the thread",
      }),
    ),
    unread: Type.Optional(Type.Boolean({ description: 'Only conversations with unread customer messages' })),
    includeOtpOnly: Type.Optional(
      Type.Boolean({
        description: 'Also list threads holding only verification codes (left out by default)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const StatusCounts = Type.Object({
  open: Type.Integer(),
  pending: Type.Integer(),
  resolved: Type.Integer(),
});

export const ConversationPage = Type.Object({
  data: Type.Array(ConversationSchema),
  nextCursor: Nullable(Type.String()),
  counts: Nullable(StatusCounts),
});

export const PatchBody = Type.Object(
  {
    status: Type.Optional(literalUnion(CONVERSATION_STATUSES)),
    assigneeId: Type.Optional(
      Nullable(
        Type.String({
          pattern: `^(me|${idPattern('usr').slice(1, -1)})$`,
          description: "A member's user id, `me`, or null to unassign",
        }),
      ),
    ),
    tags: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }), { maxItems: TAG_MAX }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchInput = Static<typeof PatchBody>;

export const ReplyBody = Type.Object(
  {
    type: SendBody.properties.type,
    text: SendBody.properties.text,
    template: SendBody.properties.template,
    media: SendBody.properties.media,
    caption: SendBody.properties.caption,
    filename: SendBody.properties.filename,
    voice: SendBody.properties.voice,
    queueIfDisconnected: SendBody.properties.queueIfDisconnected,
  },
  { additionalProperties: false },
);
export type ReplyInput = Static<typeof ReplyBody>;

export const NoteBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4096, pattern: '\\S' }) },
  { additionalProperties: false },
);

/** A page of a conversation's messages or of its notes, oldest first. */
export const ThreadQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
