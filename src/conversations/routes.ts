import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf, type AuthContext } from '../http/auth.js';
import { creationHookOf } from '../http/idempotency.js';
import { decodeCursor, decodePosition, encodeCursor, pageOf, timeAndId } from '../http/pagination.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { notFound, validation } from '../lib/errors.js';
import { idPattern } from '../lib/ids.js';
import { findMessage, messageTimeline } from '../messages/store.js';
import { MessageSchema, toMessageView } from '../messages/views.js';
import { findMember } from '../workspaces/members.js';
import { ConversationPage, ListQuery, NoteBody, PatchBody, ReplyBody, ThreadQuery } from './schemas.js';
import {
  addNote,
  listNotes,
  markRead,
  replyToConversation,
  updateConversation,
  type Actor,
} from './service.js';
import { inboxCounts } from './inbox-counts.js';
import {
  findConversation,
  listConversations,
  viewOf,
  withNumberLookup,
  type ConversationCursor,
  type ConversationFilter,
} from './store.js';
import { threadMessages } from './thread.js';
import { conversationTyping, TypingGate } from './typing.js';
import type { DeviceSupervisor } from '../devices/supervisor.js';
import { ConversationSchema, NoteSchema, toConversationView, toNoteView } from './views.js';

const tags = ['conversations'];
const ConversationParams = IdParams(idPattern('cnv'));

const actorOf = (auth: AuthContext): Actor => ({
  workspaceId: auth.workspaceId,
  principalId: auth.principalId,
  ...(auth.userId ? { userId: auth.userId } : {}),
  ...(auth.role ? { role: auth.role } : {}),
});

/** The list's keyset position: the last message's time and the conversation's id. */
function listCursor(cursor: string | undefined): ConversationCursor | undefined {
  return decodePosition(cursor, (text) => timeAndId(text, 'cnv'));
}

function assigneeFilter(auth: AuthContext, assignee: string | undefined): string | null | undefined {
  if (assignee === undefined) return undefined;
  if (assignee === 'none') return null;
  if (assignee !== 'me') return assignee;
  if (!auth.userId) {
    throw validation('assignee=me means the signed-in member; an API key must name a user id', [
      { field: 'querystring.assignee', message: 'is "me" without a dashboard session' },
    ]);
  }
  return auth.userId;
}

const TypingBody = Type.Object(
  { typing: Type.Boolean({ description: 'true while the member types, false once they stop' }) },
  { additionalProperties: false },
);
const TypingResult = Type.Object({
  shown: Type.Boolean({ description: 'Whether the customer sees "typing…" now' }),
  reason: Type.Union(
    [
      Type.Literal('PRESENCE_OFF'),
      Type.Literal('NOT_CONNECTED'),
      Type.Literal('ALREADY_SHOWN'),
      Type.Literal('NOT_SHOWN'),
      Type.Null(),
    ],
    { description: 'Why nothing was sent to WhatsApp; null when the update was sent' },
  ),
});

export function conversationRoutes(ctx: AppContext, supervisor: DeviceSupervisor): FastifyPluginAsyncTypebox {
  const typingGate = new TypingGate();
  const existing = async (request: FastifyRequest, id: string) => {
    const row = await findConversation(ctx.db, authOf(request).workspaceId, id);
    if (!row) throw notFound('Conversation');
    return row;
  };
  const messageView = async (request: FastifyRequest, id: string) => {
    const row = await findMessage(ctx.db, authOf(request).workspaceId, id);
    if (!row) throw notFound('Message');
    return toMessageView(row, await messageTimeline(ctx.db, row));
  };
  return async (app) => {
    app.get(
      '/v1/conversations',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'The team inbox: conversations, newest activity first, with counts per status',
          description:
            'Counts per status (under the same filters, status aside) come with the first page only; ' +
            'later pages answer `counts: null`.',
          querystring: ListQuery,
          response: { 200: ConversationPage, ...errorResponses() },
        },
      },
      async (request) => {
        const auth = authOf(request);
        const q = request.query;
        const limit = q.limit ?? 20;
        const filter: ConversationFilter = {
          status: q.status,
          assigneeId: assigneeFilter(auth, q.assignee),
          deviceId: q.deviceId,
          tag: q.tag,
          search: q.q,
          unread: q.unread,
          includeOtpOnly: q.includeOtpOnly,
        };
        const after = listCursor(q.cursor);
        // A search's number or windows looked up once, for the page and the counts alike.
        const resolved = await withNumberLookup(ctx.db, auth.workspaceId, filter);
        // The page and the counts at once: on PostgreSQL two connections, not two round trips in turn.
        const [rows, counts] = await Promise.all([
          listConversations(ctx.db, ctx.dialect, auth.workspaceId, resolved, after, limit + 1),
          after ? null : inboxCounts(ctx, auth.workspaceId, resolved),
        ]);
        const hasMore = rows.length > limit;
        const page = hasMore ? rows.slice(0, limit) : rows;
        const last = page[page.length - 1];
        return {
          data: page.map((row) => toConversationView(row, row.tags)),
          nextCursor: hasMore && last ? encodeCursor(`${last.last_message_at}|${last.id}`) : null,
          counts,
        };
      },
    );

    app.get(
      '/v1/conversations/:id',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'A conversation',
          params: ConversationParams,
          response: { 200: ConversationSchema, ...errorResponses(404) },
        },
      },
      async (request) => viewOf(ctx.db, await existing(request, request.params.id)),
    );

    app.get(
      '/v1/conversations/:id/messages',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: "The conversation's messages, both directions, oldest first",
          params: ConversationParams,
          querystring: ThreadQuery,
          response: {
            200: Type.Object({
              data: Type.Array(MessageSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
            ...errorResponses(404),
          },
        },
      },
      async (request) => {
        const conversation = await existing(request, request.params.id);
        const limit = request.query.limit ?? 50;
        const rows = await threadMessages(
          ctx.db,
          conversation,
          decodeCursor(request.query.cursor, 'msg'),
          limit + 1,
        );
        return pageOf(rows, limit, (row) => toMessageView(row));
      },
    );

    app.post(
      '/v1/conversations/:id/messages',
      {
        config: {
          scope: 'messages',
          idempotent: {
            replay: async (request, id) => ({ status: 202, body: await messageView(request, id) }),
          },
        },
        schema: {
          tags,
          summary: "Reply to the customer on the conversation's line (accepted and queued)",
          params: ConversationParams,
          body: ReplyBody,
          response: { 202: MessageSchema, ...errorResponses(404, 409, 422) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        const view = await replyToConversation(
          ctx,
          actorOf(auth),
          auth.plan,
          request.params.id,
          request.body,
          {
            source: auth.via === 'session' ? 'dashboard' : 'api',
            // The reply answers with the message sendMessage returns: stored with it on PostgreSQL.
            onCreate: creationHookOf(request, { reply, status: 202 }),
          },
        );
        return reply.status(202).send(view);
      },
    );

    app.patch(
      '/v1/conversations/:id',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Change the status, the assignee or the tags',
          description: 'Agents may assign a conversation to themselves only (or unassign their own).',
          params: ConversationParams,
          body: PatchBody,
          response: { 200: ConversationSchema, ...errorResponses(404) },
        },
      },
      async (request) => updateConversation(ctx, actorOf(authOf(request)), request.params.id, request.body),
    );

    app.post(
      '/v1/conversations/:id/typing',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Show the customer "typing…" while a member writes a reply, or stop',
          description:
            "Only when the conversation's line has its presence option on (`pacing.presence`) and is " +
            'connected; otherwise nothing is sent and `reason` says why. Updates closer than 3 s are ' +
            'taken as one, and "typing…" ends by itself 10 s after the last one.',
          params: ConversationParams,
          body: TypingBody,
          response: { 200: TypingResult, ...errorResponses(404) },
        },
      },
      async (request) =>
        conversationTyping(
          ctx,
          supervisor,
          typingGate,
          authOf(request).workspaceId,
          request.params.id,
          request.body.typing,
        ),
    );

    app.post(
      '/v1/conversations/:id/read',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Mark the conversation read (its unread count back to zero)',
          params: ConversationParams,
          response: { 200: ConversationSchema, ...errorResponses(404) },
        },
      },
      async (request) => markRead(ctx, authOf(request).workspaceId, request.params.id),
    );

    app.get(
      '/v1/conversations/:id/notes',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: "The team's internal notes on the conversation, oldest first",
          params: ConversationParams,
          querystring: ThreadQuery,
          response: {
            200: Type.Object({
              data: Type.Array(NoteSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
            ...errorResponses(404),
          },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 50;
        const rows = await listNotes(
          ctx,
          authOf(request).workspaceId,
          request.params.id,
          decodeCursor(request.query.cursor, 'note'),
          limit + 1,
        );
        return pageOf(rows, limit, toNoteView);
      },
    );

    app.post(
      '/v1/conversations/:id/notes',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Add an internal note (never sent to WhatsApp)',
          params: ConversationParams,
          body: NoteBody,
          response: { 201: NoteSchema, ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        const member = auth.userId ? await findMember(ctx.db, auth.workspaceId, auth.userId) : undefined;
        const note = await addNote(
          ctx,
          actorOf(auth),
          request.params.id,
          request.body.body,
          member ? (member.name ?? member.email) : null,
        );
        return reply.status(201).send(note);
      },
    );
  };
}
