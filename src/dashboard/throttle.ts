import type { DbOrTx } from '../db/database.js';
import { AppError } from '../lib/errors.js';
import { sha256Hex } from '../lib/crypto.js';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

/**
 * Password guessing is throttled per email and client address: a stranger hammering one account
 * locks out only their own address, and the window is kept in the database so every node agrees.
 */
export function throttleKey(email: string, ip: string): string {
  return sha256Hex(`${email}|${ip}`);
}

/** Throws RATE_LIMITED (with Retry-After) once the key has used up its failures in the window. */
export async function assertNotThrottled(db: DbOrTx, key: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom('login_failures')
    .select('failed_at')
    .where('throttle_key', '=', key)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .limit(MAX_FAILURES)
    .execute();
  if (rows.length < MAX_FAILURES) return;
  // The oldest of the last five failures decides when one more attempt is allowed.
  const oldest = rows[rows.length - 1]!.failed_at;
  const retryAfter = Math.max(1, Math.ceil((Date.parse(oldest) + WINDOW_MS - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} min`,
    { retryAfterSeconds: retryAfter },
    retryAfter,
  );
}

export async function recordFailure(db: DbOrTx, key: string, now: Date): Promise<void> {
  // Old rows of every key go as new ones arrive, so the table stays as small as the window.
  await db
    .deleteFrom('login_failures')
    .where('failed_at', '<=', new Date(now.getTime() - WINDOW_MS).toISOString())
    .execute();
  await db.insertInto('login_failures').values({ throttle_key: key, failed_at: now.toISOString() }).execute();
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('throttle_key', '=', key).execute();
}
