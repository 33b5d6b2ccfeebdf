import { dbTime } from '../cluster/leases.js';
import type { DbOrTx, Dialect } from '../db/database.js';
import { forChange } from '../db/row-lock.js';
import type { DeviceRow } from './tables.js';

export async function countDevices(db: DbOrTx, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findDevice(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<DeviceRow | undefined> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findDeviceById(db: DbOrTx, id: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The device as it is now, for a change in this transaction (`forChange`). */
export async function lockedDevice(
  trx: DbOrTx,
  dialect: Dialect,
  id: string,
): Promise<DeviceRow | undefined> {
  const query = trx.selectFrom('devices').selectAll().where('id', '=', id);
  return forChange(query, dialect).executeTakeFirst();
}

/**
 * The device locked for its deletion, undefined when it is gone. On PostgreSQL its threads are
 * locked first, then its row: an accepted message holds its thread (its filing is an upsert) before
 * its foreign key waits on the device, so the delete, whose cascade removes the threads, takes them
 * in that order too. Locked only after the device, the thread of a message being accepted and the
 * device each waited on the other (a deadlock); not locked at all, a message committed between the
 * cancel of the device's queue and the delete stayed `queued` with no device. Now a message either
 * commits before the lock (and is canceled with the queue) or waits for the delete and is refused
 * by its foreign key. SQLite runs one writing transaction at a time.
 */
export async function lockedDeviceToDelete(
  trx: DbOrTx,
  dialect: Dialect,
  id: string,
): Promise<DeviceRow | undefined> {
  if (dialect === 'postgres')
    await trx.selectFrom('conversations').select('id').where('device_id', '=', id).forUpdate().execute();
  return lockedDevice(trx, dialect, id);
}

export async function listDevices(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; before?: string },
): Promise<DeviceRow[]> {
  let query = db.selectFrom('devices').selectAll().where('workspace_id', '=', workspaceId);
  if (page.before) query = query.where('id', '<', page.before);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

/** Devices that should have a running connection: linked or being linked. */
export async function devicesToRun(db: DbOrTx): Promise<DeviceRow[]> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('status', 'in', ['connecting', 'qr', 'connected', 'disconnected'])
    .orderBy('id')
    .execute();
}

/**
 * Devices that should be running and that no node holds a lease on: never taken, released, or
 * expired because their holder stopped renewing. What survivors poll for to take devices over.
 */
export async function unheldDevices(db: DbOrTx, dialect: Dialect): Promise<string[]> {
  const rows = await db
    .selectFrom('devices')
    .leftJoin('device_leases', 'device_leases.device_id', 'devices.id')
    .select('devices.id')
    .where('devices.status', 'in', ['connecting', 'qr', 'connected', 'disconnected'])
    .where((eb) =>
      eb.or([
        eb('device_leases.device_id', 'is', null),
        eb('device_leases.expires_at', '<=', dbTime(dialect)),
      ]),
    )
    .orderBy('devices.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function connectedDevices(db: DbOrTx, workspaceId: string): Promise<DeviceRow[]> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'connected')
    .orderBy('id')
    .execute();
}

export async function oldestDevice(db: DbOrTx, workspaceId: string): Promise<DeviceRow | undefined> {
  return db
    .selectFrom('devices')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .executeTakeFirst();
}

/** Whether `phone` is one of the workspace's own linked lines. */
export async function isOwnLine(db: DbOrTx, workspaceId: string, phone: string): Promise<boolean> {
  const row = await db
    .selectFrom('devices')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deviceIdsOf(db: DbOrTx, workspaceId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('devices').select('id').where('workspace_id', '=', workspaceId).execute();
  return new Set(rows.map((d) => d.id));
}
