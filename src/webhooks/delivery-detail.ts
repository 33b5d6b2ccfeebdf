import type { AppContext } from '../context.js';
import { notFound } from '../lib/errors.js';
import { findDelivery, listAttempts } from './delivery-log.js';
import { eventBody } from './fanout.js';
import { requireEndpoint } from './service.js';
import { toDeliveryView, type DeliveryDetailView } from './views.js';

/**
 * One delivery with every attempt and the body it POSTs. The body is rebuilt from the event, as
 * the sender builds it: events outlive their deliveries (retention deletes a delivery with its
 * event), so it is always there, and the log need not store a copy per attempt.
 */
export async function deliveryDetail(
  ctx: AppContext,
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryDetailView> {
  await requireEndpoint(ctx, workspaceId, endpointId);
  const row = await findDelivery(ctx.db, endpointId, deliveryId);
  if (!row) throw notFound('Delivery');
  const [attempts, event] = await Promise.all([
    listAttempts(ctx.db, [row.id]),
    ctx.db
      .selectFrom('events')
      .select(['id', 'type', 'created_at', 'workspace_id', 'data'])
      .where('id', '=', row.event_id)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...toDeliveryView(row, attempts), payload: eventBody(event) };
}
