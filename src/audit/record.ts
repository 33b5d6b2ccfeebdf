import type { DbOrTx } from '../db/database.js';
import { newId } from '../lib/ids.js';
import type { AuditAction, AuditTargetType } from './actions.js';
import type { AuditActorType, AuditEventRow } from './tables.js';

/** Who made a change and through which request: taken from the request's auth at the edge. */
export interface AuditBy {
  actor: { type: AuditActorType; id: string | null };
  requestId: string | null;
  ip: string | null;
}

/** Changes made without a request (the CLI, start-up, direct service calls). */
export const SYSTEM_ACTOR: AuditBy = { actor: { type: 'system', id: null }, requestId: null, ip: null };

export interface AuditEntry {
  workspaceId: string;
  action: AuditAction;
  target: { type: AuditTargetType; id: string };
  /** What changed, small and plain; fields that name a secret are dropped whatever their value. */
  changes?: Record<string, unknown>;
  now: Date;
}

// A guard, not the rule: callers pass only what is safe to show, and a field named like a
// credential never reaches the log even if a caller slips.
const SECRET_FIELD = /secret|password|token|hash|^key$|^value$/i;

function withoutSecrets(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).filter(([field]) => !SECRET_FIELD.test(field)));
}

/** The actor's name as it is now, kept with the row so the log still reads after a rename or deletion. */
async function actorName(db: DbOrTx, actor: AuditBy['actor']): Promise<string> {
  if (actor.type === 'system' || actor.id === null) return 'System';
  if (actor.type === 'user') {
    const user = await db
      .selectFrom('users')
      .select(['name', 'email'])
      .where('id', '=', actor.id)
      .executeTakeFirst();
    return user ? (user.name ?? user.email) : actor.id;
  }
  const key = await db.selectFrom('api_keys').select('name').where('id', '=', actor.id).executeTakeFirst();
  return key ? key.name : actor.id;
}

/**
 * Records one change. Call it with the transaction that makes the change, so the row exists if
 * and only if the change committed.
 */
export async function recordAudit(db: DbOrTx, by: AuditBy, entry: AuditEntry): Promise<AuditEventRow> {
  const row: AuditEventRow = {
    id: newId('aud', entry.now.getTime()),
    workspace_id: entry.workspaceId,
    at: entry.now.toISOString(),
    actor_type: by.actor.type,
    actor_id: by.actor.id,
    actor_name: await actorName(db, by.actor),
    action: entry.action,
    target_type: entry.target.type,
    target_id: entry.target.id,
    changes: JSON.stringify(withoutSecrets(entry.changes ?? {})),
    request_id: by.requestId,
    ip: by.ip,
  };
  await db.insertInto('audit_events').values(row).execute();
  return row;
}
