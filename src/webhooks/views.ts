import { Type, type Static } from 'typebox';
import { literalUnion, Nullable, Timestamp } from '../lib/schema.js';
import { EVENT_TYPES, type EventType } from '../events/types.js';
import type { AttemptRow, DeliveryRow, EndpointRow } from './tables.js';

/** Types an endpoint can subscribe to: everything but the test event, which goes only where it is sent. */
export const SUBSCRIBABLE_TYPES = EVENT_TYPES.filter((t) => t !== 'webhook.test');

// Built from a filtered list, the literal union loses its static type: say it (the schema is unchanged).
export const EventFilter = Type.Unsafe<Array<EventType | '*'>>(
  Type.Array(Type.Union([...SUBSCRIBABLE_TYPES, '*'].map((t) => Type.Literal(t))), {
    minItems: 1,
    maxItems: EVENT_TYPES.length,
    uniqueItems: true,
    description: 'Event types to receive, or ["*"] for all of them',
  }),
);

export const WebhookSchema = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    description: Nullable(Type.String()),
    events: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    disabledReason: Nullable(
      Type.String({
        description: 'manual, gone (the receiver answered 410) or failing (5 days of failures)',
      }),
    ),
    previousSecretExpiresAt: Nullable(
      Type.String({ format: 'date-time', description: 'Until then the previous secret signs too' }),
    ),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Webhook' },
);
export type WebhookView = Static<typeof WebhookSchema>;

export function toWebhookView(row: EndpointRow, now: Date): WebhookView {
  const overlap = row.previous_secret_expires_at;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as string[],
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    previousSecretExpiresAt: overlap && overlap > now.toISOString() ? overlap : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const AttemptSchema = Type.Object({
  number: Type.Integer(),
  at: Timestamp,
  durationMs: Type.Integer(),
  statusCode: Nullable(Type.Integer()),
  responseSnippet: Nullable(Type.String({ description: 'First 1 KB of the answer' })),
  error: Nullable(Type.String({ description: 'Why no answer came (timeout, refused connection…)' })),
});

export const DeliverySchema = Type.Object(
  {
    id: Type.String(),
    webhookId: Type.String(),
    eventId: Type.String(),
    eventType: Type.String(),
    status: literalUnion(['pending', 'succeeded', 'failed'] as const),
    attemptCount: Type.Integer(),
    nextAttemptAt: Nullable(Timestamp),
    lastAttemptAt: Nullable(Timestamp),
    lastStatusCode: Nullable(Type.Integer()),
    responseSnippet: Nullable(Type.String()),
    lastError: Nullable(Type.String()),
    attempts: Type.Array(AttemptSchema),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'WebhookDelivery' },
);
export type DeliveryView = Static<typeof DeliverySchema>;

export function toDeliveryView(row: DeliveryRow, attempts: AttemptRow[]): DeliveryView {
  return {
    id: row.id,
    webhookId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attemptCount: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    responseSnippet: row.response_snippet,
    lastError: row.last_error,
    attempts: attempts.map((a) => ({
      number: a.number,
      at: a.started_at,
      durationMs: a.duration_ms,
      statusCode: a.status_code,
      responseSnippet: a.response_snippet,
      error: a.error,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** GET /v1/webhooks/event-types: what an endpoint can subscribe to, from the one list the outbox uses. */
export const WebhookEventTypesSchema = Type.Object(
  {
    data: Type.Array(Type.String(), {
      description: 'Every event type an endpoint can subscribe to (or "*" for all of them)',
    }),
  },
  { $id: 'WebhookEventTypes' },
);

export const WebhookHealthSchema = Type.Object(
  {
    window: Type.Integer({ description: 'The most recent deliveries looked at, at most' }),
    deliveries: Type.Integer({ description: 'Deliveries in the window' }),
    succeeded: Type.Integer(),
    failed: Type.Integer({ description: 'Given up after the whole retry schedule' }),
    retrying: Type.Integer({ description: 'Still pending after at least one failed attempt' }),
    waiting: Type.Integer({ description: 'Pending, not tried yet' }),
    successRate: Nullable(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'succeeded / (succeeded + failed + retrying); null when none was tried',
      }),
    ),
    lastSuccessAt: Nullable(Timestamp),
    lastError: Nullable(
      Type.Object({
        at: Timestamp,
        deliveryId: Type.String(),
        eventType: Type.String(),
        statusCode: Nullable(Type.Integer()),
        responseSnippet: Nullable(Type.String({ description: 'First 1 KB of the answer' })),
        error: Nullable(Type.String({ description: 'Why no answer came' })),
      }),
    ),
  },
  { $id: 'WebhookHealth' },
);
export type WebhookHealthView = Static<typeof WebhookHealthSchema>;

export const DeliveryDetailSchema = Type.Object(
  {
    ...DeliverySchema.properties,
    payload: Type.String({
      description: 'The JSON body every attempt POSTed, exactly as sent (what the signature covers)',
    }),
  },
  { $id: 'WebhookDeliveryDetail' },
);
export type DeliveryDetailView = Static<typeof DeliveryDetailSchema>;
