import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { auditByUser } from '../http/audit-by.js';
import { AppError, forbidden, validation } from '../lib/errors.js';
import { verifyPassword } from '../lib/passwords.js';
import { errorResponses } from '../http/schemas.js';
import { findUserById } from '../workspaces/members.js';
import {
  clearTwoFactor,
  confirmEnrolment,
  replaceRecoveryCodes,
  startEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from '../workspaces/two-factor.js';
import { deleteChallenge } from './challenges.js';
import { assertCsrf, currentSession } from './resolver.js';
import { openSession, requireChallenge, workspaceRequiresTwoFactor } from './sign-in.js';
import { reserveAttempt, settleSuccess } from './throttle.js';
import { AuthStateSchema } from './views.js';

const tags = ['dashboard'];
const routeConfig = { scope: 'public' as const };
const sessionSecurity = [{ dashboardSession: [], csrfToken: [] }];
const Code = Type.String({
  minLength: 6,
  maxLength: 20,
  description: 'The 6-digit code from the app, or one of the recovery codes',
});

const StatusSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    enabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    recoveryCodesLeft: Type.Integer(),
    requiredByWorkspace: Type.Boolean(),
  },
  { $id: 'TwoFactorStatus' },
);
const EnrolmentSchema = Type.Object(
  {
    secret: Type.String({ description: 'Base32, for typing into an app that cannot scan' }),
    uri: Type.String({ description: 'The otpauth:// URI the QR code holds' }),
    qrCode: Type.String({ description: 'The URI as a PNG QR code, a data: URL' }),
  },
  { $id: 'TwoFactorEnrolment' },
);
const RecoveryCodes = Type.Array(Type.String(), {
  description: 'Shown once: each signs in once in place of a code',
});

/**
 * Two-factor sign-in for the dashboard: enrol an authenticator app, give the code after the
 * password, recovery codes, and turning it off. A member whose workspace requires two-factor enrols
 * during sign-in, holding only the sign-in step cookie.
 */
/** A member turning their own second factor on or off, logged in the workspace they act in. */
async function recordTwoFactor(
  trx: DbOrTx,
  request: FastifyRequest,
  user: { id: string; email: string; workspaceId: string },
  action: 'two_factor.enabled' | 'two_factor.disabled',
  now: Date,
): Promise<void> {
  await recordAudit(trx, auditByUser(request, user.id), {
    workspaceId: user.workspaceId,
    action,
    target: { type: 'user', id: user.id },
    changes: { email: user.email },
    now,
  });
}

export function twoFactorRoutes(ctx: AppContext, root: FastifyInstance): FastifyPluginAsyncTypebox {
  /** Who is enrolling: a signed-in member (with the CSRF token), or a member part-way through sign-in. */
  async function enrollingUser(request: FastifyRequest) {
    const session = await currentSession(root, ctx, request);
    if (session) {
      assertCsrf(request, session);
      return { id: session.userId, email: session.email, workspaceId: session.workspaceId, challenge: null };
    }
    const challenge = await requireChallenge(root, ctx, request, 'enrol');
    return { id: challenge.userId, email: challenge.email, workspaceId: challenge.workspaceId, challenge };
  }

  async function signedInSession(request: FastifyRequest) {
    const session = await currentSession(root, ctx, request);
    if (!session) throw new AppError('UNAUTHORIZED', 'Sign in first');
    assertCsrf(request, session);
    return session;
  }

  return async (app) => {
    app.get(
      '/auth/two-factor',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Whether two-factor sign-in is on for you, and how many recovery codes are left',
          security: sessionSecurity,
          response: { 200: StatusSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const session = await signedInSession(request);
        return {
          ...(await twoFactorStatus(ctx.db, session.userId)),
          requiredByWorkspace: await workspaceRequiresTwoFactor(ctx, session.workspaceId),
        };
      },
    );

    app.post(
      '/auth/two-factor/enrol',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Start enrolling an authenticator app: a new secret and its QR code',
          description: 'Nothing changes until POST /auth/two-factor/confirm checks a code from the app.',
          security: [...sessionSecurity, { signInStep: [] }],
          response: { 200: EnrolmentSchema, ...errorResponses(409) },
        },
      },
      async (request) => {
        const user = await enrollingUser(request);
        const { secret, uri } = await startEnrolment(ctx.db, ctx.masterKey, user, ctx.clock.now());
        const qrCode = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
        return { secret, uri, qrCode };
      },
    );

    app.post(
      '/auth/two-factor/confirm',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Turn two-factor on with a code from the app; answers the recovery codes once',
          description:
            'During sign-in (a workspace that requires two-factor) this also completes the sign-in: `state` is the signed-in state and the session cookie is set.',
          security: [...sessionSecurity, { signInStep: [] }],
          body: Type.Object({ code: Code }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              recoveryCodes: RecoveryCodes,
              state: Type.Union([AuthStateSchema, Type.Null()]),
            }),
            ...errorResponses(409, 429),
          },
        },
      },
      async (request, reply) => {
        const user = await enrollingUser(request);
        const now = ctx.clock.now();
        const subject = { email: user.email, ip: request.ip };
        await reserveAttempt(ctx.db, subject, now);
        const recoveryCodes = await confirmEnrolment(
          ctx.db,
          ctx.masterKey,
          user,
          request.body.code,
          now,
          (trx) => recordTwoFactor(trx, request, user, 'two_factor.enabled', now),
        );
        if (!user.challenge) return { recoveryCodes, state: null };
        await deleteChallenge(ctx.db, user.challenge.id);
        await settleSuccess(ctx.db, subject, now);
        const state = await openSession(ctx, request, reply, user.id, user.challenge.workspaceId);
        return { recoveryCodes, state };
      },
    );

    app.post(
      '/auth/two-factor/verify',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Second sign-in step: the code from the app (or a recovery code); sets the session cookie',
          description:
            'Counted by the same throttle as the password: five tries per email and address in 15 minutes.',
          security: [{ signInStep: [] }],
          body: Type.Object({ code: Code }, { additionalProperties: false }),
          response: { 200: AuthStateSchema, ...errorResponses(429) },
        },
      },
      async (request, reply) => {
        const challenge = await requireChallenge(root, ctx, request, 'verify');
        const now = ctx.clock.now();
        const subject = { email: challenge.email, ip: request.ip };
        await reserveAttempt(ctx.db, subject, now);
        const user = { id: challenge.userId, email: challenge.email };
        if (!(await verifySecondFactor(ctx.db, ctx.masterKey, user, request.body.code, now))) {
          throw new AppError('UNAUTHORIZED', 'The code is not right, or was used already; try the next one');
        }
        await deleteChallenge(ctx.db, challenge.id);
        await settleSuccess(ctx.db, subject, now);
        return openSession(ctx, request, reply, challenge.userId, challenge.workspaceId);
      },
    );

    app.post(
      '/auth/two-factor/recovery-codes',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'New recovery codes (the old ones stop working); needs a current code',
          security: sessionSecurity,
          body: Type.Object({ code: Code }, { additionalProperties: false }),
          response: { 200: Type.Object({ recoveryCodes: RecoveryCodes }), ...errorResponses(429) },
        },
      },
      async (request) => {
        const session = await signedInSession(request);
        const now = ctx.clock.now();
        const subject = { email: session.email, ip: request.ip };
        await reserveAttempt(ctx.db, subject, now);
        const user = { id: session.userId, email: session.email };
        if (!(await verifySecondFactor(ctx.db, ctx.masterKey, user, request.body.code, now))) {
          throw validation('The code is not right, or was used already', [
            { field: 'body.code', message: 'does not match' },
          ]);
        }
        await settleSuccess(ctx.db, subject, now);
        return { recoveryCodes: await replaceRecoveryCodes(ctx.db, session.userId, now) };
      },
    );

    app.post(
      '/auth/two-factor/disable',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Turn two-factor off: needs your password and a current code',
          security: sessionSecurity,
          body: Type.Object(
            { password: Type.String({ minLength: 1, maxLength: 200 }), code: Code },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses(429) },
        },
      },
      async (request, reply) => {
        const session = await signedInSession(request);
        if (await workspaceRequiresTwoFactor(ctx, session.workspaceId)) {
          throw forbidden('Your workspace requires two-factor sign-in; an owner can change that');
        }
        const now = ctx.clock.now();
        const subject = { email: session.email, ip: request.ip };
        await reserveAttempt(ctx.db, subject, now);
        const user = await findUserById(ctx.db, session.userId);
        if (!user || !(await verifyPassword(request.body.password, user.passwordHash))) {
          throw validation('Password is incorrect', [{ field: 'body.password', message: 'is incorrect' }]);
        }
        if (!(await verifySecondFactor(ctx.db, ctx.masterKey, user, request.body.code, now))) {
          throw validation('The code is not right, or was used already', [
            { field: 'body.code', message: 'does not match' },
          ]);
        }
        await settleSuccess(ctx.db, subject, now);
        await ctx.db.transaction().execute(async (trx) => {
          await clearTwoFactor(trx, session.userId, now);
          await recordTwoFactor(
            trx,
            request,
            { id: session.userId, email: session.email, workspaceId: session.workspaceId },
            'two_factor.disabled',
            now,
          );
        });
        return reply.status(204).send(null);
      },
    );
  };
}
