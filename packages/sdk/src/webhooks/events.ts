import type { Conversation, Device, Message } from '../types.js';

interface Envelope<Type extends string, Data> {
  /** The event id, the same on every retry: drop duplicates by it. */
  id: string;
  type: Type;
  createdAt: string;
  workspaceId: string;
  data: Data;
}

export type MessageEventType =
  | 'message.sent'
  | 'message.delivered'
  | 'message.read'
  | 'message.failed'
  | 'message.expired'
  | 'message.canceled'
  | 'message.received';
export type DeviceEventType =
  'device.connected' | 'device.disconnected' | 'device.logged_out' | 'device.qr' | 'device.unlinked';

/** What a developer webhook receives (docs/webhooks.md, "Event catalogue"). */
export type WebhookEvent =
  | Envelope<MessageEventType, Message>
  | Envelope<DeviceEventType, Device>
  | Envelope<
      'verification.approved',
      { id: string; to: string; channel: 'whatsapp' | 'sms' | 'email' | null }
    >
  | Envelope<'verification.failed', { id: string; to: string; reason: string }>
  | Envelope<'verification.fallback', { id: string; to: string; [key: string]: unknown }>
  | Envelope<'conversation.created', Conversation>
  | Envelope<'conversation.assigned', Conversation & { previousAssigneeId: string | null }>
  | Envelope<'conversation.status_changed', Conversation & { previousStatus: Conversation['status'] }>
  | Envelope<'webhook.test', { webhookId: string; message: string }>;

export type WebhookEventType = WebhookEvent['type'];
