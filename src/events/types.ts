/** Every event type the outbox records (docs/webhooks.md lists what each carries). */
export const EVENT_TYPES = [
  'message.sent',
  'message.delivered',
  'message.read',
  'message.failed',
  'message.expired',
  'message.canceled',
  'message.received',
  'device.connected',
  'device.disconnected',
  'device.logged_out',
  'device.qr',
  'device.unlinked',
  'verification.approved',
  'verification.failed',
  'verification.fallback',
  'conversation.created',
  'conversation.assigned',
  'conversation.status_changed',
  'webhook.test',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** An event as recorded: what webhooks, alerts and dashboards receive. */
export interface WapingEvent {
  id: string;
  type: EventType;
  createdAt: string;
  workspaceId: string;
  data: Record<string, unknown>;
}
