/**
 * The only thing the rest of WAPing knows about WhatsApp (docs/architecture.md, "Engines").
 *
 * An engine runs one device's connection. The device supervisor creates it, listens to its
 * events and turns them into device statuses, message statuses and inbound messages. Engines
 * never touch the database directly: durable state goes through `EngineContext.state`.
 */
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';

export type EngineKind = 'sandbox' | 'baileys';

/** Delivery states an engine can report for an outbound message. */
export type EngineMessageStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface EngineEvents {
  /** A new QR code to show (raw string to encode), valid until `expiresAt`. */
  qr: { qr: string; expiresAt: Date };
  /** A pairing code the user types on the phone (8 characters). */
  pairing_code: { code: string };
  /** The session is open. `phone` is E.164. */
  connected: { phone: string; displayName?: string; jid?: string };
  /** The connection dropped. `willReconnect` says whether the engine retries by itself. */
  disconnected: { reason: string; statusCode?: number; willReconnect: boolean; retryInMs?: number };
  /** The phone removed this linked device (or the session is invalid): state is wiped, a new link is needed. */
  logged_out: { reason: string };
  /** QR attempts ran out without a scan; the engine stopped and the device goes back to unlinked. */
  link_timeout: { reason: string };
  /** Receipt for a message this engine sent, keyed by the WhatsApp message id. */
  message_status: { waMessageId: string; status: EngineMessageStatus; at: Date; error?: string };
  /**
   * A customer wrote to the line. `from` is E.164 when it could be resolved. `text` is the text,
   * a media caption, or for a kind WAPing does not handle (`kind`) a readable summary of it.
   */
  inbound: {
    waMessageId: string;
    from: string;
    jid: string;
    pushName?: string;
    text: string;
    at: Date;
    /** What the customer sent when it is not plain text. */
    kind?: InboundKind;
    /** The file of an image, video, audio, voice note, document or sticker. */
    media?: InboundMedia;
  };
}

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';
export type InboundKind = MediaKind | 'location' | 'contacts' | 'poll' | 'reaction' | 'unsupported';

export interface InboundMedia {
  kind: MediaKind;
  mime: string;
  filename?: string;
  voice?: boolean;
  /** Downloads (and decrypts) the file; called once, by whoever records the message. */
  open(): Promise<Readable>;
}

/** A file to send: its bytes are read only when the engine is ready to upload them. */
export interface OutboundMedia {
  kind: Exclude<MediaKind, 'sticker'>;
  mime: string;
  size: number;
  filename?: string;
  caption?: string;
  /** Audio sent as a voice note (push-to-talk). */
  voice?: boolean;
  open(): Promise<Readable>;
}

export interface SendMediaInput extends Omit<SendTextInput, 'text'> {
  media: OutboundMedia;
}

export type EngineEventName = keyof EngineEvents;
export type EngineListener<K extends EngineEventName> = (payload: EngineEvents[K]) => void;

export interface SendTextInput {
  /** Recipient in E.164. */
  to: string;
  /** Recipient JID when already known from a lookup. */
  jid?: string;
  text: string;
  /** WhatsApp message id to use, derived from our message id so a retried hand-off is the same message. */
  waMessageId: string;
}

export interface SendResult {
  waMessageId: string;
  jid: string;
}

/** What became of one text of a burst: its result, or why it did not reach WhatsApp. */
export type BurstOutcome = { ok: true; result: SendResult } | { ok: false; error: unknown };

export interface LookupResult {
  onWhatsApp: boolean;
  jid?: string;
}

/** Why a send did not reach WhatsApp; maps onto the message's `error.code`. */
export type EngineSendErrorCode = 'RECIPIENT_NOT_ON_WHATSAPP' | 'SEND_FAILED' | 'SESSION_DISCONNECTED';

export class EngineSendError extends Error {
  constructor(
    readonly code: EngineSendErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineSendError';
  }
}

/**
 * Durable per-device key/value state (credentials, signal keys…). Values are opaque strings;
 * the database implementation encrypts them at rest. `write` applies all entries atomically;
 * a `null` value deletes the entry.
 */
export interface EngineStateStore {
  read(category: string, id: string): Promise<string | null>;
  readMany(category: string, ids: string[]): Promise<Map<string, string>>;
  /** Every entry of a category, by id. For small categories (a sandbox device's pending receipts). */
  list(category: string): Promise<Map<string, string>>;
  write(entries: Array<{ category: string; id: string; value: string | null }>): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Durable key/value state shared by every device of the installation, on every node: what is the
 * same for all of them, such as the WhatsApp Web version that last worked. Not per device, not
 * secret (stored in clear).
 */
export interface EngineSharedStore {
  read(key: string): Promise<string | null>;
  write(key: string, value: string): Promise<void>;
}

export interface EngineContext {
  deviceId: string;
  log: Logger;
  state: EngineStateStore;
  /** Installation-wide engine state; without it such state lives in memory for the engine's lifetime. */
  shared?: EngineSharedStore;
  /** Text of a message we sent, by WhatsApp id; WhatsApp asks for it to retry or re-encrypt. */
  getMessageText(waMessageId: string): Promise<string | undefined>;
}

export interface StartOptions {
  /** Link by pairing code for this E.164 number instead of a QR. */
  pairingPhone?: string;
}

export interface Engine {
  readonly kind: EngineKind;
  /** Opens the connection: resumes a stored session, or starts linking (emits `qr`). Resolves once started, not once connected. */
  start(options?: StartOptions): Promise<void>;
  /** Asks for a pairing code for this E.164 number while waiting to link; also emitted as `pairing_code`. */
  requestPairingCode(phone: string): Promise<string>;
  /** Hands a text message to WhatsApp. Throws EngineSendError. */
  sendText(input: SendTextInput): Promise<SendResult>;
  /**
   * Hands several texts to WhatsApp in the order given, as `sendText` one after the other would,
   * writing what it keeps of them once for all. Optional: without it they go one at a time. Throws
   * (EngineSendError) when none can go; a text refused alone has its error in its outcome.
   */
  sendTexts?(inputs: SendTextInput[]): Promise<BurstOutcome[]>;
  /** Uploads a file and hands the message carrying it to WhatsApp. Throws EngineSendError. */
  sendMedia(input: SendMediaInput): Promise<SendResult>;
  /** Shows "typing…" to the recipient for about `ms` before a send, as a person would. Optional: cosmetic. */
  showTyping?(jid: string, ms: number): Promise<void>;
  /**
   * A member is typing a reply to `to` (E.164) in the inbox, or stopped: "typing…" is shown to the
   * customer, or taken away. The engine takes it away by itself if no stop comes. Optional: cosmetic.
   */
  setTyping?(to: string, typing: boolean): Promise<void>;
  /** Whether an E.164 number is on WhatsApp, and its JID. */
  lookup(phone: string): Promise<LookupResult>;
  /** Unlinks the device on the phone side and wipes stored state. */
  logout(): Promise<void>;
  /** Closes the connection without unlinking; stored state is kept. */
  stop(): Promise<void>;
  on<K extends EngineEventName>(event: K, listener: EngineListener<K>): void;
  off<K extends EngineEventName>(event: K, listener: EngineListener<K>): void;
}
