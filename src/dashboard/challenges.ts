import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { DbOrTx } from '../db/database.js';
import { randomToken, sha256Hex } from '../lib/crypto.js';
import { newId } from '../lib/ids.js';

/**
 * The step between a right password and a session: the password was checked, a second factor (or,
 * where the workspace requires one, an enrolment) is still due. It lives in its own short-lived
 * cookie, scoped to /auth, and grants nothing but that step.
 */
export const CHALLENGE_COOKIE = 'waping_sign_in';
export const CHALLENGE_TTL_MS = 10 * 60_000;

export type ChallengePurpose = 'verify' | 'enrol';

export interface Challenge {
  id: string;
  userId: string;
  email: string;
  workspaceId: string;
  purpose: ChallengePurpose;
}

export async function createChallenge(
  db: DbOrTx,
  input: { userId: string; workspaceId: string; purpose: ChallengePurpose; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(input.now.getTime() + CHALLENGE_TTL_MS);
  // One pending sign-in per user: a new password step replaces the old one.
  await db.deleteFrom('sign_in_challenges').where('user_id', '=', input.userId).execute();
  await db.deleteFrom('sign_in_challenges').where('expires_at', '<=', input.now.toISOString()).execute();
  await db
    .insertInto('sign_in_challenges')
    .values({
      id: newId('chl', input.now.getTime()),
      user_id: input.userId,
      workspace_id: input.workspaceId,
      token_hash: sha256Hex(token),
      purpose: input.purpose,
      expires_at: expiresAt.toISOString(),
      created_at: input.now.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

export async function findChallenge(db: DbOrTx, token: string, now: Date): Promise<Challenge | null> {
  if (token.length === 0 || token.length > 200) return null;
  const row = await db
    .selectFrom('sign_in_challenges')
    .innerJoin('users', 'users.id', 'sign_in_challenges.user_id')
    .select([
      'sign_in_challenges.id',
      'sign_in_challenges.user_id',
      'sign_in_challenges.workspace_id',
      'sign_in_challenges.purpose',
      'users.email',
    ])
    .where('sign_in_challenges.token_hash', '=', sha256Hex(token))
    .where('sign_in_challenges.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        email: row.email,
        workspaceId: row.workspace_id,
        purpose: row.purpose,
      }
    : null;
}

export async function deleteChallenge(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('sign_in_challenges').where('id', '=', id).execute();
}

/** Ends a user's pending sign-in steps (all, or those into one workspace). */
export async function deleteUserChallenges(
  db: DbOrTx,
  userId: string,
  options: { workspaceId?: string } = {},
): Promise<void> {
  let query = db.deleteFrom('sign_in_challenges').where('user_id', '=', userId);
  if (options.workspaceId) query = query.where('workspace_id', '=', options.workspaceId);
  await query.execute();
}

export function challengeToken(app: FastifyInstance, request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  return app.parseCookie(header)[CHALLENGE_COOKIE] ?? null;
}

const cookieOptions = (config: Config, request: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  path: '/auth',
  secure:
    config.secureCookies === 'true' || (config.secureCookies === 'auto' && request.protocol === 'https'),
});

export function setChallengeCookie(
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(CHALLENGE_COOKIE, token, { ...cookieOptions(config, request), expires: expiresAt });
}

export function clearChallengeCookie(config: Config, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(CHALLENGE_COOKIE, cookieOptions(config, request));
}
