import { deleteUserSessions } from '../dashboard/sessions.js';
import { AppError } from '../lib/errors.js';
import { findUserByEmail } from '../workspaces/members.js';
import { resetPassword } from '../workspaces/password-reset.js';
import { UsageError, withDatabase } from './context.js';
import { recordShellChangeToUser } from './shell-audit.js';

/**
 * `waping users reset-password --email E --password P`: the way back in for someone with shell
 * access when no owner can sign in. Every session of the user ends, and the audit log of every
 * workspace the user belongs to records the reset.
 */
export async function resetPasswordCommand(
  email: string | undefined,
  password: string | undefined,
): Promise<void> {
  if (!email || !password) throw new UsageError('users reset-password needs --email and --password');
  await withDatabase(async (handle) => {
    const user = await findUserByEmail(handle.db, email);
    if (!user) throw new UsageError(`no user with the email "${email}"`);
    const now = new Date();
    try {
      await handle.db.transaction().execute(async (trx) => {
        await resetPassword(trx, user.id, password, now);
        await deleteUserSessions(trx, user.id);
        await recordShellChangeToUser(trx, user, { action: 'member.password_reset', target: 'member' }, now);
      });
    } catch (err) {
      if (err instanceof AppError) throw new UsageError(err.message);
      throw err;
    }
    console.log(`password reset for ${user.email}; their sessions were signed out`);
  });
}
