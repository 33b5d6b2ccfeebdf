import type { DbOrTx, Dialect } from '../db/database.js';
import { forChange } from '../db/row-lock.js';
import type { BusinessHours } from './business-hours.js';
import type { MatchType, RuleRow } from './tables.js';

/** A rule as the service works with it: the row's columns, decoded. */
export interface RuleSpec {
  name: string;
  deviceId: string | null;
  priority: number;
  match: { type: MatchType; pattern: string | null };
  reply: string;
  cooldownMinutes: number;
  businessHours: BusinessHours | null;
  welcome: boolean;
  enabled: boolean;
}

export function specOf(row: RuleRow): RuleSpec {
  return {
    name: row.name,
    deviceId: row.device_id,
    priority: row.priority,
    match: { type: row.match_type, pattern: row.match_pattern },
    reply: row.reply,
    cooldownMinutes: row.cooldown_minutes,
    businessHours: row.business_hours ? (JSON.parse(row.business_hours) as BusinessHours) : null,
    welcome: row.welcome === 1,
    enabled: row.enabled === 1,
  };
}

export function columnsOf(spec: RuleSpec) {
  return {
    name: spec.name,
    device_id: spec.deviceId,
    priority: spec.priority,
    match_type: spec.match.type,
    match_pattern: spec.match.pattern,
    reply: spec.reply,
    cooldown_minutes: spec.cooldownMinutes,
    business_hours: spec.businessHours ? JSON.stringify(spec.businessHours) : null,
    welcome: spec.welcome ? 1 : 0,
    enabled: spec.enabled ? 1 : 0,
  };
}

export async function insertRule(db: DbOrTx, row: RuleRow): Promise<void> {
  await db.insertInto('auto_reply_rules').values(row).execute();
}

export async function countRules(db: DbOrTx, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('auto_reply_rules')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findRule(db: DbOrTx, workspaceId: string, id: string): Promise<RuleRow | undefined> {
  return db
    .selectFrom('auto_reply_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The rule as it is now, for a change merged with it in this transaction (`forChange`). */
export async function lockedRule(
  trx: DbOrTx,
  dialect: Dialect,
  workspaceId: string,
  id: string,
): Promise<RuleRow | undefined> {
  const query = trx
    .selectFrom('auto_reply_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id);
  return forChange(query, dialect).executeTakeFirst();
}

export async function updateRule(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  spec: RuleSpec,
  now: Date,
): Promise<void> {
  await db
    .updateTable('auto_reply_rules')
    .set({ ...columnsOf(spec), updated_at: now.toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteRule(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('auto_reply_rules')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface RuleFilter {
  deviceId?: string;
  enabled?: boolean;
  /** Keyset position: rules after this (priority, id). */
  after?: { priority: number; id: string };
}

/** Rules in the order they are tried: priority, then oldest first. */
export async function listRules(
  db: DbOrTx,
  workspaceId: string,
  filter: RuleFilter,
  limit: number,
): Promise<RuleRow[]> {
  let query = db.selectFrom('auto_reply_rules').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.deviceId) query = query.where('device_id', '=', filter.deviceId);
  if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled ? 1 : 0);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('priority', '>', after.priority),
        eb.and([eb('priority', '=', after.priority), eb('id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy('priority').orderBy('id').limit(limit).execute();
}

/** The enabled rules that may answer a message on `deviceId`, in the order they are tried. */
export async function candidateRules(db: DbOrTx, workspaceId: string, deviceId: string): Promise<RuleRow[]> {
  return db
    .selectFrom('auto_reply_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('device_id', 'is', null), eb('device_id', '=', deviceId)]))
    .orderBy('priority')
    .orderBy('id')
    .execute();
}
