import type { DbOrTx } from '../db/database.js';
import { validation } from '../lib/errors.js';
import { setPassword } from './members.js';
import { MIN_PASSWORD_LENGTH } from './users.js';

/**
 * Sets a new password for a user who forgot theirs (from the Team page, the API or
 * `waping users reset-password`). The caller ends the user's sessions in the same transaction.
 */
export async function resetPassword(db: DbOrTx, userId: string, password: string, now: Date): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw validation(`password must have at least ${MIN_PASSWORD_LENGTH} characters`, [
      { field: 'body.password', message: `must have at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
  await setPassword(db, userId, password, now);
}
