import type { WebhookEventType } from '@waping/sdk';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/events/types.js';

// The SDK's WebhookEvent is what a receiver switches on. It named no conversation event, so a
// receiver of conversation.created had no type for it (nor for the message and device events
// added since). `satisfies` holds the list to the SDK's type (the type check fails on a missing
// or an unknown name); the assertion holds it to what the server sends.
const namedBySdk = {
  'message.sent': true,
  'message.delivered': true,
  'message.read': true,
  'message.failed': true,
  'message.expired': true,
  'message.canceled': true,
  'message.received': true,
  'device.connected': true,
  'device.disconnected': true,
  'device.logged_out': true,
  'device.qr': true,
  'device.unlinked': true,
  'verification.approved': true,
  'verification.failed': true,
  'verification.fallback': true,
  'conversation.created': true,
  'conversation.assigned': true,
  'conversation.status_changed': true,
  'webhook.test': true,
} satisfies Record<WebhookEventType, true>;

describe("the SDK's webhook event types", () => {
  it('are every type the server sends, and no other', () => {
    expect(Object.keys(namedBySdk).sort()).toEqual([...EVENT_TYPES].sort());
  });
});
