import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';
import {
  updateUserSettings,
  UserSettingsPatchSchema,
  UserSettingsSchema,
} from '../workspaces/user-settings.js';
import { assertCsrf, currentSession } from './resolver.js';

/**
 * The signed-in member's own preferences, stored with their user so they follow them from one
 * browser to the next. Read them in `settings` of GET /auth/state.
 */
export function settingsRoute(ctx: AppContext, root: FastifyInstance): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.patch(
      '/auth/settings',
      {
        config: { scope: 'public' },
        schema: {
          tags: ['dashboard'],
          summary: 'Change your own preferences (only the fields sent); answers with all of them',
          security: [{ dashboardSession: [], csrfToken: [] }],
          body: UserSettingsPatchSchema,
          response: { 200: UserSettingsSchema, ...errorResponses() },
        },
      },
      async (request, reply) => {
        const session = await currentSession(root, ctx, request);
        if (!session) throw new AppError('UNAUTHORIZED', 'Sign in first');
        assertCsrf(request, session);
        reply.header('cache-control', 'no-store');
        return updateUserSettings(ctx.db, session.userId, request.body, ctx.clock.now());
      },
    );
  };
}
