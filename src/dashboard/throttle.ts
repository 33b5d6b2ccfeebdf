import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { AppError } from '../lib/errors.js';
import { sha256Hex } from '../lib/crypto.js';

export const WINDOW_MS = 15 * 60_000;

/**
 * Sign-in attempts are counted under three keys, each with its own allowance per window:
 * - `pair`: one email from one address, the tight limit (a stranger hammering an account locks
 *   out only their own address);
 * - `account`: one email from every address, which bounds guessing spread over many addresses;
 * - `address`: one address across every email, which bounds trying one password on many accounts.
 */
export const LIMITS = { pair: 5, account: 20, address: 30 } as const;
export type ThrottleScope = keyof typeof LIMITS;

export interface ThrottleSubject {
  email: string;
  ip: string;
}

export function throttleKey(scope: ThrottleScope, subject: ThrottleSubject): string {
  const value =
    scope === 'pair' ? `${subject.email}|${subject.ip}` : scope === 'account' ? subject.email : subject.ip;
  return sha256Hex(`${scope}|${value}`);
}

const SCOPES = Object.keys(LIMITS) as ThrottleScope[];

/**
 * Reserves one attempt under every key BEFORE the slow password hash. The count and the reservation
 * are one upsert (a row lock on PostgreSQL, the single writer on SQLite), so of any number of
 * parallel attempts exactly the allowance gets through; the rest get RATE_LIMITED with
 * Retry-After until the window that began with the first attempt ends. A fresh window starts once
 * the old one has passed. The rows live in the database, so every node counts the same attempts.
 */
export async function reserveAttempt(db: DbOrTx, subject: ThrottleSubject, now: Date): Promise<void> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  // In order, stopping at the first refusal: guesses refused for one pair must not use up the
  // account's allowance, or one address could lock an account out everywhere.
  for (const scope of SCOPES) {
    const row = await db
      .insertInto('login_throttle')
      .values({ throttle_key: throttleKey(scope, subject), window_started_at: at, attempts: 1 })
      .onConflict((oc) =>
        oc.column('throttle_key').doUpdateSet({
          attempts: sql<number>`case when login_throttle.window_started_at <= ${since} then 1 else login_throttle.attempts + 1 end`,
          window_started_at: sql<string>`case when login_throttle.window_started_at <= ${since} then ${at} else login_throttle.window_started_at end`,
        }),
      )
      .returning(['attempts', 'window_started_at'])
      .executeTakeFirstOrThrow();
    if (Number(row.attempts) <= LIMITS[scope]) continue;
    const ends = Date.parse(row.window_started_at) + WINDOW_MS;
    const retryAfter = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
    throw new AppError(
      'RATE_LIMITED',
      `Too many sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} min`,
      { retryAfterSeconds: retryAfter },
      retryAfter,
    );
  }
}

/**
 * A successful sign-in: the email and address pair starts afresh, and the attempt it reserved is
 * given back to the account and the address, so people who sign in correctly never use them up.
 */
export async function settleSuccess(db: DbOrTx, subject: ThrottleSubject, now: Date): Promise<void> {
  await db.deleteFrom('login_throttle').where('throttle_key', '=', throttleKey('pair', subject)).execute();
  await db
    .updateTable('login_throttle')
    .set({ attempts: sql<number>`attempts - 1` })
    .where('throttle_key', 'in', [throttleKey('account', subject), throttleKey('address', subject)])
    .where('attempts', '>', 0)
    .execute();
  // Windows that have passed are of no use to anyone; the table stays as small as the window.
  await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<=', new Date(now.getTime() - WINDOW_MS).toISOString())
    .execute();
}
