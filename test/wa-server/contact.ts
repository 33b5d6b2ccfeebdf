/**
 * Someone the line talks to: a WhatsApp user with their own phone (device 0) and Signal identity.
 * It decrypts what the line sends, answers with delivery and read receipts on a schedule the test
 * picks, and writes to the line by phone number or by LID.
 */
import type { WaServerCore } from './core.js';
import type { Account } from './registry.js';
import { SignalParty } from './signal-party.js';
import {
  SimulatedDevice,
  textMessage,
  type ReceiptPolicy,
  type ReceivedMessage,
} from './simulated-device.js';

export interface ContactOptions {
  /** The contact's LID (digits); one is made up otherwise. Every WhatsApp user has one. */
  lid?: string;
  pushName?: string;
  receipts?: Partial<ReceiptPolicy>;
}

export interface ContactSendOptions {
  /** The line's phone number. */
  to: string;
  /** Address the line by LID: the stanza's `from` is this contact's LID, with `sender_pn` unless `withoutSenderPn`. */
  viaLid?: boolean;
  withoutSenderPn?: boolean;
  /**
   * Hold the message for the line's next login, where it is delivered with offline="1" (what
   * happens anyway to anything sent while the line's companion is disconnected).
   */
  offline?: boolean;
}

export class SimulatedContact extends SimulatedDevice {
  static async create(
    core: WaServerCore,
    number: string,
    options: ContactOptions = {},
  ): Promise<SimulatedContact> {
    const account = core.registry.ensure(number, {
      ...(options.lid ? { lid: options.lid } : {}),
      ...(options.pushName ? { pushName: options.pushName } : {}),
    });
    const contact = new SimulatedContact(core, account);
    contact.receiptPolicy = { ...contact.receiptPolicy, ...(options.receipts ?? {}) };
    await contact.publishKeys();
    account.primary.onKeysLow = () => void contact.publishKeys();
    return contact;
  }

  private constructor(core: WaServerCore, account: Account) {
    super(core, account.primary, new SignalParty(), `contact:${account.pn}`);
  }

  /** The number in E.164 (`+15551234567`). */
  get number(): string {
    return `+${this.account.pn}`;
  }

  get lid(): string {
    return this.account.lid;
  }

  /** When this contact's phone sends delivery and read receipts (ms after arrival; null = never). */
  setReceipts(policy: Partial<ReceiptPolicy>): void {
    this.receiptPolicy = { ...this.receiptPolicy, ...policy };
  }

  /** Writes a text to the line; resolves with the WhatsApp message id once the server has it. */
  async send(text: string, options: ContactSendOptions): Promise<string> {
    const line = this.core.registry.account(options.to);
    if (!line) throw new Error(`${options.to} is not on this server`);
    return this.sendMessage(line, textMessage(text), {
      ...(options.viaLid ? { viaLid: true } : {}),
      ...(options.withoutSenderPn ? { withoutSenderPn: true } : {}),
      ...(options.offline ? { holdUntilReconnect: true } : {}),
    });
  }

  /** Texts this contact decrypted, in order. */
  texts(): string[] {
    return this.received.flatMap((m) => (m.text === undefined ? [] : [m.text]));
  }

  /** Waits for a decrypted message whose text matches. */
  waitForText(match: string | RegExp, timeoutMs = 30_000): Promise<ReceivedMessage> {
    const hit = (m: ReceivedMessage) =>
      m.text !== undefined && (typeof match === 'string' ? m.text === match : match.test(m.text));
    return this.until(() => this.received.find(hit), timeoutMs, `a message matching ${String(match)}`);
  }
}
