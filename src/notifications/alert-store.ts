import type { DbOrTx } from '../db/database.js';
import type { DeviceAlertRow } from './tables.js';

export type DownReason = 'disconnected' | 'logged_out';

/**
 * Opens an incident for a device that went down, or makes a pending one more urgent. An incident
 * already open keeps its start, so repeated disconnects do not restart the grace period, and one
 * already alerted is left alone: one alert per incident.
 */
export async function openIncident(
  db: DbOrTx,
  input: {
    deviceId: string;
    workspaceId: string;
    name: string | null;
    phone: string | null;
    reason: DownReason;
    downSince: string;
    dueAt: string;
    now: Date;
  },
): Promise<void> {
  const at = input.now.toISOString();
  await db
    .insertInto('device_alerts')
    .values({
      device_id: input.deviceId,
      workspace_id: input.workspaceId,
      device_name: input.name,
      device_phone: input.phone,
      reason: input.reason,
      down_since: input.downSince,
      alert_due_at: input.dueAt,
      alerted_at: null,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('device_id').doNothing())
    .execute();
  if (input.reason !== 'logged_out') return;
  await db
    .updateTable('device_alerts')
    .set({ reason: 'logged_out', alert_due_at: input.dueAt, updated_at: at })
    .where('device_id', '=', input.deviceId)
    .where('alerted_at', 'is', null)
    .where('alert_due_at', '>', input.dueAt)
    .execute();
}

export async function dueIncidents(db: DbOrTx, now: Date): Promise<DeviceAlertRow[]> {
  return db
    .selectFrom('device_alerts')
    .selectAll()
    .where('alerted_at', 'is', null)
    .where('alert_due_at', '<=', now.toISOString())
    .orderBy('alert_due_at')
    .execute();
}

export async function nextDueAt(db: DbOrTx): Promise<string | null> {
  const row = await db
    .selectFrom('device_alerts')
    .select((eb) => eb.fn.min('alert_due_at').as('due'))
    .where('alerted_at', 'is', null)
    .executeTakeFirst();
  return row?.due ?? null;
}

/** Marks the incident alerted before the mail goes out; of two nodes only one succeeds. */
export async function claimIncident(db: DbOrTx, row: DeviceAlertRow, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('device_alerts')
    .set({ alerted_at: now.toISOString(), updated_at: now.toISOString() })
    .where('device_id', '=', row.device_id)
    .where('alerted_at', 'is', null)
    .where('alert_due_at', '=', row.alert_due_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The mail did not go out: try again later instead of dropping the alert. */
export async function postponeIncident(db: DbOrTx, deviceId: string, until: Date, now: Date): Promise<void> {
  await db
    .updateTable('device_alerts')
    .set({ alerted_at: null, alert_due_at: until.toISOString(), updated_at: now.toISOString() })
    .where('device_id', '=', deviceId)
    .execute();
}

/** Closes a device's incident; returns it if there was one (whoever deletes it tells of the recovery). */
export async function closeIncident(db: DbOrTx, deviceId: string): Promise<DeviceAlertRow | undefined> {
  return db.deleteFrom('device_alerts').where('device_id', '=', deviceId).returningAll().executeTakeFirst();
}
