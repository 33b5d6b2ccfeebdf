import { isLeaseLost, type LeaseFence } from '../cluster/leases.js';
import type { AppContext } from '../context.js';
import type { BurstOutcome, Engine } from '../engines/engine.js';
import { EngineSendError } from '../engines/engine.js';
import { decrypt, deriveKey } from '../lib/crypto.js';
import { jidFor } from '../lib/phone.js';
import { lookupIsFresh, upsertContact } from '../contacts/store.js';
import { outboundMedia } from '../media/send-file.js';
import { claimBurst, type Claim, type ClaimedContact } from './claim.js';
import { ClaimSize } from './claim-size.js';
import { idleLinesOf, type IdleLines } from './idle-lines.js';
import type { Pacer } from './pacer.js';
import { SentRecorder } from './sent-recorder.js';
import { announce, transitionMessage } from './status.js';
import { stuckSending } from './store.js';
import type { MessageRow } from './tables.js';
import { waMessageIdFor } from './wa-id.js';

/** Disconnected, the lease not surely ours, or a step that failed: look again this soon. */
const RETRY_MS = 1000;
/** Nothing queued: sleep until woken (by the bus, or by the node's look at its idle lines). */
const UNTIL_WOKEN = -1;
export interface DispatcherDevice {
  id: string;
  workspaceId: string;
  engine: Engine;
  isConnected(): boolean;
  pacer: Pacer;
  /** Show "typing…" before each send (the device's pacing.presence). */
  presence(): boolean;
  /** The device's lease as this node took it; every claim carries it. */
  lease: LeaseFence;
  /** Whether the lease is still surely ours by this node's clock (checked before each hand-off). */
  holdsLease(): boolean;
}

/**
 * Hands one device's queued messages to its engine in order: priority then age, paced, expired
 * ones dropped; one at a time, or on an unpaced line a claimed burst in one call when the engine
 * takes several at once. Only the node holding the device's lease runs its dispatcher. With nothing
 * queued it sleeps until `dispatch:<id>` or the node's look at its idle lines (IdleLines) wakes it.
 */
export class Dispatcher {
  private running = false;
  private wakeUp: (() => void) | null = null;
  /** A wake-up that came while a step ran: the next sleep returns at once, so it is not lost. */
  private woken = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly sealKey: Buffer;
  private readonly idle: IdleLines;
  private readonly sent: SentRecorder;
  private readonly claimSize = new ClaimSize();

  constructor(
    private readonly ctx: AppContext,
    private readonly device: DispatcherDevice,
  ) {
    this.sealKey = deriveKey(ctx.masterKey, 'message-bodies');
    this.idle = idleLinesOf(ctx);
    this.sent = new SentRecorder(ctx, device.id);
  }

  async start(): Promise<void> {
    await this.recoverAfterCrash();
    this.running = true;
    this.loopDone = this.loop();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
    await this.sent.flushed();
    this.idle.remove(this.device.id);
  }

  /** A crash between "sending" and the engine's answer: retry once with the same WhatsApp id. */
  private async recoverAfterCrash(): Promise<void> {
    for (const message of await stuckSending(this.ctx.db, this.device.id)) {
      if (message.attempts >= 2) {
        await transitionMessage(this.ctx, message.id, 'failed', {
          errorCode: 'SEND_FAILED',
          errorMessage: 'Interrupted twice while sending',
          fence: this.device.lease,
        });
      } else {
        await transitionMessage(this.ctx, message.id, 'queued', { fence: this.device.lease });
      }
    }
  }

  /** Waits `ms`, or until woken (UNTIL_WOKEN: only then). */
  private sleep(ms: number): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = ms === UNTIL_WOKEN ? undefined : setTimeout(done, ms);
      const idle = this.idle;
      const deviceId = this.device.id;
      function done() {
        clearTimeout(timer);
        idle.remove(deviceId);
        resolve();
      }
      this.wakeUp = done;
      if (ms === UNTIL_WOKEN) idle.add(deviceId, done);
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let waitMs: number;
      this.woken = false;
      try {
        waitMs = await this.step();
      } catch (err) {
        if (isLeaseLost(err)) this.ctx.log.warn({ deviceId: this.device.id }, 'lease lost; not dispatching');
        else this.ctx.log.error({ err, deviceId: this.device.id }, 'dispatch step failed');
        waitMs = RETRY_MS;
      }
      if (waitMs !== 0 && this.running) await this.sleep(waitMs);
    }
  }

  /** Does one unit of work; returns how long to wait before the next (0 = go on at once). */
  private async step(): Promise<number> {
    // Not connected: nothing to ask the database; the connection's wake-up or this poll resumes.
    if (!this.device.isConnected()) return RETRY_MS;
    const now = this.ctx.clock.now();
    // Pacing depends on this device's sends only, so it is waited out before claiming anything.
    const pause = this.device.pacer.delay(now.getTime());
    if (pause > 0) return pause;
    if (!this.device.holdsLease()) return RETRY_MS;
    // Expired messages are not claimed; the expiry sweep (expiry.ts) marks them. Several at once
    // only where nothing comes between two sends: no pacing, no "typing…".
    const limit = this.claimSize.next(
      this.device.pacer.unpaced() && !this.device.presence(),
      this.device.engine.sendTexts !== undefined,
    );
    const claims = await claimBurst(this.ctx, this.device.id, this.device.lease, now, limit);
    this.claimSize.claimed(claims.map((claim) => claim.message));
    if (claims.length === 0) return UNTIL_WOKEN;
    announce(
      this.ctx,
      claims.map((claim) => ({ row: claim.message })),
    );
    if (claims.length > 1 && this.device.engine.sendTexts && claims.every((claim) => !claim.message.media))
      return this.handOffBurst(claims);
    for (const [index, claim] of claims.entries()) {
      if (index > 0 && !this.mayGoOn()) {
        await this.putBack(claims.slice(index).map((rest) => rest.message));
        return RETRY_MS;
      }
      try {
        await this.handOff(claim.message, claim.contact);
      } catch (err) {
        // Not left `sending` until the line restarts: back in line while the lease lets us.
        await this.putBack(claims.slice(index + 1).map((rest) => rest.message)).catch(() => undefined);
        throw err;
      }
    }
    return 0;
  }

  /** Whether the next message of a claimed burst may go now, as the loop would check it. */
  private mayGoOn(): boolean {
    return (
      this.running &&
      this.device.isConnected() &&
      this.device.holdsLease() &&
      this.device.pacer.delay(this.ctx.clock.now().getTime()) === 0
    );
  }

  /** Claimed messages not handed off (the line stopped or dropped): back in line, same position. */
  private async putBack(messages: MessageRow[]): Promise<void> {
    for (const message of messages)
      await transitionMessage(this.ctx, message.id, 'queued', {
        attemptsDelta: -1,
        fence: this.device.lease,
      });
  }

  private async handOff(message: MessageRow, known: ClaimedContact | undefined): Promise<void> {
    const { engine } = this.device;
    const lookup: Lookup = {};
    try {
      const ready = await this.prepare(message, known, lookup);
      if (!ready) return;
      if (message.media) {
        const media = await outboundMedia(this.ctx, message);
        await engine.sendMedia({ to: message.phone, jid: ready.jid, waMessageId: ready.waMessageId, media });
      } else {
        await engine.sendText({
          to: message.phone,
          jid: ready.jid,
          text: this.textOf(message),
          waMessageId: ready.waMessageId,
        });
      }
      this.handedOff(message, lookup);
    } catch (err) {
      await this.notHandedOff(message, err, lookup);
    }
  }

  /**
   * A claimed burst of texts through an engine that takes several at once (`sendTexts`): each is
   * made ready as `handOff` would, then all go in one call, which writes what the engine keeps of
   * them once. The same outcomes as one at a time, in the same order.
   */
  private async handOffBurst(claims: Claim[]): Promise<number> {
    // What is not settled when something throws goes back in line, as one at a time would.
    const settled = new Set<string>();
    try {
      return await this.sendBurst(claims, settled);
    } catch (err) {
      const rest = claims.filter((claim) => !settled.has(claim.message.id)).map((claim) => claim.message);
      await this.putBack(rest).catch(() => undefined);
      throw err;
    }
  }

  private async sendBurst(claims: Claim[], settled: Set<string>): Promise<number> {
    const ready: Array<{ message: MessageRow; lookup: Lookup; jid: string; waMessageId: string }> = [];
    let wait = 0;
    for (const [index, claim] of claims.entries()) {
      if (index > 0 && !this.mayGoOn()) {
        const rest = claims.slice(index).map((later) => later.message);
        await this.putBack(rest);
        for (const message of rest) settled.add(message.id);
        wait = RETRY_MS;
        break;
      }
      const lookup: Lookup = {};
      try {
        const made = await this.prepare(claim.message, claim.contact, lookup);
        if (made) ready.push({ message: claim.message, lookup, ...made });
        else settled.add(claim.message.id);
      } catch (err) {
        await this.notHandedOff(claim.message, err, lookup);
        settled.add(claim.message.id);
      }
    }
    if (ready.length === 0) return wait;
    let outcomes: BurstOutcome[];
    try {
      outcomes = await this.device.engine.sendTexts!(
        ready.map(({ message, jid, waMessageId }) => ({
          to: message.phone,
          jid,
          text: this.textOf(message),
          waMessageId,
        })),
      );
    } catch (err) {
      outcomes = ready.map(() => ({ ok: false, error: err }));
    }
    for (const [i, { message, lookup }] of ready.entries()) {
      const outcome = outcomes[i] ?? {
        ok: false,
        error: new Error('the engine gave no outcome for this text'),
      };
      if (outcome.ok) this.handedOff(message, lookup);
      else await this.notHandedOff(message, outcome.error, lookup);
      settled.add(message.id);
    }
    return wait;
  }

  /**
   * Everything before the engine takes the message: the number's lookup when the one known is
   * stale (kept in `lookup` for whoever settles the message), "typing…", and the lease. Returns
   * what the send needs, or undefined when the message was settled here (not on WhatsApp, or
   * back in line because the lease ran short).
   */
  private async prepare(
    message: MessageRow,
    known: ClaimedContact | undefined,
    lookup: Lookup,
  ): Promise<{ jid: string; waMessageId: string } | undefined> {
    const { engine } = this.device;
    const now = this.ctx.clock.now();
    let contact = known;
    if (!lookupIsFresh(contact, now)) {
      const found = await engine.lookup(message.phone);
      contact = lookup.fresh = {
        on_whatsapp: found.onWhatsApp ? 1 : 0,
        jid: found.jid ?? null,
        checked_at: now.toISOString(),
      };
    }
    if (contact?.on_whatsapp === 0) {
      await this.storeLookup(message, lookup);
      await transitionMessage(this.ctx, message.id, 'failed', {
        errorCode: 'RECIPIENT_NOT_ON_WHATSAPP',
        errorMessage: 'This number does not use WhatsApp',
      });
      return undefined;
    }
    const jid = contact?.jid ?? jidFor(message.phone);
    if (this.device.presence() && engine.showTyping) await engine.showTyping(jid, 500 + Math.random() * 1000);
    // The lease may have run short while the number was looked up: then the message is not
    // handed to WhatsApp here. Back in line if the lease still lets us; else its new holder
    // finds it in `sending` and sends it with the same WhatsApp id.
    if (!this.device.holdsLease()) {
      await this.storeLookup(message, lookup);
      await transitionMessage(this.ctx, message.id, 'queued', {
        attemptsDelta: -1,
        fence: this.device.lease,
      });
      return undefined;
    }
    return { jid, waMessageId: message.wa_message_id ?? waMessageIdFor(message.id) };
  }

  private textOf(message: MessageRow): string {
    return message.sealed_body
      ? decrypt(this.sealKey, message.sealed_body, message.id)
      : (message.body ?? '');
  }

  /** The engine took it: `sent`, written beside the dispatcher with the fresh lookup if any. */
  private handedOff(message: MessageRow, lookup: Lookup): void {
    const sentAt = this.ctx.clock.now();
    this.device.pacer.recordSend(sentAt.getTime());
    this.sent.record(message, sentAt, lookup.fresh);
    lookup.fresh = undefined;
  }

  /**
   * A fresh lookup is stored with the `sent` record when the message goes out (one write fewer for
   * every first message to a number), and by this on every other way out.
   */
  private async storeLookup(message: MessageRow, lookup: Lookup): Promise<void> {
    const fresh = lookup.fresh;
    lookup.fresh = undefined;
    if (fresh)
      await upsertContact(
        this.ctx.db,
        message.workspace_id,
        message.phone,
        fresh,
        fresh.checked_at ? new Date(fresh.checked_at) : this.ctx.clock.now(),
      );
  }

  /** The engine did not take it (or getting it ready failed): back in line, or failed. */
  private async notHandedOff(message: MessageRow, err: unknown, lookup: Lookup): Promise<void> {
    await this.storeLookup(message, lookup).catch((lookupErr: unknown) =>
      this.ctx.log.warn({ err: lookupErr, messageId: message.id }, 'storing a number lookup failed'),
    );
    // Not this node's message any more: its new holder decides what becomes of it.
    if (isLeaseLost(err)) throw err;
    if (err instanceof EngineSendError && err.code === 'SESSION_DISCONNECTED') {
      // The device dropped between the check and the hand-off: back in line, same position.
      await transitionMessage(this.ctx, message.id, 'queued', {
        attemptsDelta: -1,
        fence: this.device.lease,
      });
      return;
    }
    const code = err instanceof EngineSendError ? err.code : 'SEND_FAILED';
    if (!(err instanceof EngineSendError))
      this.ctx.log.error({ err, messageId: message.id }, 'engine send failed');
    await transitionMessage(this.ctx, message.id, 'failed', {
      errorCode: code,
      errorMessage: err instanceof EngineSendError ? err.message : 'WhatsApp did not accept the message',
    });
  }
}

/** A number's WhatsApp lookup made for one hand-off, until it is stored. */
interface Lookup {
  fresh?: ClaimedContact;
}
