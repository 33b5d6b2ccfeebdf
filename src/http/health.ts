import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { errorResponses } from './schemas.js';

const Health = Type.Object({ status: Type.Literal('ok') });

export function healthRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { scope: 'public' },
        schema: { tags: ['health'], summary: 'The process is up', security: [], response: { 200: Health } },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        config: { scope: 'public' },
        schema: {
          tags: ['health'],
          summary: 'The database answers',
          security: [],
          response: { 200: Health, 503: errorResponses(503)[503]! },
        },
      },
      async () => {
        try {
          await sql`select 1`.execute(ctx.db);
        } catch {
          throw new AppError('SERVICE_UNAVAILABLE', 'The database does not answer');
        }
        return { status: 'ok' as const };
      },
    );
  };
}
