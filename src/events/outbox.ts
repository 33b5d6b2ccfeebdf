import type { DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { newId } from '../lib/ids.js';
import type { EventBus } from './bus.js';
import type { EventType, WapingEvent } from './types.js';

// Every status change of every message records one: built and compiled once.
const insertEvent = preparedQuery<
  {
    id: string;
    workspaceId: string;
    type: EventType;
    deviceId: string | null;
    data: string;
    createdAt: string;
  },
  never
>((db, a) =>
  db.insertInto('events').values({
    id: a.id,
    workspace_id: a.workspaceId,
    type: a.type,
    device_id: a.deviceId,
    data: a.data,
    created_at: a.createdAt,
  }),
);

export interface RecordEventInput {
  workspaceId: string;
  type: EventType;
  data: Record<string, unknown>;
  deviceId?: string | null;
  now: Date;
}

/** Work done inside the recording transaction for every event (webhooks queue their deliveries). */
export type EventFanout = (db: DbOrTx, event: WapingEvent, deviceId: string | null) => Promise<void>;

/**
 * The event outbox, one per app: a change and the event reporting it are written in one
 * transaction, and only after the commit is the event published on the bus (rule 3 of
 * docs/architecture.md). Features above it add their in-transaction fan-out with `onRecord`.
 */
export class EventOutbox {
  private readonly fanouts: EventFanout[] = [];

  constructor(private readonly bus: EventBus) {}

  onRecord(fanout: EventFanout): void {
    if (!this.fanouts.includes(fanout)) this.fanouts.push(fanout);
  }

  /**
   * Records an event row — call it inside the transaction that makes the change it reports, so
   * the event exists exactly when the change does. Hand the result to `publish` after the commit.
   */
  async record(db: DbOrTx, input: RecordEventInput): Promise<WapingEvent> {
    const event: WapingEvent = {
      id: newId('evt', input.now.getTime()),
      type: input.type,
      createdAt: input.now.toISOString(),
      workspaceId: input.workspaceId,
      data: input.data,
    };
    const deviceId = input.deviceId ?? null;
    await insertEvent(db, {
      id: event.id,
      workspaceId: event.workspaceId,
      type: event.type,
      deviceId,
      data: JSON.stringify(event.data),
      createdAt: event.createdAt,
    });
    for (const fanout of this.fanouts) await fanout(db, event, deviceId);
    return event;
  }

  /** Fans committed events out on the bus (webhook worker wake-up, SSE, alerts, verify worker). */
  publish(events: WapingEvent[]): void {
    for (const event of events) this.bus.publish('events', event);
  }
}
