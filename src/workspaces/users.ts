import type { DbOrTx } from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { conflict, validation } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { hashPassword } from '../lib/passwords.js';
import { assertPasswordAllowed } from '../lib/password-policy.js';
import type { Role } from './tables.js';

export const ROLES: Role[] = ['owner', 'admin', 'agent', 'viewer'];

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a user and their membership in one workspace. */
export async function createUser(
  db: DbOrTx,
  input: { email: string; password: string; name?: string; workspaceId: string; role: Role; now: Date },
): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw validation('email is not an email address');
  assertPasswordAllowed(input.password, { email });
  const emailTaken = () => conflict('A user with this email already exists');
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw emailTaken();
  const id = newId('usr', input.now.getTime());
  const at = input.now.toISOString();
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name: input.name ?? null,
      password_hash: await hashPassword(input.password),
      created_at: at,
      updated_at: at,
    })
    .execute()
    .catch((err: unknown) => {
      // Another request added the same email after the check above (PostgreSQL runs them at once).
      throw isUniqueViolation(err) ? emailTaken() : err;
    });
  await db
    .insertInto('memberships')
    .values({ workspace_id: input.workspaceId, user_id: id, role: input.role, created_at: at })
    .execute();
  return { id, email };
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Emails of the workspace's owners and admins: the default alert recipients. */
export async function adminEmails(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.workspace_id', '=', workspaceId)
    .where('memberships.role', 'in', ['owner', 'admin'])
    .execute();
  return rows.map((r) => r.email);
}
