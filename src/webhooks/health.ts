import type { DbOrTx } from '../db/database.js';
import type { WebhookHealthView } from './views.js';

/** How many of an endpoint's latest deliveries its health is computed over. */
export const HEALTH_WINDOW = 100;

const isSuccess = (code: number | null) => code !== null && code >= 200 && code < 300;

/**
 * An endpoint's recent record: of its latest deliveries that were tried at least once, the share
 * that succeeded, and the last attempt that did not. A bounded window, so the cost does not grow
 * with the log (the rows come from the endpoint+id index, their attempts by delivery id).
 */
export async function endpointHealth(db: DbOrTx, endpointId: string): Promise<WebhookHealthView> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'event_type', 'status', 'attempts'])
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(HEALTH_WINDOW)
    .execute();
  let succeeded = 0;
  let failed = 0;
  let retrying = 0;
  let waiting = 0;
  for (const row of rows) {
    if (row.status === 'succeeded') succeeded += 1;
    else if (row.status === 'failed') failed += 1;
    else if (row.attempts > 0) retrying += 1;
    else waiting += 1;
  }
  const tried = succeeded + failed + retrying;
  const attempts =
    rows.length === 0
      ? []
      : await db
          .selectFrom('webhook_attempts')
          .select(['delivery_id', 'started_at', 'status_code', 'response_snippet', 'error'])
          .where(
            'delivery_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
  // Newest first; attempts of one delivery never share a start time with a later number.
  attempts.sort((a, b) => (a.started_at < b.started_at ? 1 : a.started_at > b.started_at ? -1 : 0));
  const lastSuccess = attempts.find((a) => isSuccess(a.status_code));
  const lastFailure = attempts.find((a) => !isSuccess(a.status_code));
  const typeOf = new Map(rows.map((r) => [r.id, r.event_type]));
  return {
    window: HEALTH_WINDOW,
    deliveries: rows.length,
    succeeded,
    failed,
    retrying,
    waiting,
    successRate: tried === 0 ? null : Math.round((succeeded / tried) * 10_000) / 10_000,
    lastSuccessAt: lastSuccess?.started_at ?? null,
    lastError: lastFailure
      ? {
          at: lastFailure.started_at,
          deliveryId: lastFailure.delivery_id,
          eventType: typeOf.get(lastFailure.delivery_id) ?? '',
          statusCode: lastFailure.status_code,
          responseSnippet: lastFailure.response_snippet,
          error: lastFailure.error,
        }
      : null,
  };
}
