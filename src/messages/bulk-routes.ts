import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { errorResponses } from '../http/schemas.js';
import { validation } from '../lib/errors.js';
import { idPattern } from '../lib/ids.js';
import { literalUnion, Nullable } from '../lib/schema.js';
import { BULK_MAX_IDS, CANCEL_BY_FILTER_MAX, cancelMessages, retryMessages } from './bulk.js';
import { MessageFilterFields, toMessageFilter } from './filter-query.js';
import { MESSAGE_STATUSES } from './views.js';

const tags = ['messages'];

const Ids = Type.Array(Type.String({ pattern: idPattern('msg') }), {
  minItems: 1,
  maxItems: BULK_MAX_IDS,
  description: `1–${BULK_MAX_IDS} message ids`,
});

const { status: _status, ...filterWithoutStatus } = MessageFilterFields;

const SkippedSchema = Type.Array(
  Type.Object({
    id: Type.String(),
    status: Nullable(literalUnion(MESSAGE_STATUSES)),
    reason: Type.String({
      description:
        'NOT_FOUND, NOT_QUEUED, NOT_FAILED, ONE_TIME_CODE, BODY_ERASED, or the error code of a send refused now',
    }),
    message: Type.String(),
  }),
  { description: 'Messages left alone, each with why' },
);

/** Cancel queued and retry failed messages, many at a time. */
export function messageBulkRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/messages/cancel',
      {
        config: { scope: 'messages', idempotent: true },
        schema: {
          tags,
          summary: 'Cancel queued messages, by id or by the log filters',
          body: Type.Object(
            {
              ids: Type.Optional(Ids),
              filter: Type.Optional(
                Type.Object(filterWithoutStatus, {
                  additionalProperties: false,
                  description: `The log's filters (status is always queued); cancels up to ${CANCEL_BY_FILTER_MAX} per request, oldest first`,
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              canceled: Type.Array(Type.String()),
              skipped: SkippedSchema,
              more: Type.Boolean({ description: 'The filter matches more queued messages: send it again' }),
            }),
            ...errorResponses(),
          },
        },
      },
      async (request) => {
        const { ids, filter } = request.body;
        if ((ids === undefined) === (filter === undefined))
          throw validation('Give ids or filter, not both and not neither', [
            { field: 'body', message: 'needs exactly one of ids or filter' },
          ]);
        const { workspaceId } = authOf(request);
        return cancelMessages(ctx, workspaceId, ids ? { ids } : { filter: toMessageFilter(filter ?? {}) });
      },
    );

    app.post(
      '/v1/messages/retry',
      {
        config: { scope: 'messages', idempotent: true },
        schema: {
          tags,
          summary: 'Send failed messages again, each as a new message',
          body: Type.Object({ ids: Ids }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              retried: Type.Array(
                Type.Object({
                  id: Type.String({ description: 'The failed message' }),
                  messageId: Type.String({ description: 'The new message, queued' }),
                }),
              ),
              skipped: SkippedSchema,
            }),
            ...errorResponses(),
          },
        },
      },
      async (request) => {
        const auth = authOf(request);
        const source = auth.via === 'session' ? 'dashboard' : 'api';
        return retryMessages(ctx, auth.workspaceId, auth.plan, request.body.ids, source);
      },
    );
  };
}
