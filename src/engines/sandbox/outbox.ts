import { TimeOrdered } from '../../lib/time-ordered.js';
import type { EngineEvents, SendTextInput } from '../engine.js';
import type { SandboxInbox, SandboxMedia } from './inbox.js';
import { lastReceiptFor, type SandboxReceipt } from './magic-numbers.js';
import { receiptSchedule } from './receipts.js';
import type { SentLog, SentRecord } from './sent-log.js';
import type { TimerSet } from './timers.js';

type Receipt = EngineEvents['message_status'];

/**
 * How long a message's durable record outlives its last receipt. Reporting a receipt is not
 * the same as WAPing having stored it; a record kept a while longer means a crash right after
 * the report repeats the receipt on restart (harmless: statuses only move forward) instead of
 * losing it.
 */
export const SENT_RECORD_GRACE_MS = 60_000;

/** Records that fall due within this much of each other are forgotten in one write. */
const FORGET_GATHER_MS = 250;

export interface OutboxRoute {
  deviceId: string;
  timers: TimerSet;
  timing: { deliveredMs: number; readMs: number };
  inbox: SandboxInbox;
  log: SentLog;
  /** Whether the device is online to receive a receipt now. */
  isOnline(): boolean;
  deliver(receipt: Receipt): void;
  /** A background write of the durable records failed. */
  onLogError(err: unknown): void;
}

interface HeldReceipt {
  receipt: Receipt;
  /** The message's last receipt: once reported, its record can go. */
  last: boolean;
}

/**
 * One device's sent messages on their way: into the recipients' inboxes, then receipts back
 * from the recipients' phones. While the device is offline receipts wait, and are handed over
 * on reconnect, as WhatsApp does. Every hand-off is recorded in the device's durable state
 * before it happens, so a restart (even after a crash) resumes the receipts where the clock says
 * they are.
 */
export class SandboxOutbox {
  private readonly inFlight = new Set<string>();
  private held: HeldReceipt[] = [];
  /** Records to forget once their grace has run, and whether a timer is armed for them. */
  private forgetting = new TimeOrdered<string>();
  private forgetArmed = false;
  /** Bumped by clear(), so a hand-off or resume that was awaiting a write arms nothing after a stop. */
  private epoch = 0;

  constructor(private readonly route: OutboxRoute) {}

  /** Puts the message in the recipient's inbox, once per WhatsApp message id. */
  async accept(from: string, input: SendTextInput, media?: SandboxMedia): Promise<void> {
    await this.acceptAll(from, [{ input, media }]);
  }

  /**
   * Several messages, in order, as `accept` one after the other would: their records written in
   * one go, then each put in its recipient's inbox.
   */
  async acceptAll(from: string, sends: Array<{ input: SendTextInput; media?: SandboxMedia }>): Promise<void> {
    const { inbox, deviceId } = this.route;
    const records: Array<{ waMessageId: string; record: SentRecord }> = [];
    for (const { input, media } of sends) {
      const { waMessageId, to, text } = input;
      const existing = inbox.find(deviceId, waMessageId);
      // A repeat is a retried hand-off of a message the recipient already has; its receipts may
      // have been cut short by a restart, so finish them unless this outbox is already on it.
      if (existing && this.inFlight.has(waMessageId)) continue;
      const record: SentRecord = { from, to, text, sentAt: Date.now(), ...(media ? { media } : {}) };
      if (existing) record.after = existing.status;
      records.push({ waMessageId, record });
    }
    if (records.length === 0) return;
    // Recorded before the recipient has it: a crash after this point still gets its receipts.
    const epoch = this.epoch;
    await this.route.log.rememberAll(records);
    if (epoch !== this.epoch) return;
    for (const { waMessageId, record } of records) {
      if (!this.inFlight.has(waMessageId)) this.handOver(waMessageId, record);
    }
  }

  /**
   * Picks up every recorded hand-off after a start: the recipient's inbox has the message again,
   * receipts that fell due while the device was down are reported at once (in order, delivered
   * before read), the rest when they fall due.
   */
  async resume(): Promise<void> {
    const epoch = this.epoch;
    const recorded = await this.route.log.all();
    if (epoch !== this.epoch) return;
    for (const { waMessageId, record } of recorded) {
      if (this.inFlight.has(waMessageId)) continue;
      this.handOver(waMessageId, record);
    }
  }

  /** The recipient has the message (once), and its receipts are on their way. */
  private handOver(waMessageId: string, record: SentRecord): void {
    const { inbox, deviceId } = this.route;
    if (!inbox.find(deviceId, waMessageId)) {
      const { from, to, text, media } = record;
      const at = new Date(record.sentAt);
      inbox.add({
        id: waMessageId,
        deviceId,
        from,
        to,
        text,
        at,
        status: 'sent',
        ...(media ? { media } : {}),
      });
    }
    this.scheduleReceipts(waMessageId, record);
  }

  /** Hands over receipts held while offline, as long as the device stays online. */
  flushHeld(): void {
    while (this.route.isOnline()) {
      const held = this.held.shift();
      if (!held) return;
      this.report(held);
    }
  }

  /** Forgets everything pending; the timers themselves are cleared by the TimerSet's owner. */
  clear(): void {
    this.epoch++;
    this.inFlight.clear();
    this.held = [];
    this.forgetting = new TimeOrdered<string>();
    this.forgetArmed = false;
  }

  private scheduleReceipts(waMessageId: string, record: SentRecord): void {
    const pending = receiptSchedule(record.to, record.after, record.sentAt, this.route.timing);
    if (pending.length === 0) {
      this.forgetLater(waMessageId);
      return;
    }
    this.inFlight.add(waMessageId);
    const final = lastReceiptFor(record.to);
    // One timer at a time, so receipts can only arrive in order.
    const next = (index: number): void => {
      const receipt = pending[index];
      if (receipt === undefined) {
        this.inFlight.delete(waMessageId);
        return;
      }
      this.route.timers.after(Math.max(0, receipt.dueAt - Date.now()), () => {
        // Armed before reporting, so a listener that stops the engine cancels it too.
        next(index + 1);
        this.arrive(waMessageId, receipt.status, receipt.status === final);
      });
    };
    next(0);
  }

  private arrive(waMessageId: string, status: SandboxReceipt, last: boolean): void {
    this.route.inbox.setStatus(this.route.deviceId, waMessageId, status);
    const held = { receipt: { waMessageId, status, at: new Date() }, last };
    if (this.route.isOnline()) this.report(held);
    else this.held.push(held);
  }

  private report({ receipt, last }: HeldReceipt): void {
    if (last) this.forgetLater(receipt.waMessageId);
    this.route.deliver(receipt);
  }

  private forgetLater(waMessageId: string): void {
    this.forgetting.add(Date.now() + SENT_RECORD_GRACE_MS, waMessageId);
    if (!this.forgetArmed) this.armForgetting();
  }

  /**
   * One timer for every record waiting to go, at the oldest one's time plus a short gathering
   * window, and one write for all that are due then. (A timer and a write per message kept a
   * minute of timers alive: 120,000 of them at 2,000 messages a second.)
   */
  private armForgetting(): void {
    const next = this.forgetting.oldest();
    this.forgetArmed = next !== undefined;
    if (next === undefined) return;
    const epoch = this.epoch;
    this.route.timers.after(Math.max(0, next - Date.now()) + FORGET_GATHER_MS, () => {
      if (epoch !== this.epoch) return;
      // A hand-off retried since then recorded the message again and is still on it.
      const due = this.forgetting.dropThrough(Date.now()).filter((id) => !this.inFlight.has(id));
      if (due.length > 0) this.route.log.forget(due).catch((err: unknown) => this.route.onLogError(err));
      this.armForgetting();
    });
  }
}
