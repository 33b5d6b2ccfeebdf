import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { AppError, validation } from '../lib/errors.js';
import { errorResponses } from '../http/schemas.js';
import { DisplayName } from '../lib/schema.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import { listWorkspaces } from '../workspaces/store.js';
import { assertPasswordAllowed } from '../lib/password-policy.js';
import { countUsers, createUser, normalizeEmail } from '../workspaces/users.js';
import { clearChallengeCookie } from './challenges.js';
import { clearSessionCookie } from './cookies.js';
import { findUserByEmail, findUserById, firstMembership, setPassword } from '../workspaces/members.js';
import { assertCsrf, currentSession } from './resolver.js';
import { deleteSession, deleteUserSessions } from './sessions.js';
import { afterPassword, currentChallenge, openSession, pendingStepOf } from './sign-in.js';
import { reserveAttempt, settleSuccess } from './throttle.js';
import { AuthStateSchema, signedOutState, stateOf } from './views.js';

const Email = Type.String({ minLength: 3, maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const Credentials = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
const routeConfig = { scope: 'public' as const };
const tags = ['dashboard'];

const badCredentials = () => new AppError('UNAUTHORIZED', 'Email or password is incorrect');

// Compared against when the email is unknown, so a miss takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;
const decoy = () => (decoyHash ??= hashPassword('decoy password that never matches'));

export function authRoutes(ctx: AppContext, root: FastifyInstance): FastifyPluginAsyncTypebox {
  return async (app) => {
    // These answers carry the CSRF token and who is signed in: never from a cache.
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    app.get(
      '/auth/state',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Who is signed in to the dashboard, and whether setup is still needed',
          security: [],
          response: { 200: AuthStateSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const session = await currentSession(root, ctx, request);
        if (session) return stateOf(session);
        const pending = pendingStepOf(await currentChallenge(root, ctx, request));
        return signedOutState((await countUsers(ctx.db)) === 0, pending);
      },
    );

    app.post(
      '/auth/setup',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'First start: create the owner of the default workspace and sign in',
          security: [],
          body: Type.Object(
            {
              email: Email,
              password: Password,
              name: Type.Optional(DisplayName()),
            },
            { additionalProperties: false },
          ),
          response: { 200: AuthStateSchema, ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const { email, password, name } = request.body;
        const created = await ctx.db.transaction().execute(async (trx) => {
          // Two first visitors racing for the owner account: the table lock (SQLite: its single
          // writer) lets exactly one of them create it.
          if (ctx.dialect === 'postgres') await sql`lock table users in exclusive mode`.execute(trx);
          if ((await countUsers(trx)) > 0) return null;
          const [workspace] = await listWorkspaces(trx);
          if (!workspace) throw new Error('no workspace: bootstrap did not run');
          const user = await createUser(trx, {
            email,
            password,
            name,
            workspaceId: workspace.id,
            role: 'owner',
            now: ctx.clock.now(),
          });
          return { userId: user.id, workspaceId: workspace.id };
        });
        if (!created) throw new AppError('FORBIDDEN', 'Setup is done already; sign in instead');
        return openSession(ctx, request, reply, created.userId, created.workspaceId);
      },
    );

    app.post(
      '/auth/login',
      {
        config: routeConfig,
        schema: {
          tags,
          summary:
            'Sign in with email and password (sets the session cookie, or the sign-in step cookie when a code is due)',
          description:
            'Five attempts per email and address in 15 minutes (and more generous limits per email and per address), counted before the password is checked; then 429 with Retry-After. With two-factor on, the answer has `pendingStep` set and no session yet.',
          security: [],
          body: Credentials,
          response: { 200: AuthStateSchema, ...errorResponses(429) },
        },
      },
      async (request, reply) => {
        const email = normalizeEmail(request.body.email);
        const subject = { email, ip: request.ip };
        // Reserved before the slow hash: parallel guesses are counted before any is checked.
        await reserveAttempt(ctx.db, subject, ctx.clock.now());
        const user = await findUserByEmail(ctx.db, email);
        const matches = await verifyPassword(request.body.password, user?.passwordHash ?? (await decoy()));
        const membership = user && matches ? await firstMembership(ctx.db, user.id) : undefined;
        if (!user || !membership) throw badCredentials();
        return afterPassword(
          ctx,
          request,
          reply,
          { id: user.id, workspaceId: membership.workspaceId },
          subject,
        );
      },
    );

    app.post(
      '/auth/logout',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Sign out: ends the session and clears the cookie',
          security: [{ dashboardSession: [], csrfToken: [] }],
          response: { 204: Type.Null(), ...errorResponses() },
        },
      },
      async (request, reply) => {
        const session = await currentSession(root, ctx, request);
        if (session) {
          assertCsrf(request, session);
          await deleteSession(ctx.db, session.id);
        }
        clearSessionCookie(ctx.config, request, reply);
        // Also abandons a sign-in waiting for its code ("start again" on the code page).
        clearChallengeCookie(ctx.config, request, reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password',
      {
        config: routeConfig,
        schema: {
          tags,
          summary: 'Change your password; your other sessions are signed out',
          security: [{ dashboardSession: [], csrfToken: [] }],
          body: Type.Object(
            { currentPassword: Password, newPassword: Password },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses(429) },
        },
      },
      async (request, reply) => {
        const session = await currentSession(root, ctx, request);
        if (!session) throw new AppError('UNAUTHORIZED', 'Sign in first');
        assertCsrf(request, session);
        const now = ctx.clock.now();
        const subject = { email: session.email, ip: request.ip };
        await reserveAttempt(ctx.db, subject, now);
        const user = await findUserById(ctx.db, session.userId);
        if (!user || !(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
          throw validation('Current password is incorrect', [
            { field: 'body.currentPassword', message: 'is incorrect' },
          ]);
        }
        await settleSuccess(ctx.db, subject, now);
        assertPasswordAllowed(request.body.newPassword, { email: user.email, field: 'body.newPassword' });
        await setPassword(ctx.db, user.id, request.body.newPassword, now);
        await deleteUserSessions(ctx.db, user.id, { except: session.id });
        return reply.status(204).send(null);
      },
    );
  };
}
