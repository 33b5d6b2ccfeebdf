import type { Selectable } from 'kysely';

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  description: string | null;
  /** JSON array of event types, or ["*"]. */
  events: string;
  enabled: number;
  /** Why it was turned off: 'manual', 'gone' (the receiver answered 410) or 'failing' (5 days of failures). */
  disabled_reason: string | null;
  /** AES-256-GCM sealed `whsec_…`, bound to the endpoint id. */
  secret: string;
  /** The secret before the last rotation: it keeps signing alongside the new one until it expires. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** Start of the current run of failed attempts; null after any success. */
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  /** Deliveries with the same endpoint and key go out one at a time in event order (the device id). */
  sequence_key: string;
  status: DeliveryStatus;
  attempts: number;
  /** Failed attempts since the schedule last (re)started: which retry delay comes next. */
  schedule_step: number;
  next_attempt_at: string | null;
  /** A worker's claim: another worker may take the row once it has expired (its node died). */
  locked_until: string | null;
  lock_token: string | null;
  last_status_code: number | null;
  response_snippet: string | null;
  last_error: string | null;
  last_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  number: number;
  started_at: string;
  duration_ms: number;
  status_code: number | null;
  response_snippet: string | null;
  error: string | null;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

export type EndpointRow = Selectable<WebhookEndpointsTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;
