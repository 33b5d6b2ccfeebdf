import type { DbOrTx } from '../db/database.js';
import type { AttemptRow, DeliveryRow, DeliveryStatus } from './tables.js';

/** The delivery log an API client reads, and the manual moves it can make on it. */
export async function findDelivery(
  db: DbOrTx,
  endpointId: string,
  id: string,
): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listDeliveries(
  db: DbOrTx,
  endpointId: string,
  page: { limit: number; before?: string; status?: DeliveryStatus },
): Promise<DeliveryRow[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  if (page.status) query = query.where('status', '=', page.status);
  if (page.before) query = query.where('id', '<', page.before);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function listAttempts(db: DbOrTx, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('delivery_id')
    .orderBy('number')
    .execute();
}

/** Queues a delivery again at once with a fresh retry schedule (replay of a finished one too). */
export async function requeueDelivery(db: DbOrTx, id: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', schedule_step: 0, next_attempt_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** An endpoint enabled again: its waiting deliveries go now rather than at their backed-off times. */
export async function resumeDeliveries(db: DbOrTx, endpointId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: at, updated_at: at })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '>', at)
    .execute();
}
