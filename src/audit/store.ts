import type { DbOrTx } from '../db/database.js';
import type { AuditEventRow } from './tables.js';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetId?: string;
  /** ISO instants, inclusive at both ends. */
  since?: string;
  until?: string;
}

/** One workspace's audit events, newest first, after the cursor's id. */
export async function listAuditEvents(
  db: DbOrTx,
  workspaceId: string,
  filter: AuditFilter,
  page: { limit: number; before?: string },
): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.since) query = query.where('at', '>=', filter.since);
  if (filter.until) query = query.where('at', '<=', filter.until);
  if (page.before) query = query.where('id', '<', page.before);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

/** Deletes a workspace's audit events older than `cutoff` (the retention run). */
export async function pruneAuditBefore(db: DbOrTx, workspaceId: string, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('audit_events')
    .where('workspace_id', '=', workspaceId)
    .where('at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
