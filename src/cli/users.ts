import { parseArgs } from 'node:util';
import { usersHelp } from './help.js';
import { AppError } from '../lib/errors.js';
import type { Role } from '../workspaces/tables.js';
import { findUserByEmail } from '../workspaces/members.js';
import { clearTwoFactor, hasTwoFactor } from '../workspaces/two-factor.js';
import { createUser, ROLES } from '../workspaces/users.js';
import { resolveWorkspace, UsageError, withDatabase } from './context.js';
import { recordShellChangeToUser } from './shell-audit.js';
import { resetPasswordCommand } from './users-reset.js';

export async function usersCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      workspace: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !sub || sub === '--help' || sub === '-h') return console.log(usersHelp);
  if (sub === 'reset-password') return resetPasswordCommand(values.email, values.password);
  if (sub === 'reset-2fa') return resetTwoFactor(values.email);
  if (sub !== 'create') throw new UsageError(`unknown command "users ${sub}"\n${usersHelp}`);
  if (!values.email || !values.password) throw new UsageError('users create needs --email and --password');
  const role = (values.role ?? 'owner') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`unknown role "${role}"; roles are ${ROLES.join(', ')}`);
  await withDatabase(async (handle) => {
    const ws = await resolveWorkspace(handle, values.workspace);
    try {
      const user = await createUser(handle.db, {
        email: values.email!,
        password: values.password!,
        workspaceId: ws.id,
        role,
        now: new Date(),
      });
      console.log(user.id);
    } catch (err) {
      if (err instanceof AppError) throw new UsageError(err.message);
      throw err;
    }
  });
}

async function resetTwoFactor(email: string | undefined): Promise<void> {
  if (!email) throw new UsageError('users reset-2fa needs --email');
  await withDatabase(async (handle) => {
    const user = await findUserByEmail(handle.db, email);
    if (!user) throw new UsageError(`no user with the email ${email}`);
    const now = new Date();
    await handle.db.transaction().execute(async (trx) => {
      // Recorded only when a second factor was on: clearing nothing (or a half-done enrolment) is no change.
      const wasOn = await hasTwoFactor(trx, user.id);
      await clearTwoFactor(trx, user.id, now);
      if (wasOn) {
        await recordShellChangeToUser(trx, user, { action: 'two_factor.disabled', target: 'user' }, now);
      }
    });
    // Sessions stay: the member is signed in where they were; only the next sign-in changes.
    console.log(`two-factor sign-in is off for ${user.email}`);
  });
}
