import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { recordAudit } from '../audit/record.js';
import { auditBy } from '../http/audit-by.js';
import { authOf } from '../http/auth.js';
import { errorResponses } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';
import { resetPassword } from '../workspaces/password-reset.js';
import { deleteUserSessions } from './sessions.js';
import { assertMayActAs, assertMayTouch, lockedMember, UserParams } from './team-routes.js';

/**
 * An owner or admin sets a new password for a member who forgot theirs: the member's sessions end,
 * and they sign in with the new one (and can change it in Settings). Admins cannot reset owners.
 */
export function teamPasswordRoute(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/team/:userId/password',
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['team'],
          summary: "Reset a member's password (their sessions end); not your own: change that in Settings",
          params: UserParams,
          body: Type.Object(
            { password: Type.String({ minLength: 1, maxLength: 200 }) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        if (auth.userId === request.params.userId) {
          throw new AppError(
            'FORBIDDEN',
            'Change your own password in Settings, which asks for the current one',
          );
        }
        await ctx.db.transaction().execute(async (trx) => {
          // Read under the workspace's lock, like a role change: not a member an owner promotes meanwhile.
          const member = await lockedMember(ctx, trx, auth.workspaceId, request.params.userId);
          assertMayTouch(auth, [member.role]);
          assertMayActAs(auth, member);
          await resetPassword(trx, member.userId, request.body.password, ctx.clock.now());
          await deleteUserSessions(trx, member.userId);
          await recordAudit(trx, auditBy(request), {
            workspaceId: auth.workspaceId,
            action: 'member.password_reset',
            target: { type: 'member', id: member.userId },
            changes: { email: member.email },
            now: ctx.clock.now(),
          });
        });
        return reply.status(204).send(null);
      },
    );
  };
}
