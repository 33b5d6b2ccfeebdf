import type { EngineEvents, SendTextInput } from '../engine.js';
import type { SandboxInbox, SandboxMedia } from './inbox.js';
import type { SandboxReceipt } from './magic-numbers.js';
import { receiptsAfter, delayBefore } from './receipts.js';
import type { TimerSet } from './timers.js';

type Receipt = EngineEvents['message_status'];

export interface OutboxRoute {
  deviceId: string;
  timers: TimerSet;
  timing: { deliveredMs: number; readMs: number };
  inbox: SandboxInbox;
  /** Whether the device is online to receive a receipt now. */
  isOnline(): boolean;
  deliver(receipt: Receipt): void;
}

/**
 * One device's sent messages on their way: into the recipients' inboxes, then receipts back
 * from the recipients' phones. While the device is offline receipts wait, and are handed over
 * on reconnect, as WhatsApp does.
 */
export class SandboxOutbox {
  private readonly inFlight = new Set<string>();
  private held: Receipt[] = [];

  constructor(private readonly route: OutboxRoute) {}

  /** Puts the message in the recipient's inbox, once per WhatsApp message id. */
  accept(from: string, { waMessageId, to, text }: SendTextInput, media?: SandboxMedia): void {
    const { inbox, deviceId } = this.route;
    const existing = inbox.find(deviceId, waMessageId);
    if (!existing) {
      inbox.add({
        id: waMessageId,
        deviceId,
        from,
        to,
        text,
        at: new Date(),
        status: 'sent',
        ...(media ? { media } : {}),
      });
    }
    // A repeat is a retried hand-off of a message the recipient already has; its receipts may
    // have been cut short by a restart, so finish them unless this outbox is already on it.
    if (!this.inFlight.has(waMessageId)) this.scheduleReceipts(waMessageId, to, existing?.status);
  }

  /** Hands over receipts held while offline, as long as the device stays online. */
  flushHeld(): void {
    while (this.route.isOnline()) {
      const receipt = this.held.shift();
      if (!receipt) return;
      this.route.deliver(receipt);
    }
  }

  /** Forgets everything pending; the timers themselves are cleared by the TimerSet's owner. */
  clear(): void {
    this.inFlight.clear();
    this.held = [];
  }

  private scheduleReceipts(waMessageId: string, to: string, reached: SandboxReceipt | undefined): void {
    const pending = receiptsAfter(to, reached);
    if (pending.length === 0) return;
    this.inFlight.add(waMessageId);
    // One timer at a time, so receipts can only arrive in order.
    const next = (index: number): void => {
      const receipt = pending[index];
      if (receipt === undefined) {
        this.inFlight.delete(waMessageId);
        return;
      }
      this.route.timers.after(delayBefore(receipt, this.route.timing), () => {
        // Armed before reporting, so a listener that stops the engine cancels it too.
        next(index + 1);
        this.arrive(waMessageId, receipt);
      });
    };
    next(0);
  }

  private arrive(waMessageId: string, status: SandboxReceipt): void {
    this.route.inbox.setStatus(this.route.deviceId, waMessageId, status);
    const receipt = { waMessageId, status, at: new Date() };
    if (this.route.isOnline()) this.route.deliver(receipt);
    else this.held.push(receipt);
  }
}
