import type { DbOrTx } from '../db/database.js';

/**
 * Device leases: one node runs a device's connection at a time (docs/architecture.md, "Devices, leases and takeover"). A lease is taken
 * when free or expired, renewed by its holder, and lost when the holder stops renewing.
 */
export async function acquireLease(
  db: DbOrTx,
  deviceId: string,
  nodeId: string,
  now: Date,
  ttlMs: number,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const expires = new Date(now.getTime() + ttlMs).toISOString();
  await db
    .insertInto('device_leases')
    .values({ device_id: deviceId, node_id: nodeId, expires_at: expires })
    .onConflict((oc) =>
      oc
        .column('device_id')
        .doUpdateSet({ node_id: nodeId, expires_at: expires })
        .where((eb) =>
          eb.or([eb('device_leases.node_id', '=', nodeId), eb('device_leases.expires_at', '<', nowIso)]),
        ),
    )
    .execute();
  const row = await db
    .selectFrom('device_leases')
    .select('node_id')
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return row?.node_id === nodeId;
}

/** Extends this node's leases; returns the ids it still holds. */
export async function renewLeases(
  db: DbOrTx,
  deviceIds: string[],
  nodeId: string,
  now: Date,
  ttlMs: number,
): Promise<Set<string>> {
  if (deviceIds.length === 0) return new Set();
  await db
    .updateTable('device_leases')
    .set({ expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .where('node_id', '=', nodeId)
    .where('device_id', 'in', deviceIds)
    .execute();
  const rows = await db
    .selectFrom('device_leases')
    .select('device_id')
    .where('node_id', '=', nodeId)
    .where('device_id', 'in', deviceIds)
    .execute();
  return new Set(rows.map((r) => r.device_id));
}

export async function releaseLease(db: DbOrTx, deviceId: string, nodeId: string): Promise<void> {
  await db
    .deleteFrom('device_leases')
    .where('device_id', '=', deviceId)
    .where('node_id', '=', nodeId)
    .execute();
}

export async function leaseHolder(db: DbOrTx, deviceId: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('device_leases')
    .select(['node_id', 'expires_at'])
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return row && row.expires_at > now.toISOString() ? row.node_id : null;
}
