import { sql } from 'kysely';
import type { Dialect, DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { newId } from '../lib/ids.js';
import type { EventBus } from './bus.js';
import type { EventType, WapingEvent } from './types.js';

/** An event row's columns, as the statements writing one take them. */
interface EventRowValues {
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
  /**
   * Reads what the fan-out would write for the event, in the recording transaction, and returns
   * the writing, which runs once the event's row is written; undefined when it writes nothing.
   * An event no fan-out writes anything for gets no row.
   */
  record(db: DbOrTx, event: WapingEvent, deviceId: string | null): Promise<(() => Promise<void>) | undefined>;
  /**
   * True when `record` surely writes nothing for an event of this workspace now (no statement of
   * its own): the event then needs no row either (`EventOutbox.quietFor`).
   */
  idleFor?(workspaceId: string): boolean;
  /** An event made while `idleFor` said true, with no row: `record` never ran for it. */
  skipped?(event: WapingEvent): void;
}

/**
 * The event outbox, one per app: a change and the event reporting it are written in one
 * transaction, and only after the commit is the event published on the bus (rule 3 of
 * docs/architecture.md). Features above it add their in-transaction fan-out with `onRecord`.
 *
 * An event's row is what its webhook deliveries are sent from, and nothing else reads it (the
 * bus carries the event to the dashboard, alerts and the verification worker). So an event no
 * fan-out writes anything for (no enabled webhook endpoint takes it) is published without a row;
 * and where the fan-outs know without reading that they have nothing to write for the workspace
 * (`quietFor`), a change needs no write for its event at all, and often no transaction
 * (`unrecorded`).
 */
export class EventOutbox {
  private readonly fanouts: EventFanout[] = [];

  constructor(private readonly bus: EventBus) {}

  onRecord(fanout: EventFanout): void {
    if (!this.fanouts.includes(fanout)) this.fanouts.push(fanout);
  }

  /**
   * True when an event of this workspace needs no row now: no fan-out would write anything for
   * it. A change may then be written on its own (no transaction around it and its event), and its
   * event made with `unrecorded` after it.
   */
  quietFor(workspaceId: string): boolean {
    return this.fanouts.every((fanout) => fanout.idleFor?.(workspaceId) === true);
  }

  /**
   * The event for a change written without a row for it, after `quietFor` said so. Publish it
   * after the change committed, as a recorded one.
   */
  unrecorded(input: RecordEventInput): WapingEvent {
    const event = eventOf(input);
    for (const fanout of this.fanouts) fanout.skipped?.(event);
    return event;
  }

  /**
   * Records an event — call it inside the transaction that makes the change it reports, so the
   * event exists exactly when the change does. Hand the result to `publish` after the commit. Its
   * row is written when a fan-out writes something for it (a webhook delivery, sent from the row),
   * or always with `keep` (an event the caller queues deliveries of itself); when `quietFor` says
   * no fan-out would, nothing is read either.
   */
  async record(db: DbOrTx, input: RecordEventInput, options: { keep?: boolean } = {}): Promise<WapingEvent> {
    if (!options.keep && this.quietFor(input.workspaceId)) return this.unrecorded(input);
    const event = eventOf(input);
    const deviceId = input.deviceId ?? null;
    const writes = await this.fannedOut(db, event, deviceId);
    if (writes.length > 0 || options.keep) await insertEvent(db, rowOf(event, deviceId));
    for (const write of writes) await write();
    return event;
  }

  /** What the fan-outs will write for the event, read in the recording transaction. */
  private async fannedOut(db: DbOrTx, event: WapingEvent, deviceId: string | null) {
    const writes: Array<() => Promise<void>> = [];
    for (const fanout of this.fanouts) {
      const write = await fanout.record(db, event, deviceId);
      if (write) writes.push(write);
    }
    return writes;
  }

  /**
   * Records several events, in the order given (their ids, and so webhooks' delivery order,
   * follow it), with one statement for the rows (those a fan-out writes something for, as
   * `record` writes them): for a batch of changes in one transaction.
   */
  async recordMany(db: DbOrTx, dialect: Dialect, inputs: RecordEventInput[]): Promise<WapingEvent[]> {
    if (inputs.length === 0) return [];
    if (inputs.length === 1) return [await this.record(db, inputs[0]!)];
    const made: Array<{ event: WapingEvent; deviceId: string | null; writes: Array<() => Promise<void>> }> =
      [];
    for (const input of inputs) {
      if (this.quietFor(input.workspaceId)) {
        made.push({ event: this.unrecorded(input), deviceId: null, writes: [] });
        continue;
      }
      const event = eventOf(input);
      const deviceId = input.deviceId ?? null;
      made.push({ event, deviceId, writes: await this.fannedOut(db, event, deviceId) });
    }
    const rows = made.filter((e) => e.writes.length > 0);
    if (rows.length === 1) await insertEvent(db, rowOf(rows[0]!.event, rows[0]!.deviceId));
    else if (rows.length > 1) {
      const column = <T>(pick: (e: (typeof rows)[number]) => T) => {
        const values = rows.map(pick);
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
    }
    for (const { writes } of rows) for (const write of writes) await write();
    return made.map((e) => e.event);
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
