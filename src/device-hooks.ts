import type { AppContext } from './context.js';
import type { DeviceHooks } from './devices/hooks.js';
import type { InboundHandler } from './inbound/handle-inbound.js';
import { createDeviceDispatcher } from './messages/device-dispatcher.js';
import { messageTextForRetry, ReceiptBatcher } from './messages/receipts.js';
import { recordReceivedMessage, storableInbound } from './messages/received.js';
import { ReceivedRetry } from './messages/received-retry.js';
import { failQueuedMessages } from './messages/status.js';

/**
 * Connects the devices feature to the features above it: a device's queue is dispatched by the
 * messages feature, its receipts and inbound messages are stored there, and inbound messages are
 * then answered by `inbound` (the server passes its handler; `waping devices link` stores them only).
 */
export function deviceHooks(ctx: AppContext, inbound?: InboundHandler): DeviceHooks {
  // Hand-offs and receipts run on the background pool: a burst of requests never waits behind
  // them, and they never wait behind the burst (docs/performance.md).
  const background: AppContext = { ...ctx, db: ctx.backgroundDb };
  const retry = new ReceivedRetry(ctx.log);
  const receipts = new ReceiptBatcher(background, retry);
  return {
    createDispatcher: (target) => createDeviceDispatcher(background, target),
    onReceipts: (deviceId, batch) => receipts.applyAll(deviceId, batch),
    async onInbound(device, received) {
      const payload = storableInbound(received);
      const message = await recordReceivedMessage(ctx, device, payload, retry);
      if (message && inbound) await inbound.handle(device, message, payload);
    },
    messageText: (deviceId, waMessageId) => messageTextForRetry(background, deviceId, waMessageId),
    onLoggedOut: (deviceId) =>
      failQueuedMessages(
        background,
        deviceId,
        'SESSION_LOGGED_OUT',
        'The device was logged out before sending',
      ),
    close: () => retry.close(),
  };
}
