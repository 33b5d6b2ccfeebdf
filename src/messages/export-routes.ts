import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { errorResponses, MediaResponse } from '../http/schemas.js';
import { exportFilename, messagesCsv } from './export.js';
import { MessageFilterQuery, toMessageFilter } from './filter-query.js';
import { COUNT_CAP, countMessages } from './store.js';

const tags = ['messages'];

/** Reads of the whole filtered log: how many messages match, and all of them as CSV. */
export function messageExportRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/messages/count',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'How many messages match the log filters',
          querystring: MessageFilterQuery,
          response: {
            200: Type.Object({
              total: Type.Integer({ description: `Exact up to ${COUNT_CAP}` }),
              capped: Type.Boolean({
                description: `True when more than ${COUNT_CAP} match: total is then ${COUNT_CAP}`,
              }),
            }),
            ...errorResponses(),
          },
        },
      },
      async (request) => countMessages(ctx.db, authOf(request).workspaceId, toMessageFilter(request.query)),
    );

    app.get(
      '/v1/messages/export.csv',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'The messages matching the log filters as CSV, newest first (streamed)',
          querystring: MessageFilterQuery,
          response: {
            200: MediaResponse('One line per message, with a header line', {
              'text/csv': Type.String(),
            }),
            ...errorResponses(),
          },
        },
      },
      async (request, reply) => {
        const filter = toMessageFilter(request.query);
        const lines = messagesCsv(ctx.db, authOf(request).workspaceId, filter);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportFilename(ctx.clock.now())}"`)
          .header('cache-control', 'no-store')
          .header('x-content-type-options', 'nosniff')
          .send(Readable.from(lines));
      },
    );
  };
}
