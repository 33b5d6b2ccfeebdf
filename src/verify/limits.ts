import type { DbOrTx } from '../db/database.js';
import { AppError } from '../lib/errors.js';
import { randomToken } from '../lib/crypto.js';
import type { VerificationLimitsTable } from './tables.js';

type Kind = VerificationLimitsTable['kind'];

export interface LimitRule {
  kind: Kind;
  limit: number;
  windowSeconds: number;
  /** What the 429 says; the same text whether or not the destination was seen before. */
  describe: string;
}

export const SEND_LIMIT: LimitRule = {
  kind: 'send',
  limit: 5,
  windowSeconds: 600,
  describe: 'Too many codes sent to this destination',
};
export const FAILED_CHECK_LIMIT: LimitRule = {
  kind: 'failed_check',
  limit: 10,
  windowSeconds: 3600,
  describe: 'Too many wrong codes for this destination',
};
export const createLimit = (perMinute: number): LimitRule => ({
  kind: 'create',
  limit: perMinute,
  windowSeconds: 60,
  describe: 'Too many verifications started in this workspace',
});

/** A slot taken in a window; release it when the counted thing turned out not to happen. */
export interface Reservation {
  release(): Promise<void>;
}

/**
 * Counts one action against a sliding window kept in the database, so the limit holds across
 * nodes and restarts. The row is written before counting: two nodes racing for the last slot both
 * see each other and both refuse, which errs on the safe side, and a refused attempt removes its
 * row so it does not extend the wait.
 */
export async function reserve(
  db: DbOrTx,
  workspaceId: string,
  subject: string,
  rule: LimitRule,
  now: Date,
): Promise<Reservation> {
  const id = randomToken(12);
  await db
    .insertInto('verification_limits')
    .values({ id, workspace_id: workspaceId, kind: rule.kind, subject, at: now.toISOString() })
    .execute();
  const release = async () => {
    await db.deleteFrom('verification_limits').where('id', '=', id).execute();
  };
  const since = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  // Newest first, this attempt included: the action `limit` places back decides. When it is in
  // the window there are more than `limit`; its time says when a slot frees. Only that one row is
  // read, not the whole window (a busy workspace has up to its per-minute ceiling of them).
  const deciding = await db
    .selectFrom('verification_limits')
    .select('at')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', rule.kind)
    .where('subject', '=', subject)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(1)
    .offset(rule.limit)
    .executeTakeFirst();
  if (!deciding) return { release };
  await release();
  // A slot frees when that action leaves the window.
  const freesAt = Date.parse(deciding.at) + rule.windowSeconds * 1000;
  const retryAfter = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    `${rule.describe}; retry in ${retryAfter} s`,
    { limit: rule.limit, windowSeconds: rule.windowSeconds, retryAfterSeconds: retryAfter },
    retryAfter,
  );
}

/** Drops counted actions older than the longest window. */
export async function purgeOldLimits(db: DbOrTx, now: Date): Promise<void> {
  const before = new Date(now.getTime() - FAILED_CHECK_LIMIT.windowSeconds * 1000).toISOString();
  await db.deleteFrom('verification_limits').where('at', '<', before).execute();
}
