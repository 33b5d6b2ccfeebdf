import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { creationHookOf } from '../http/idempotency.js';
import { AppError, notFound, validation } from '../lib/errors.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { idPattern } from '../lib/ids.js';
import { CLOUD_API_FIELD_HINTS, METADATA_MAX_BYTES, SendBody } from './schemas.js';
import { sendMessage } from './send.js';
import { transitionMessage } from './status.js';
import { findMessage, listMessages, messageTimeline } from './store.js';
import { MessageFilterFields, toMessageFilter } from './filter-query.js';
import { MessageSchema, toMessageView } from './views.js';

const tags = ['messages'];

export function messageRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const messageView = async (request: FastifyRequest, id: string) => {
    const row = await findMessage(ctx.db, authOf(request).workspaceId, id);
    if (!row) throw notFound('Message');
    return toMessageView(row, await messageTimeline(ctx.db, row));
  };
  return async (app) => {
    app.post(
      '/v1/messages',
      {
        config: {
          scope: 'messages',
          idempotent: {
            replay: async (request, id) => ({ status: 202, body: await messageView(request, id) }),
          },
          unknownFieldHints: CLOUD_API_FIELD_HINTS,
        },
        schema: {
          tags,
          summary: 'Send a text or template message (accepted and queued)',
          body: SendBody,
          response: { 202: MessageSchema, ...errorResponses(404, 409, 422) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        const { metadata } = request.body;
        if (metadata && Buffer.byteLength(JSON.stringify(metadata)) > METADATA_MAX_BYTES) {
          throw validation(`metadata is larger than ${METADATA_MAX_BYTES} bytes as JSON`, [
            { field: 'body.metadata', message: `is larger than ${METADATA_MAX_BYTES} bytes` },
          ]);
        }
        if (request.body.ttlSeconds !== undefined && request.body.expiresAt !== undefined) {
          throw new AppError('VALIDATION_ERROR', 'Give ttlSeconds or expiresAt, not both', [
            { field: 'body.expiresAt', message: 'conflicts with ttlSeconds' },
          ]);
        }
        const view = await sendMessage(ctx, auth.workspaceId, auth.plan, request.body, {
          source: auth.via === 'session' ? 'dashboard' : 'api',
          // The answer is the message as accepted: stored for replay with the message when it can.
          onCreate: creationHookOf(request, { reply, status: 202 }),
        });
        return reply.status(202).send(view);
      },
    );

    app.get(
      '/v1/messages',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'The message log, newest first',
          querystring: Type.Object({ ...PageQuery, ...MessageFilterFields }, { additionalProperties: false }),
          response: { 200: Page(MessageSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = q.limit ?? 20;
        const rows = await listMessages(
          ctx.db,
          authOf(request).workspaceId,
          { ...toMessageFilter(q), before: decodeCursor(q.cursor, 'msg') },
          limit + 1,
        );
        return pageOf(rows, limit, (row) => toMessageView(row));
      },
    );

    app.get(
      '/v1/messages/:id',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'A message with its status timeline',
          params: IdParams(idPattern('msg')),
          response: { 200: MessageSchema, ...errorResponses(404) },
        },
      },
      async (request) => messageView(request, request.params.id),
    );

    app.post(
      '/v1/messages/:id/cancel',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Cancel a queued message',
          params: IdParams(idPattern('msg')),
          response: { 200: MessageSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const row = await findMessage(ctx.db, workspaceId, request.params.id);
        if (!row) throw notFound('Message');
        const canceled = await transitionMessage(ctx, row.id, 'canceled');
        if (!canceled)
          throw new AppError('CONFLICT', `Only queued messages can be canceled; this one is ${row.status}`);
        return toMessageView(canceled, await messageTimeline(ctx.db, row));
      },
    );
  };
}
