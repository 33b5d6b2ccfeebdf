import type { DbOrTx } from '../db/database.js';
import type { EventOutbox } from '../events/outbox.js';
import type { WapingEvent } from '../events/types.js';
import { newId } from '../lib/ids.js';
import type { EndpointPresence } from './endpoint-cache.js';

/** Whether an endpoint's subscription list takes an event type. `webhook.test` goes only where it is sent. */
export function subscribes(events: string[], type: string): boolean {
  if (type === 'webhook.test') return false;
  return events.includes('*') || events.includes(type);
}

type DeliveredEvent = { id: string; type: string; workspaceId: string; createdAt: string };
type DeliveryOptions = {
  deviceId: string | null;
  endpointIds?: string[];
  /** Answers "no endpoint here" from memory, and learns it from this read. */
  presence?: EndpointPresence;
};

/** The enabled endpoints of the workspace that take the event (those of `endpointIds` only, if given). */
async function deliveryTargets(
  db: DbOrTx,
  event: DeliveredEvent,
  options: DeliveryOptions,
): Promise<string[]> {
  const { presence } = options;
  if (presence && !options.endpointIds && presence.knownEmpty(event.workspaceId)) return [];
  const generation = presence?.generation(event.workspaceId);
  let query = db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('workspace_id', '=', event.workspaceId)
    .where('enabled', '=', 1);
  if (options.endpointIds) {
    if (options.endpointIds.length === 0) return [];
    query = query.where('id', 'in', options.endpointIds);
  }
  const endpoints = await query.execute();
  if (presence && generation !== undefined && !options.endpointIds && endpoints.length === 0)
    presence.noteEmpty(event.workspaceId, generation);
  const targets = options.endpointIds
    ? endpoints
    : endpoints.filter((e) => subscribes(JSON.parse(e.events) as string[], event.type));
  return targets.map((endpoint) => endpoint.id);
}

/** One pending delivery of the event (whose row exists) per endpoint. */
async function insertDeliveries(
  db: DbOrTx,
  event: DeliveredEvent,
  endpointIds: string[],
  deviceId: string | null,
): Promise<void> {
  // A test event must not wait behind the endpoint's backlog, nor hold it up.
  const sequenceKey = event.type === 'webhook.test' ? `test:${event.id}` : (deviceId ?? '');
  const createdMs = Date.parse(event.createdAt);
  await db
    .insertInto('webhook_deliveries')
    .values(
      endpointIds.map((endpointId) => ({
        id: newId('dlv', createdMs),
        workspace_id: event.workspaceId,
        endpoint_id: endpointId,
        event_id: event.id,
        event_type: event.type,
        sequence_key: sequenceKey,
        status: 'pending' as const,
        attempts: 0,
        schedule_step: 0,
        next_attempt_at: event.createdAt,
        locked_until: null,
        lock_token: null,
        last_status_code: null,
        response_snippet: null,
        last_error: null,
        last_attempt_at: null,
        created_at: event.createdAt,
        updated_at: event.createdAt,
      })),
    )
    .execute();
}

/**
 * Queues one delivery per enabled endpoint of the workspace that takes the event, in the caller's
 * transaction (the event's row written): the delivery rows are the job queue, so they exist
 * exactly when the event does. Returns how many.
 */
export async function enqueueDeliveries(
  db: DbOrTx,
  event: DeliveredEvent,
  options: DeliveryOptions,
): Promise<number> {
  const targets = await deliveryTargets(db, event, options);
  if (targets.length > 0) await insertDeliveries(db, event, targets, options.deviceId);
  return targets.length;
}

/**
 * Makes the outbox queue webhook deliveries for every event it records, in the recording
 * transaction. Returns whether an event published in this app wants the delivery worker: events
 * no endpoint took need not wake it (most events on a line without webhooks). Events from other
 * nodes are not known here, so they always wake it.
 */
export function installDeliveryFanout(
  outbox: EventOutbox,
  presence?: EndpointPresence,
): (event: WapingEvent) => boolean {
  const quiet = new WeakSet<WapingEvent>();
  outbox.onRecord({
    async record(db, event, deviceId) {
      const targets = await deliveryTargets(db, event, { deviceId, ...(presence ? { presence } : {}) });
      if (targets.length === 0) {
        quiet.add(event);
        return undefined;
      }
      return () => insertDeliveries(db, event, targets, deviceId);
    },
    // Without the memory of workspaces with no endpoint, every event is read for its endpoints.
    idleFor: (workspaceId) => presence?.knownEmpty(workspaceId) === true,
    skipped: (event) => quiet.add(event),
  });
  return (event) => !quiet.has(event);
}

/** The JSON body a webhook receiver gets: the event as it was recorded. */
export function eventBody(row: {
  id: string;
  type: string;
  created_at: string;
  workspace_id: string;
  data: string;
}): string {
  return `{"id":${JSON.stringify(row.id)},"type":${JSON.stringify(row.type)},"createdAt":${JSON.stringify(
    row.created_at,
  )},"workspaceId":${JSON.stringify(row.workspace_id)},"data":${row.data}}`;
}
