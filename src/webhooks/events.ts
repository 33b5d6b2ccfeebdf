import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { newId } from '../lib/ids.js';
import { enqueueDeliveries } from './fanout.js';

/** Event types of DESIGN.md §7 (plus `webhook.test`). */
export const EVENT_TYPES = [
  'message.sent',
  'message.delivered',
  'message.read',
  'message.failed',
  'message.expired',
  'message.received',
  'device.connected',
  'device.disconnected',
  'device.logged_out',
  'device.qr',
  'verification.approved',
  'verification.failed',
  'verification.fallback',
  'webhook.test',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface WapingEvent {
  id: string;
  type: EventType;
  createdAt: string;
  workspaceId: string;
  data: Record<string, unknown>;
}

/** Bus topic on which every recorded event is published once its transaction committed. */
export const EVENTS_TOPIC = 'events';

/**
 * Events recorded in this process that no endpoint wanted: publishing them need not wake the
 * delivery worker (most events on a line without webhooks). Events from other nodes are not in it.
 */
export const eventsWithoutDeliveries = new WeakSet<object>();

/**
 * Records an event row — call it inside the transaction that makes the change it reports, so the
 * event exists exactly when the change does. In the same transaction it queues one webhook
 * delivery per enabled endpoint subscribed to the type (only `endpointIds` when given). Returns
 * the event; hand it to `publishEvents` after the commit to fan it out (webhook worker wake-up,
 * SSE, alerts).
 */
export async function recordEvent(
  db: DbOrTx,
  input: {
    workspaceId: string;
    type: EventType;
    data: Record<string, unknown>;
    deviceId?: string | null;
    now: Date;
    endpointIds?: string[];
  },
): Promise<WapingEvent> {
  const event: WapingEvent = {
    id: newId('evt', input.now.getTime()),
    type: input.type,
    createdAt: input.now.toISOString(),
    workspaceId: input.workspaceId,
    data: input.data,
  };
  await db
    .insertInto('events')
    .values({
      id: event.id,
      workspace_id: event.workspaceId,
      type: event.type,
      device_id: input.deviceId ?? null,
      data: JSON.stringify(event.data),
      created_at: event.createdAt,
    })
    .execute();
  const queued = await enqueueDeliveries(db, event, {
    deviceId: input.deviceId ?? null,
    endpointIds: input.endpointIds,
  });
  if (queued === 0) eventsWithoutDeliveries.add(event);
  return event;
}

/** Fans committed events out on the bus. */
export function publishEvents(ctx: AppContext, events: WapingEvent[]): void {
  for (const event of events) ctx.bus.publish(EVENTS_TOPIC, event);
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
