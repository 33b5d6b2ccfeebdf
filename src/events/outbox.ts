import { sql } from 'kysely';
import type { Dialect, DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { newId } from '../lib/ids.js';
import type { EventBus } from './bus.js';
import type { EventType, WapingEvent } from './types.js';

/** An event row's columns, as the statements writing one take them. */
export interface EventRowValues {
  id: string;
  workspaceId: string;
  type: EventType;
  deviceId: string | null;
  data: string;
  createdAt: string;
}

// Every status change of every message records one: built and compiled once.
const insertEvent = preparedQuery<EventRowValues, never>((db, a) =>
  db.insertInto('events').values({
    id: a.id,
    workspace_id: a.workspaceId,
    type: a.type,
    device_id: a.deviceId,
    data: a.data,
    created_at: a.createdAt,
  }),
);

const EVENT_COLUMNS = ['id', 'workspace_id', 'type', 'device_id', 'data', 'created_at'] as const;
type EventColumns = {
  ids: unknown;
  workspaceIds: unknown;
  types: unknown;
  deviceIds: unknown;
  data: unknown;
  createdAts: unknown;
};

/**
 * Several event rows in one statement whose text does not depend on how many there are (so it is
 * compiled once, and PostgreSQL keeps one plan): each column's values go as one array parameter,
 * a PostgreSQL array or, on SQLite, a JSON array read back with json_each.
 */
const insertEventsFor = {
  postgres: preparedQuery<EventColumns, never>((db, a) =>
    db
      .insertInto('events')
      .columns(EVENT_COLUMNS)
      .expression(
        sql`select * from unnest(${a.ids}::text[], ${a.workspaceIds}::text[], ${a.types}::text[],
                                 ${a.deviceIds}::text[], ${a.data}::text[], ${a.createdAts}::text[])`,
      ),
  ),
  sqlite: preparedQuery<EventColumns, never>((db, a) =>
    db
      .insertInto('events')
      .columns(EVENT_COLUMNS)
      .expression(
        sql`select i.value, w.value, t.value, d.value, x.value, c.value
            from json_each(${a.ids}) i
            join json_each(${a.workspaceIds}) w on w.key = i.key
            join json_each(${a.types}) t on t.key = i.key
            join json_each(${a.deviceIds}) d on d.key = i.key
            join json_each(${a.data}) x on x.key = i.key
            join json_each(${a.createdAts}) c on c.key = i.key`,
      ),
  ),
};

export interface RecordEventInput {
  workspaceId: string;
  type: EventType;
  data: Record<string, unknown>;
  deviceId?: string | null;
  now: Date;
}

/** Work done inside the recording transaction for every event (webhooks queue their deliveries). */
export interface EventFanout {
  record(db: DbOrTx, event: WapingEvent, deviceId: string | null): Promise<void>;
  /**
   * True when `record` surely writes nothing for an event of this workspace now (no statement of
   * its own): a statement may then write the event's row itself (`EventOutbox.plan`).
   */
  idleFor?(workspaceId: string): boolean;
  /** An event whose row a statement wrote while `idleFor` said true: `record` never ran for it. */
  skipped?(event: WapingEvent): void;
}

/** An event whose row the caller writes in a statement of its own, and its columns. */
export interface PlannedEvent {
  event: WapingEvent;
  row: EventRowValues;
}

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
   * The event and its row's columns, for a statement that writes the row with the change it
   * reports (one round trip where `record` costs one of its own), when no fan-out has anything to
   * write for the workspace; undefined when one may (then `record` it in the transaction). Once the
   * statement wrote the row, say so with `written`, and publish the event after the commit.
   */
  plan(input: RecordEventInput): PlannedEvent | undefined {
    if (!this.fanouts.every((fanout) => fanout.idleFor?.(input.workspaceId) === true)) return undefined;
    const event = eventOf(input);
    return {
      event,
      row: rowOf(event, input.deviceId ?? null),
    };
  }

  /** A planned event's row was written by the caller's statement. */
  written(event: WapingEvent): void {
    for (const fanout of this.fanouts) fanout.skipped?.(event);
  }

  /**
   * Records an event row — call it inside the transaction that makes the change it reports, so
   * the event exists exactly when the change does. Hand the result to `publish` after the commit.
   */
  async record(db: DbOrTx, input: RecordEventInput): Promise<WapingEvent> {
    const event = eventOf(input);
    const deviceId = input.deviceId ?? null;
    await insertEvent(db, rowOf(event, deviceId));
    for (const fanout of this.fanouts) await fanout.record(db, event, deviceId);
    return event;
  }

  /**
   * Records several events, in the order given (their ids, and so webhooks' delivery order,
   * follow it), with one statement for the rows: for a batch of changes in one transaction.
   */
  async recordMany(db: DbOrTx, dialect: Dialect, inputs: RecordEventInput[]): Promise<WapingEvent[]> {
    if (inputs.length === 0) return [];
    if (inputs.length === 1) return [await this.record(db, inputs[0]!)];
    const events = inputs.map((input) => ({ event: eventOf(input), deviceId: input.deviceId ?? null }));
    const column = <T>(pick: (e: (typeof events)[number]) => T) => {
      const values = events.map(pick);
      return dialect === 'postgres' ? values : JSON.stringify(values);
    };
    await insertEventsFor[dialect](db, {
      ids: column((e) => e.event.id),
      workspaceIds: column((e) => e.event.workspaceId),
      types: column((e) => e.event.type),
      deviceIds: column((e) => e.deviceId),
      data: column((e) => JSON.stringify(e.event.data)),
      createdAts: column((e) => e.event.createdAt),
    });
    for (const { event, deviceId } of events)
      for (const fanout of this.fanouts) await fanout.record(db, event, deviceId);
    return events.map((e) => e.event);
  }

  /** Fans committed events out on the bus (webhook worker wake-up, SSE, alerts, verify worker). */
  publish(events: WapingEvent[]): void {
    for (const event of events) this.bus.publish('events', event);
  }
}

function eventOf(input: RecordEventInput): WapingEvent {
  return {
    id: newId('evt', input.now.getTime()),
    type: input.type,
    createdAt: input.now.toISOString(),
    workspaceId: input.workspaceId,
    data: input.data,
  };
}

function rowOf(event: WapingEvent, deviceId: string | null): EventRowValues {
  return {
    id: event.id,
    workspaceId: event.workspaceId,
    type: event.type,
    deviceId,
    data: JSON.stringify(event.data),
    createdAt: event.createdAt,
  };
}
