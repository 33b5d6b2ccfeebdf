import type { DbOrTx, Dialect } from '../db/database.js';
import { forChange } from '../db/row-lock.js';
import type { EndpointRow, WebhookEndpointsTable } from './tables.js';

/** Endpoint rows, always scoped to their workspace. */
export async function findEndpoint(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<EndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The endpoint as it is now, for a change merged with it in this transaction (`forChange`). */
export async function lockedEndpoint(
  trx: DbOrTx,
  dialect: Dialect,
  workspaceId: string,
  id: string,
): Promise<EndpointRow | undefined> {
  const query = trx
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id);
  return forChange(query, dialect).executeTakeFirst();
}

export async function listEndpoints(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; before?: string },
): Promise<EndpointRow[]> {
  let query = db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId);
  if (page.before) query = query.where('id', '<', page.before);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function insertEndpoint(db: DbOrTx, row: EndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export type EndpointPatch = Partial<Omit<WebhookEndpointsTable, 'id' | 'workspace_id' | 'created_at'>>;

export async function updateEndpoint(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  patch: EndpointPatch,
): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set(patch)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function countEndpoints(db: DbOrTx, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteEndpoint(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Endpoint outcome bookkeeping by the worker: a success ends a failing streak. */
export async function noteEndpointSuccess(db: DbOrTx, id: string): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: null })
    .where('id', '=', id)
    .where('failing_since', 'is not', null)
    .execute();
}

/**
 * Starts or continues a failing streak; returns true when this call disabled the endpoint because
 * the streak has lasted `disableAfterMs` (only one caller sees true, so one email goes out).
 */
export async function noteEndpointFailure(
  db: DbOrTx,
  id: string,
  now: Date,
  disableAfterMs: number,
): Promise<boolean> {
  const at = now.toISOString();
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: at })
    .where('id', '=', id)
    .where('failing_since', 'is', null)
    .execute();
  const cutoff = new Date(now.getTime() - disableAfterMs).toISOString();
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: 0, disabled_reason: 'failing', updated_at: at })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .where('failing_since', '<=', cutoff)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The receiver answered 410 Gone: it does not want these webhooks any more. */
export async function disableGoneEndpoint(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ enabled: 0, disabled_reason: 'gone', updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .execute();
}
