import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import { AppError } from '../lib/errors.js';

/**
 * Device leases: one node runs a device's connection at a time (docs/architecture.md, "Devices,
 * leases and takeover"). A lease is taken when free or expired, renewed by its holder, and lost
 * when the holder stops renewing.
 *
 * Every expiry is written and compared by the database's clock, never a node's: nodes whose clocks
 * disagree still agree on when a lease ran out. The holder's own deadline (see LeaseTiming) is
 * measured from before it sent its renewal, so it always ends before the lease the database wrote.
 */

/** What a node proves it still holds when it writes for a device: the lease as it took it. */
export interface LeaseFence {
  deviceId: string;
  nodeId: string;
  /** The lease's generation when this node took it: a later taker has a higher one. */
  generation: number;
}

/** A released lease expires at the epoch: free at once, and told apart from one that ran out. */
const RELEASED = '1970-01-01T00:00:00.000Z';

/** The database's time, plus `offsetMs`, as ISO 8601 text like `Date.toISOString()`. */
export function dbTime(dialect: Dialect, offsetMs = 0): RawBuilder<string> {
  if (dialect === 'postgres') {
    return sql<string>`to_char((statement_timestamp() at time zone 'UTC') + ${`${offsetMs} milliseconds`}::interval, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${(offsetMs / 1000).toFixed(3)} seconds`})`;
}

/** Refused: the node writing for a device no longer holds the lease it took. */
export function leaseLost(deviceId: string): AppError {
  return new AppError('CONFLICT', `This node no longer holds the lease of device ${deviceId}`, {
    reason: 'lease_lost',
  });
}

export function isLeaseLost(err: unknown): boolean {
  return (
    err instanceof AppError && (err.details as { reason?: unknown } | undefined)?.reason === 'lease_lost'
  );
}

/**
 * Takes the lease if it is missing, ours, released or expired. Returns the fence to write with
 * (its generation one higher than any before), or null when another node holds it.
 */
export async function acquireLease(
  db: DbOrTx,
  dialect: Dialect,
  deviceId: string,
  nodeId: string,
  ttlMs: number,
): Promise<LeaseFence | null> {
  await db
    .insertInto('device_leases')
    .values({ device_id: deviceId, node_id: nodeId, expires_at: dbTime(dialect, ttlMs), generation: 1 })
    .onConflict((oc) =>
      oc
        .column('device_id')
        .doUpdateSet((eb) => ({
          node_id: nodeId,
          expires_at: dbTime(dialect, ttlMs),
          generation: eb('device_leases.generation', '+', 1),
        }))
        .where((eb) =>
          eb.or([
            eb('device_leases.node_id', '=', nodeId),
            eb('device_leases.expires_at', '<', dbTime(dialect)),
          ]),
        ),
    )
    .execute();
  const row = await db
    .selectFrom('device_leases')
    .select(['node_id', 'generation'])
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  // Two calls of this node at once could both see their own name; the supervisor never makes them.
  return row?.node_id === nodeId ? { deviceId, nodeId, generation: row.generation } : null;
}

/** Extends this node's leases (each as the generation it took); returns the ids it still holds. */
export async function renewLeases(
  db: DbOrTx,
  dialect: Dialect,
  fences: LeaseFence[],
  ttlMs: number,
): Promise<Set<string>> {
  if (fences.length === 0) return new Set();
  const ids = fences.map((f) => f.deviceId);
  const nodeId = fences[0]!.nodeId;
  // Only leases that have not run out: one that expired may already be another node's to take.
  await db
    .updateTable('device_leases')
    .set({ expires_at: dbTime(dialect, ttlMs) })
    .where('node_id', '=', nodeId)
    .where('device_id', 'in', ids)
    .where('expires_at', '>', dbTime(dialect))
    .execute();
  const rows = await db
    .selectFrom('device_leases')
    .select(['device_id', 'generation'])
    .where('node_id', '=', nodeId)
    .where('device_id', 'in', ids)
    .where('expires_at', '>', dbTime(dialect))
    .execute();
  const generation = new Map(fences.map((f) => [f.deviceId, f.generation]));
  return new Set(rows.filter((r) => generation.get(r.device_id) === r.generation).map((r) => r.device_id));
}

/**
 * Inside a transaction: proves the fence still holds (ours, same generation, not expired) and keeps
 * the lease from changing hands until the transaction ends (the row is written, so a taker waits
 * for the commit). Throws `leaseLost` otherwise, which rolls the caller's writes back.
 */
export async function holdLease(trx: DbOrTx, dialect: Dialect, fence: LeaseFence): Promise<void> {
  const result = await trx
    .updateTable('device_leases')
    .set((eb) => ({ generation: eb.ref('generation') }))
    .where('device_id', '=', fence.deviceId)
    .where('node_id', '=', fence.nodeId)
    .where('generation', '=', fence.generation)
    .where('expires_at', '>', dbTime(dialect))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw leaseLost(fence.deviceId);
}

/** Gives the lease up at once (the device stopped here cleanly); only as the generation held. */
export async function releaseLease(db: DbOrTx, fence: LeaseFence): Promise<void> {
  await db
    .updateTable('device_leases')
    .set({ expires_at: RELEASED })
    .where('device_id', '=', fence.deviceId)
    .where('node_id', '=', fence.nodeId)
    .where('generation', '=', fence.generation)
    .execute();
}

/** The node holding the device's lease now, or null when nobody does. */
export async function leaseHolder(db: DbOrTx, dialect: Dialect, deviceId: string): Promise<string | null> {
  const row = await db
    .selectFrom('device_leases')
    .select('node_id')
    .where('device_id', '=', deviceId)
    .where('expires_at', '>', dbTime(dialect))
    .executeTakeFirst();
  return row?.node_id ?? null;
}
