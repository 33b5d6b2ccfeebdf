import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { errorResponses } from '../http/schemas.js';
import { validation } from '../lib/errors.js';
import { literalUnion, Nullable } from '../lib/schema.js';
import { verificationStats } from './stats.js';
import { CHANNELS, VERIFICATION_STATUSES } from './tables.js';

const DAY = 86_400_000;
/** The widest window one request may count, so a stats call stays a bounded read. */
const MAX_DAYS = 366;

const Count = Type.Integer({ minimum: 0 });

const StatsSchema = Type.Object(
  {
    since: Type.String({ format: 'date-time' }),
    until: Type.String({ format: 'date-time' }),
    total: Count,
    byStatus: Type.Object(Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, Count]))),
    conversionRate: Nullable(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'Approved among the verifications that ended; null when none ended',
      }),
    ),
    channels: Type.Array(
      Type.Object({
        channel: literalUnion(CHANNELS),
        attempts: Count,
        delivered: Count,
        failed: Count,
        approved: Count,
      }),
    ),
  },
  { $id: 'VerificationStats' },
);

export function verifyStatsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/verifications/stats',
      {
        config: { scope: 'verify', readOnly: true },
        schema: {
          tags: ['verifications'],
          summary: 'Counts by status and channel, and the conversion rate, of the codes created in a window',
          querystring: Type.Object(
            {
              since: Type.Optional(
                Type.String({ format: 'date-time', description: 'Default: 7 days before `until`' }),
              ),
              until: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: StatsSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const now = ctx.clock.now();
        const until = request.query.until ? new Date(request.query.until) : now;
        const since = request.query.since
          ? new Date(request.query.since)
          : new Date(until.getTime() - 7 * DAY);
        if (since >= until) {
          throw validation('since must be before until', [
            { field: 'querystring.since', message: 'is not before until' },
          ]);
        }
        if (until.getTime() - since.getTime() > MAX_DAYS * DAY) {
          throw validation(`The window is at most ${MAX_DAYS} days`, [
            { field: 'querystring.since', message: `is more than ${MAX_DAYS} days before until` },
          ]);
        }
        return verificationStats(ctx.db, authOf(request).workspaceId, { since, until }, now);
      },
    );
  };
}
