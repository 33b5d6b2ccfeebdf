import type { DbOrTx } from '../db/database.js';
import { notFound } from '../lib/errors.js';
import { assertPasswordAllowed } from '../lib/password-policy.js';
import { setPassword } from './members.js';

/**
 * Sets a new password for a user who forgot theirs (from the Team page, the API or
 * `waping users reset-password`), under the same rules as any new password. The caller ends the
 * user's sessions in the same transaction.
 */
export async function resetPassword(db: DbOrTx, userId: string, password: string, now: Date): Promise<void> {
  const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user');
  assertPasswordAllowed(password, { email: user.email });
  await setPassword(db, userId, password, now);
}
