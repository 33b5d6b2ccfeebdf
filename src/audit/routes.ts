import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, Page, PageQuery } from '../http/schemas.js';
import { literalUnion } from '../lib/schema.js';
import { AUDIT_ACTIONS } from './actions.js';
import { listAuditEvents } from './store.js';
import { AuditEventSchema, toAuditEventView } from './views.js';

const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/audit-log',
      {
        // Not readOnly: who did what is for owners, admins and admin keys, not for every viewer.
        config: { scope: 'admin' },
        schema: {
          tags: ['audit-log'],
          summary: 'Who changed what in this workspace, newest first',
          querystring: Type.Object(
            {
              ...PageQuery,
              action: Type.Optional(literalUnion(AUDIT_ACTIONS)),
              actor: Type.Optional(
                Type.String({ maxLength: 64, description: 'A user id (`usr_…`) or an API key id (`key_…`)' }),
              ),
              target: Type.Optional(
                Type.String({ maxLength: 64, description: 'The id of the changed resource' }),
              ),
              since: Type.Optional(Type.String({ format: 'date-time' })),
              until: Type.Optional(Type.String({ format: 'date-time' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(AuditEventSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = q.limit ?? 20;
        const rows = await listAuditEvents(
          ctx.db,
          authOf(request).workspaceId,
          {
            action: q.action,
            actorId: q.actor,
            targetId: q.target,
            since: iso(q.since),
            until: iso(q.until),
          },
          { limit: limit + 1, before: decodeCursor(q.cursor, 'aud') },
        );
        return pageOf(rows, limit, toAuditEventView);
      },
    );
  };
}
