/**
 * A device the server plays itself (a contact's phone, the line's own phone): it holds a real
 * Signal identity, decrypts what it is sent, answers with receipts like a phone does, and sends
 * messages by building the same `<message>` stanza a client builds, through the same router.
 */
import { randomBytes } from 'node:crypto';
import type { proto } from 'baileys';
import type { BinaryNode } from 'baileys';
import type { WaServerCore } from './core.js';
import { bytesOf, children, node, uintBytes, unixNow } from './nodes.js';
import type { Account, Device } from './registry.js';
import type { SignalParty } from './signal-party.js';

/** When a simulated phone acknowledges a message it got: delivered and read, in ms after arrival; null for never. */
export interface ReceiptPolicy {
  deliveredAfterMs: number | null;
  readAfterMs: number | null;
}

export interface ReceivedMessage {
  id: string;
  /** The sending account's phone number (digits). */
  from: string;
  /** The sending device's JID as it arrived (`from` of the stanza). */
  fromJid: string;
  text: string | undefined;
  message: proto.IMessage;
  at: Date;
}

export interface SendOptions {
  /** Address the recipient by LID (`from` becomes the sender's LID, with `sender_pn`). */
  viaLid?: boolean;
  /** With viaLid: leave out `sender_pn`, so the client only has its LID mapping to go by. */
  withoutSenderPn?: boolean;
  /** Keep the message for the companions' next login, delivered then with offline="1". */
  holdUntilReconnect?: boolean;
  /** Message id; a phone-style random one by default. */
  id?: string;
  /** Extra stanza attributes (`category: 'peer'`). */
  attrs?: Record<string, string>;
}

/** A message id as phones make them: 3A plus 18 upper-case hex digits. */
export const phoneMessageId = (): string => `3A${randomBytes(9).toString('hex').toUpperCase()}`;

export class SimulatedDevice {
  readonly received: ReceivedMessage[] = [];
  /** Receipts this device got for messages it sent, in order. */
  readonly receipts: Array<{ id: string; type: string; from: string; at: Date }> = [];
  /** Receipts this device sent for messages it got (`delivery` or `read`). */
  readonly sentReceipts: Array<{ id: string; type: 'delivery' | 'read'; at: Date }> = [];
  /** Decryption failures (a client bug shows up here, not as silence). */
  readonly failures: Array<{ id: string; error: string }> = [];
  receiptPolicy: ReceiptPolicy = { deliveredAfterMs: 0, readAfterMs: null };
  private queue: Promise<void> = Promise.resolve();
  private readonly waiters = new Set<() => void>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    protected readonly core: WaServerCore,
    readonly device: Device,
    readonly party: SignalParty,
    readonly who: string,
  ) {
    device.sink = (stanza) => {
      // One stanza at a time, as a phone would: sessions must not be used concurrently.
      this.queue = this.queue
        .then(() => this.onStanza(stanza))
        .catch((err: unknown) => this.core.log.event(this.who, `error handling stanza: ${String(err)}`));
    };
  }

  get account(): Account {
    return this.device.account;
  }

  /** The address this side keys its Signal session with `peer` by. */
  addressOf(peer: Device): string {
    return peer.pnJid;
  }

  /** Publishes fresh one-time pre-keys on the server (at creation, and when they run low). */
  async publishKeys(): Promise<void> {
    this.device.keys = await this.party.publish(this.device.keys);
  }

  /** Resolves once `check` holds, re-checked after every stanza this device handles. */
  async until<T>(check: () => T | undefined | false, timeoutMs = 20_000, what = 'condition'): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = timeoutMs - (Date.now() - started);
      if (left <= 0) throw new Error(`${this.who}: ${what} not met within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 250));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  /** Encrypts `message` to every device of `to` that takes messages and submits it to the router. */
  async sendMessage(to: Account, message: proto.IMessage, options: SendOptions = {}): Promise<string> {
    const id = options.id ?? phoneMessageId();
    const viaLid = options.viaLid ?? false;
    const targets = to.activeDevices().filter((d) => d !== this.device && d.keys);
    const participants: BinaryNode[] = [];
    for (const target of targets) {
      const enc = await this.encryptFor(target, message);
      participants.push(node('to', { jid: viaLid ? target.lidJid : target.pnJid }, [enc]));
    }
    if (!participants.length) throw new Error(`${this.who}: ${to.pn} has no device to send to`);
    const stanza = node(
      'message',
      { to: viaLid ? to.lidJid : to.pnJid, id, type: 'text', ...(options.attrs ?? {}) },
      [node('participants', {}, participants)],
    );
    this.core.log.event(this.who, `sends ${id} to ${to.pn}${viaLid ? ' via LID' : ''}`);
    this.core.submit(this.device, stanza, {
      holdUntilReconnect: options.holdUntilReconnect ?? false,
      withoutSenderPn: options.withoutSenderPn ?? false,
    });
    return id;
  }

  /**
   * Asks the device that sent `message` to send it again, as a phone does when it cannot decrypt
   * a message (a retry receipt). The sender answers with a fresh session and the same id; the new
   * copy is added to `received`.
   */
  requestRetry(message: ReceivedMessage): void {
    const receipt = node('receipt', { to: message.fromJid, id: message.id, type: 'retry', t: unixNow() }, [
      node('retry', { count: '1', id: message.id, t: unixNow(), v: '1' }),
      node('registration', {}, uintBytes(this.party.creds.registrationId, 4)),
    ]);
    this.core.log.event(this.who, `asks ${message.fromJid} to send ${message.id} again`);
    this.core.submit(this.device, receipt);
  }

  /** How many receipts this device sent for message `id`. */
  receiptsSent(id: string): number {
    return this.sentReceipts.filter((r) => r.id === id).length;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.device.sink) this.device.sink = undefined;
  }

  protected async encryptFor(target: Device, message: proto.IMessage): Promise<BinaryNode> {
    const address = this.addressOf(target);
    if (!(await this.party.hasSession(address))) {
      const bundle = target.takeBundle();
      if (!bundle) throw new Error(`${this.who}: no keys published for ${target.pnJid}`);
      await this.party.startSession(address, bundle);
    }
    const { type, ciphertext } = await this.party.encrypt(address, message);
    return node('enc', { v: '2', type }, ciphertext);
  }

  private async onStanza(stanza: BinaryNode): Promise<void> {
    try {
      if (stanza.tag === 'message') await this.onMessageStanza(stanza);
      else if (stanza.tag === 'receipt') this.onReceipt(stanza);
    } finally {
      for (const wake of [...this.waiters]) wake();
      this.waiters.clear();
    }
  }

  private async onMessageStanza(stanza: BinaryNode): Promise<void> {
    const id = stanza.attrs.id!;
    const fromJid = stanza.attrs.from!;
    const sender = this.core.registry.resolve(fromJid);
    if (!sender?.device) {
      this.failures.push({ id, error: `unknown sender ${fromJid}` });
      return;
    }
    let message: proto.Message | undefined;
    for (const enc of children(stanza, 'enc')) {
      const type = enc.attrs.type;
      const ciphertext = bytesOf(enc);
      if ((type !== 'pkmsg' && type !== 'msg') || !ciphertext) continue;
      try {
        message = await this.party.decrypt(this.addressOf(sender.device), type, ciphertext);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        this.failures.push({ id, error });
        this.core.log.event(this.who, `could not decrypt ${id} from ${fromJid}: ${error}`);
        return;
      }
    }
    if (!message) return;
    const content = message.deviceSentMessage?.message ?? message;
    const text = content.conversation ?? content.extendedTextMessage?.text ?? undefined;
    const received: ReceivedMessage = {
      id,
      from: sender.account.pn,
      fromJid,
      text,
      message,
      at: new Date(),
    };
    this.received.push(received);
    this.core.log.event(
      this.who,
      `decrypted ${id} from ${fromJid}${text === undefined ? '' : ` (${text.length} chars)`}`,
    );
    // Our own account's devices (sync copies, peer messages) get no delivery receipts from a phone.
    if (sender.account !== this.account) this.scheduleReceipts(stanza, sender.account, sender.viaLid);
  }

  private scheduleReceipts(stanza: BinaryNode, to: Account, viaLid: boolean): void {
    const id = stanza.attrs.id!;
    const send = (type?: 'read') => {
      const receipt = node('receipt', {
        to: viaLid ? to.lidJid : to.pnJid,
        id,
        ...(type ? { type } : {}),
        t: unixNow(),
      });
      this.sentReceipts.push({ id, type: type ?? 'delivery', at: new Date() });
      this.core.submit(this.device, receipt);
    };
    const { deliveredAfterMs, readAfterMs } = this.receiptPolicy;
    if (deliveredAfterMs !== null) this.later(deliveredAfterMs, () => send());
    if (readAfterMs !== null) this.later(readAfterMs, () => send('read'));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private onReceipt(stanza: BinaryNode): void {
    const { id, type, from } = stanza.attrs;
    if (id && from) this.receipts.push({ id, type: type ?? 'delivery', from, at: new Date() });
  }
}

/** A text message as phones send it. */
export const textMessage = (text: string): proto.IMessage => ({ conversation: text });
