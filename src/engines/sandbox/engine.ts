/**
 * A simulated WhatsApp connection (docs/api.md, "Sandbox"): the same events as the real engine, driven by
 * timers and by the SandboxHub, which plays the phone and the customers.
 *
 * Rule kept throughout: change state and arm timers *before* emitting, because a listener may
 * call stop() from inside the event and must leave nothing armed behind.
 */
import { TypedEmitter } from '../emitter.js';
import { EngineSendError } from '../engine.js';
import type {
  BurstOutcome,
  Engine,
  EngineContext,
  EngineEventName,
  EngineEvents,
  EngineListener,
} from '../engine.js';
import type {
  InboundMedia,
  LookupResult,
  SendMediaInput,
  SendResult,
  SendTextInput,
  StartOptions,
} from '../engine.js';
import { receiveFile } from './media.js';
import { readLinkedPhone, writeLinkedPhone } from './creds.js';
import { SandboxError } from './errors.js';
import type { SandboxHub } from './hub.js';
import { jidFor, newPairingCode, newWaMessageId } from './ids.js';
import type { SandboxLinkState } from './link-state.js';
import type { SimulatedDevice } from './simulated-device.js';
import { MAGIC_NUMBERS, refuseMagicRecipient } from './magic-numbers.js';
import { SandboxOutbox } from './outbox.js';
import { SentLog } from './sent-log.js';
import { QrRotation } from './qr-rotation.js';
import { TimerSet } from './timers.js';

export type { SandboxLinkState } from './link-state.js';

export class SandboxEngine implements Engine, SimulatedDevice {
  readonly kind = 'sandbox' as const;
  readonly deviceId: string;
  private readonly events: TypedEmitter<EngineEvents>;
  private readonly timers = new TimerSet();
  private readonly qr: QrRotation;
  private readonly outbox: SandboxOutbox;
  private state: SandboxLinkState = 'stopped';
  private phone: string | undefined;
  /** Bumped on every start and halt, so an async step begun in an earlier run does nothing. */
  private generation = 0;

  constructor(
    private readonly ctx: EngineContext,
    private readonly hub: SandboxHub,
  ) {
    this.deviceId = ctx.deviceId;
    this.events = new TypedEmitter<EngineEvents>((err, event) =>
      ctx.log.error({ err, event, deviceId: ctx.deviceId }, 'sandbox engine listener threw'),
    );
    this.qr = new QrRotation(ctx.deviceId, this.timers, hub.timing, {
      onQr: (qr, expiresAt) => this.events.emit('qr', { qr, expiresAt }),
      onExhausted: (attempts) => {
        this.halt();
        this.events.emit('link_timeout', { reason: `No scan after ${attempts} QR codes` });
      },
    });
    this.outbox = new SandboxOutbox({
      deviceId: ctx.deviceId,
      timers: this.timers,
      timing: hub.timing,
      inbox: hub.inbox,
      log: new SentLog(ctx.state),
      isOnline: () => this.state === 'connected',
      deliver: (receipt) => this.events.emit('message_status', receipt),
      onLogError: (err) =>
        ctx.log.warn({ err, deviceId: ctx.deviceId }, 'sandbox could not forget a finished message'),
    });
  }

  get linkState(): SandboxLinkState {
    return this.state;
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.state !== 'stopped') throw new Error(`Sandbox engine for ${this.deviceId} is already started`);
    const generation = ++this.generation;
    this.state = 'starting';
    this.hub.register(this);
    const phone = await readLinkedPhone(this.ctx.state).catch((err: unknown) => {
      if (generation === this.generation) this.halt();
      throw err;
    });
    if (generation !== this.generation) return;
    if (phone !== undefined) {
      // Receipts that fell due while the server was down are reported first, held until connected.
      await this.outbox.resume().catch((err: unknown) => {
        if (generation === this.generation) this.halt();
        throw err;
      });
      if (generation !== this.generation) return;
      this.phone = phone;
      this.state = 'connecting';
      // The caller records "connecting" when start resolves; "connected" must come after that.
      this.timers.after(0, () => this.becomeConnected());
      return;
    }
    this.state = 'waiting_for_scan';
    if (options.pairingPhone !== undefined) this.emitPairingCode();
    else this.qr.start();
  }

  async requestPairingCode(_phone: string): Promise<string> {
    if (this.state !== 'waiting_for_scan') {
      throw new SandboxError('NOT_WAITING_FOR_SCAN', `Device ${this.deviceId} is not waiting to be linked`);
    }
    // The user is now typing a code; a QR running out must not cut them off.
    this.qr.stop();
    return this.emitPairingCode();
  }

  async sendText(input: SendTextInput): Promise<SendResult> {
    const from = this.phone;
    if (this.state !== 'connected' || from === undefined) {
      throw new EngineSendError('SESSION_DISCONNECTED', `Sandbox device ${this.deviceId} is not connected`);
    }
    refuseMagicRecipient(input.to);
    await this.outbox.accept(from, input);
    return { waMessageId: input.waMessageId, jid: input.jid ?? jidFor(input.to) };
  }

  async sendTexts(inputs: SendTextInput[]): Promise<BurstOutcome[]> {
    const from = this.phone;
    if (this.state !== 'connected' || from === undefined) {
      throw new EngineSendError('SESSION_DISCONNECTED', `Sandbox device ${this.deviceId} is not connected`);
    }
    const outcomes: BurstOutcome[] = [];
    const taken: Array<{ input: SendTextInput }> = [];
    for (const input of inputs) {
      try {
        refuseMagicRecipient(input.to);
      } catch (error) {
        outcomes.push({ ok: false, error });
        continue;
      }
      taken.push({ input });
      outcomes.push({
        ok: true,
        result: { waMessageId: input.waMessageId, jid: input.jid ?? jidFor(input.to) },
      });
    }
    await this.outbox.acceptAll(from, taken);
    return outcomes;
  }

  async sendMedia({ media, ...input }: SendMediaInput): Promise<SendResult> {
    const from = this.phone;
    if (this.state !== 'connected' || from === undefined) {
      throw new EngineSendError('SESSION_DISCONNECTED', `Sandbox device ${this.deviceId} is not connected`);
    }
    refuseMagicRecipient(input.to);
    // The recipient's phone downloads the file: read it through, as WhatsApp's upload would.
    const received = await receiveFile(media);
    await this.outbox.accept(from, { ...input, text: media.caption ?? '' }, received);
    return { waMessageId: input.waMessageId, jid: input.jid ?? jidFor(input.to) };
  }

  async setTyping(to: string, typing: boolean): Promise<void> {
    const from = this.phone;
    if (this.state !== 'connected' || from === undefined) return;
    this.hub.presence.record({
      deviceId: this.deviceId,
      from,
      to,
      state: typing ? 'composing' : 'paused',
      at: new Date(),
    });
  }

  async lookup(phone: string): Promise<LookupResult> {
    // As on WhatsApp, asking needs an open session.
    if (this.state !== 'connected') {
      throw new EngineSendError('SESSION_DISCONNECTED', `Sandbox device ${this.deviceId} is not connected`);
    }
    if (phone === MAGIC_NUMBERS.notOnWhatsApp) return { onWhatsApp: false };
    return { onWhatsApp: true, jid: jidFor(phone) };
  }

  async logout(): Promise<void> {
    this.halt();
    await this.ctx.state.clear();
  }

  async stop(): Promise<void> {
    this.halt();
  }

  on<K extends EngineEventName>(event: K, listener: EngineListener<K>): void {
    this.events.on(event, listener);
  }

  off<K extends EngineEventName>(event: K, listener: EngineListener<K>): void {
    this.events.off(event, listener);
  }

  // ── Driven by SandboxHub, which checks the preconditions and reports misuse. ──

  async completeLink(phone: string): Promise<void> {
    if (this.state !== 'waiting_for_scan') {
      throw new SandboxError('NOT_WAITING_FOR_SCAN', `Device ${this.deviceId} is not waiting for a scan`);
    }
    const generation = this.generation;
    // No longer waiting, so a second scan racing this one is refused. The QR keeps rotating
    // until the link is stored, in case storing fails and the user has to scan again.
    this.state = 'connecting';
    try {
      await writeLinkedPhone(this.ctx.state, phone);
    } catch (err) {
      if (generation === this.generation) this.state = 'waiting_for_scan';
      throw err;
    }
    if (generation !== this.generation) return;
    this.qr.stop();
    this.phone = phone;
    this.becomeConnected();
  }

  dropConnection(reason: string, reconnectAfterMs?: number): void {
    this.state = 'disconnected';
    const willReconnect = reconnectAfterMs !== undefined;
    if (willReconnect) this.timers.after(reconnectAfterMs, () => this.becomeConnected());
    const retry = willReconnect ? { retryInMs: reconnectAfterMs } : {};
    this.events.emit('disconnected', { reason, willReconnect, ...retry });
  }

  async removeFromPhone(): Promise<void> {
    this.halt();
    await this.ctx.state.clear();
    this.events.emit('logged_out', { reason: 'removed from phone' });
  }

  receiveInbound(from: string, text: string, media?: InboundMedia): string {
    const waMessageId = newWaMessageId();
    this.events.emit('inbound', {
      waMessageId,
      from,
      jid: jidFor(from),
      text,
      at: new Date(),
      ...(media ? { kind: media.kind, media } : {}),
    });
    return waMessageId;
  }

  // ── Internals ──

  private emitPairingCode(): string {
    const code = newPairingCode();
    this.events.emit('pairing_code', { code });
    return code;
  }

  private becomeConnected(): void {
    const phone = this.phone;
    if (phone === undefined) return;
    this.state = 'connected';
    this.events.emit('connected', { phone, displayName: 'Sandbox phone', jid: jidFor(phone) });
    this.outbox.flushHeld();
  }

  /** Stops everything this engine has armed and leaves the hub; stored state is untouched. */
  private halt(): void {
    this.generation++;
    this.timers.clearAll();
    this.qr.stop();
    this.outbox.clear();
    this.phone = undefined;
    this.state = 'stopped';
    this.hub.unregister(this);
  }
}
