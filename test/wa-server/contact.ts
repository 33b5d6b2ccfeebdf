/**
 * Someone the line talks to: a WhatsApp user with their own phone (device 0) and Signal identity.
 * It decrypts what the line sends, answers with delivery and read receipts on a schedule the test
 * picks, and writes to the line by phone number or by LID.
 */
import { createHash } from 'node:crypto';
import type { proto } from 'baileys';
import type { WaServerCore } from './core.js';
import { decryptMedia, downloadMedia, encryptMedia, uploadMedia } from './media-host.js';
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

  /** Sends an image to the line: encrypts it, uploads it to the media host, then sends the message. */
  sendImage(
    bytes: Buffer,
    options: ContactSendOptions & { mime?: string; caption?: string; damaged?: boolean },
  ): Promise<string> {
    return this.sendFile('image', bytes, { mime: 'image/jpeg', ...options });
  }

  /** Sends a document (with its file name) to the line, the same way. */
  sendDocument(
    bytes: Buffer,
    options: ContactSendOptions & { mime: string; fileName: string; caption?: string },
  ): Promise<string> {
    return this.sendFile('document', bytes, options);
  }

  private async sendFile(
    kind: FileKind,
    bytes: Buffer,
    options: ContactSendOptions & { mime: string; caption?: string; fileName?: string; damaged?: boolean },
  ): Promise<string> {
    const line = this.core.registry.account(options.to);
    if (!line) throw new Error(`${options.to} is not on this server`);
    if (!this.core.mediaHost) throw new Error('this server has no media host');
    const file = await encryptMedia(bytes, kind);
    // `damaged`: the host's copy differs from what the message describes (one byte flipped).
    const uploaded = options.damaged ? Buffer.from(file.encrypted) : file.encrypted;
    if (options.damaged) uploaded[0] = uploaded[0]! ^ 0xff;
    const { url, directPath } = await uploadMedia(this.core.mediaHost, kind, uploaded);
    const part = {
      url,
      directPath,
      mimetype: options.mime,
      mediaKey: file.mediaKey,
      fileSha256: file.fileSha256,
      fileEncSha256: file.fileEncSha256,
      fileLength: file.fileLength,
      mediaKeyTimestamp: Math.floor(Date.now() / 1000),
      ...(options.caption ? { caption: options.caption } : {}),
      ...(options.fileName ? { fileName: options.fileName } : {}),
    };
    const message: proto.IMessage = kind === 'image' ? { imageMessage: part } : { documentMessage: part };
    return this.sendMessage(line, message, options.viaLid ? { viaLid: true } : {});
  }

  /**
   * The file of a received image, video, audio or document message: downloaded from the media
   * host by its `url`, checked against `fileEncSha256`, MAC-verified and decrypted with its
   * `mediaKey`.
   */
  async downloadFile(message: ReceivedMessage): Promise<Buffer> {
    const { kind, part } = fileOf(message) ?? {};
    if (!kind || !part?.url || !part.mediaKey) throw new Error(`message ${message.id} carries no file`);
    const encrypted = await downloadMedia(part.url);
    const encSha = createHash('sha256').update(encrypted).digest();
    if (part.fileEncSha256 && !encSha.equals(Buffer.from(part.fileEncSha256))) {
      throw new Error('downloaded file does not match fileEncSha256');
    }
    return decryptMedia(encrypted, part.mediaKey, kind);
  }

  /** Waits for a decrypted message that carries a file. */
  waitForFile(timeoutMs = 30_000): Promise<ReceivedMessage> {
    return this.until(() => this.received.find((m) => !!fileOf(m)), timeoutMs, 'a message with a file');
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

type FileKind = 'image' | 'video' | 'audio' | 'document';

interface FilePart {
  url?: string | null;
  mediaKey?: Uint8Array | null;
  fileEncSha256?: Uint8Array | null;
}

/** The file part of a received message, and its kind (which names the key expansion). */
export function fileOf(message: ReceivedMessage): { kind: FileKind; part: FilePart } | undefined {
  const c = message.message.deviceSentMessage?.message ?? message.message;
  const doc = c.documentMessage ?? c.documentWithCaptionMessage?.message?.documentMessage;
  if (c.imageMessage) return { kind: 'image', part: c.imageMessage };
  if (c.videoMessage) return { kind: 'video', part: c.videoMessage };
  if (c.audioMessage) return { kind: 'audio', part: c.audioMessage };
  if (doc) return { kind: 'document', part: doc };
  return undefined;
}
