export interface EventsTable {
  id: string;
  workspace_id: string;
  type: string;
  device_id: string | null;
  /** JSON: the resource the event reports. */
  data: string;
  created_at: string;
}

export interface WebhookTables {
  events: EventsTable;
}
