import { sql } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { newId } from '../lib/ids.js';
import { monthPeriod } from '../lib/time.js';
import type { WorkspaceRow } from './tables.js';

// Every new verification reads its workspace: built and compiled once.
const workspaceById = preparedQuery<{ id: string }, WorkspaceRow>((db, a) =>
  db.selectFrom('workspaces').selectAll().where('id', '=', a.id),
);

export async function findWorkspace(db: DbOrTx, id: string): Promise<WorkspaceRow | undefined> {
  const { rows } = await workspaceById(db, { id });
  return rows[0];
}

export async function findWorkspaceByIdOrName(db: DbOrTx, ref: string): Promise<WorkspaceRow | undefined> {
  return db
    .selectFrom('workspaces')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .executeTakeFirst();
}

export async function listWorkspaces(db: DbOrTx): Promise<WorkspaceRow[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('id').execute();
}

export async function insertWorkspace(
  db: DbOrTx,
  input: { name: string; plan: string; now: Date },
): Promise<WorkspaceRow> {
  const row: WorkspaceRow = {
    id: newId('ws', input.now.getTime()),
    name: input.name,
    plan: input.plan,
    settings: '{}',
    created_at: input.now.toISOString(),
    updated_at: input.now.toISOString(),
  };
  await db.insertInto('workspaces').values(row).execute();
  return row;
}

export async function updateWorkspace(
  db: DbOrTx,
  id: string,
  patch: { name?: string; plan?: string; settings?: string; now: Date },
): Promise<void> {
  const { now, ...fields } = patch;
  await db
    .updateTable('workspaces')
    .set({ ...fields, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function readUsage(db: DbOrTx, workspaceId: string, at: Date) {
  const row = await db
    .selectFrom('usage_counters')
    .select(['messages_sent', 'verifications'])
    .where('workspace_id', '=', workspaceId)
    .where('period', '=', monthPeriod(at))
    .executeTakeFirst();
  return {
    period: monthPeriod(at),
    messagesSent: row?.messages_sent ?? 0,
    verifications: row?.verifications ?? 0,
  };
}

/** Adds to this month's counters (upsert, safe under concurrency on both dialects). */
export async function addUsage(
  db: DbOrTx,
  workspaceId: string,
  at: Date,
  delta: { messagesSent?: number; verifications?: number },
): Promise<void> {
  const messages = delta.messagesSent ?? 0;
  const verifications = delta.verifications ?? 0;
  await db
    .insertInto('usage_counters')
    .values({ workspace_id: workspaceId, period: monthPeriod(at), messages_sent: messages, verifications })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'period']).doUpdateSet((eb) => ({
        messages_sent: eb('usage_counters.messages_sent', '+', messages),
        verifications: eb('usage_counters.verifications', '+', verifications),
      })),
    )
    .execute();
}

/** Counts one message sent in `period` only while the count is under `limit`; false when it is not. */
export async function countMessageUnder(
  db: DbOrTx,
  workspaceId: string,
  period: string,
  limit: number,
): Promise<boolean> {
  const result = await db
    .updateTable('usage_counters')
    .set({ messages_sent: sql`messages_sent + 1` })
    .where('workspace_id', '=', workspaceId)
    .where('period', '=', period)
    .where('messages_sent', '<', limit)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Puts the transactions that check and change what a workspace may hold (its devices under the
 * plan, its last owner) one after the other: on PostgreSQL, by a lock on the workspace's row until
 * the transaction ends. SQLite runs one transaction at a time already.
 */
export async function lockWorkspace(trx: DbOrTx, dialect: Dialect, workspaceId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute();
}
