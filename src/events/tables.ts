import type { Selectable } from 'kysely';

/** The outbox: one row per recorded event, written in the transaction of the change it reports. */
export interface EventsTable {
  id: string;
  workspace_id: string;
  type: string;
  device_id: string | null;
  /** JSON: the resource the event reports. */
  data: string;
  created_at: string;
}

export interface EventTables {
  events: EventsTable;
}

export type EventRow = Selectable<EventsTable>;
