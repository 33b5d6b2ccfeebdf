import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { parseSettings } from '../workspaces/settings.js';
import { findWorkspace } from '../workspaces/store.js';
import { hasTwoFactor } from '../workspaces/two-factor.js';
import {
  challengeToken,
  clearChallengeCookie,
  createChallenge,
  findChallenge,
  setChallengeCookie,
  type Challenge,
  type ChallengePurpose,
} from './challenges.js';
import { setSessionCookie } from './cookies.js';
import { createSession, findActiveSession, purgeExpiredSessions } from './sessions.js';
import { settleSuccess, type ThrottleSubject } from './throttle.js';
import { signedOutState, stateOf, type AuthState } from './views.js';

/** Opens a session for the user, sets its cookie and answers with the signed-in state. */
export async function openSession(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  workspaceId: string,
): Promise<AuthState> {
  const now = ctx.clock.now();
  await purgeExpiredSessions(ctx.db, now);
  const { token, expiresAt } = await createSession(ctx.db, {
    userId,
    workspaceId,
    now,
    ttlHours: ctx.config.sessionTtlHours,
  });
  setSessionCookie(ctx.config, request, reply, token, expiresAt);
  clearChallengeCookie(ctx.config, request, reply);
  const session = await findActiveSession(ctx.db, token, now);
  if (!session) throw new Error('a session just created cannot be read back');
  return stateOf(session);
}

export async function workspaceRequiresTwoFactor(ctx: AppContext, workspaceId: string): Promise<boolean> {
  const workspace = await findWorkspace(ctx.db, workspaceId);
  return Boolean(workspace && parseSettings(workspace.settings).requireTwoFactor);
}

const STEP: Record<ChallengePurpose, AuthState['pendingStep']> = {
  verify: 'two_factor_code',
  enrol: 'two_factor_enrolment',
};

/**
 * The password was right. With two-factor on, a code is due; where the workspace requires
 * two-factor and the member has none, an enrolment is. Either way the answer is a short-lived
 * challenge cookie, not a session, and the throttle is settled only once sign-in completes, so a
 * known password does not buy more guesses at the code.
 */
export async function afterPassword(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; workspaceId: string },
  subject: ThrottleSubject,
): Promise<AuthState> {
  const now = ctx.clock.now();
  const purpose: ChallengePurpose | null = (await hasTwoFactor(ctx.db, user.id))
    ? 'verify'
    : (await workspaceRequiresTwoFactor(ctx, user.workspaceId))
      ? 'enrol'
      : null;
  if (!purpose) {
    await settleSuccess(ctx.db, subject, now);
    return openSession(ctx, request, reply, user.id, user.workspaceId);
  }
  const { token, expiresAt } = await createChallenge(ctx.db, {
    userId: user.id,
    workspaceId: user.workspaceId,
    purpose,
    now,
  });
  setChallengeCookie(ctx.config, request, reply, token, expiresAt);
  return signedOutState(false, STEP[purpose]);
}

/** The pending sign-in behind the request's challenge cookie, or null. */
export async function currentChallenge(
  root: FastifyInstance,
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Challenge | null> {
  const token = challengeToken(root, request);
  return token ? findChallenge(ctx.db, token, ctx.clock.now()) : null;
}

export async function requireChallenge(
  root: FastifyInstance,
  ctx: AppContext,
  request: FastifyRequest,
  purpose: ChallengePurpose,
): Promise<Challenge> {
  const challenge = await currentChallenge(root, ctx, request);
  if (!challenge || challenge.purpose !== purpose) {
    throw new AppError('UNAUTHORIZED', 'Sign in with your password first; the sign-in step may have expired');
  }
  return challenge;
}

export function pendingStepOf(challenge: Challenge | null): AuthState['pendingStep'] {
  return challenge ? STEP[challenge.purpose] : null;
}
