import type { DbOrTx } from '../db/database.js';
import { hashPassword } from '../lib/passwords.js';
import type { Role } from './tables.js';
import { normalizeEmail } from './users.js';

// Users and their memberships as the dashboard's sign-in and team pages need them.

export interface UserCredentials {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash };
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash };
}

/** The workspace a login lands in: the user's oldest membership. */
export async function firstMembership(
  db: DbOrTx,
  userId: string,
): Promise<{ workspaceId: string; role: Role } | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select(['workspace_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('workspace_id')
    .executeTakeFirst();
  return row && { workspaceId: row.workspace_id, role: row.role };
}

export async function setPassword(db: DbOrTx, userId: string, password: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), updated_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

export async function listMembers(db: DbOrTx, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('memberships.created_at')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    joinedAt: r.created_at,
  }));
}

export async function findMember(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<Member | undefined> {
  return (await listMembers(db, workspaceId)).find((m) => m.userId === userId);
}

export async function setRole(db: DbOrTx, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}

/** Removes a membership; a user left without any workspace is deleted so the email can be used again. */
export async function removeMember(db: DbOrTx, workspaceId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  const other = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!other) await db.deleteFrom('users').where('id', '=', userId).execute();
}
