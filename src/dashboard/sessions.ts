import type { DbOrTx } from '../db/database.js';
import { randomToken, sha256Hex } from '../lib/crypto.js';
import { newId } from '../lib/ids.js';
import { deleteUserChallenges } from './challenges.js';
import type { Role } from '../workspaces/tables.js';
import { parseUserSettings, type UserSettings } from '../workspaces/user-settings.js';

/** A live session with what the dashboard needs to know about its user and workspace. */
export interface ActiveSession {
  id: string;
  userId: string;
  email: string;
  name: string | null;
  workspaceId: string;
  workspaceName: string;
  plan: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
  settings: UserSettings;
}

// Writing last_seen_at on every request would make each read a write; once a minute is enough.
const TOUCH_INTERVAL_MS = 60_000;

/** Opens a session; `token` goes into the cookie and only its hash is stored. */
export async function createSession(
  db: DbOrTx,
  input: { userId: string; workspaceId: string; now: Date; ttlHours: number },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3_600_000);
  const at = input.now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: newId('ses', input.now.getTime()),
      user_id: input.userId,
      workspace_id: input.workspaceId,
      token_hash: sha256Hex(token),
      csrf_token: csrfToken,
      expires_at: expiresAt.toISOString(),
      created_at: at,
      last_seen_at: at,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The session for a cookie value, joined with the user's current membership: a role change or a
 * removal from the workspace takes effect on the next request, not at the next login.
 */
export async function findActiveSession(db: DbOrTx, token: string, now: Date): Promise<ActiveSession | null> {
  if (token.length === 0 || token.length > 200) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'sessions.workspace_id')
    .innerJoin('memberships', (join) =>
      join
        .onRef('memberships.user_id', '=', 'sessions.user_id')
        .onRef('memberships.workspace_id', '=', 'sessions.workspace_id'),
    )
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.workspace_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.email',
      'users.name',
      'users.settings',
      'workspaces.name as workspace_name',
      'workspaces.plan',
      'memberships.role',
    ])
    .where('sessions.token_hash', '=', sha256Hex(token))
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    row.last_seen_at = now.toISOString();
    await db
      .updateTable('sessions')
      .set({ last_seen_at: row.last_seen_at })
      .where('id', '=', row.id)
      .execute();
  }
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    plan: row.plan,
    role: row.role,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    settings: parseUserSettings(row.settings),
  };
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/**
 * Ends a user's sessions (all, or all but one): after a password change or a removal. Their
 * pending sign-in steps end too, each a session once its code is given: before, one begun with the
 * old password outlived a reset and enrolled its own authenticator app for a session.
 */
export async function deleteUserSessions(
  db: DbOrTx,
  userId: string,
  options: { except?: string; workspaceId?: string } = {},
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (options.except) query = query.where('id', '!=', options.except);
  if (options.workspaceId) query = query.where('workspace_id', '=', options.workspaceId);
  await query.execute();
  await deleteUserChallenges(db, userId, { workspaceId: options.workspaceId });
}

export async function purgeExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}

/** When each member was last seen in the dashboard (latest session activity). */
export async function lastSeenByUser(db: DbOrTx, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('sessions')
    .select(['user_id', (eb) => eb.fn.max('last_seen_at').as('last_seen_at')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, String(r.last_seen_at)]));
}
