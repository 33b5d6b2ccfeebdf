/**
 * One client WebSocket: the Noise handshake, then encrypted binary stanzas in both directions.
 * What a stanza means is the core's business; this file only moves bytes and keeps per-connection
 * state (who logged in, which server-initiated iq is waiting for its answer).
 */
import { randomBytes } from 'node:crypto';
import { decodeBinaryNode, encodeBinaryNode } from 'baileys';
import type { BinaryNode, proto } from 'baileys';
import type { WebSocket, RawData } from 'ws';
import type { WaServerLog } from './log.js';
import { frame, FrameReader, NoiseResponder, type HandshakeResult, type NoiseTransport } from './noise.js';
import { node } from './nodes.js';
import type { Device } from './registry.js';

/** A companion that registered (no account yet) and waits for a phone to scan or type its code. */
export interface Registration {
  noiseKey: Buffer;
  identity: Buffer;
  registrationId: number;
  signedPreKey: { id: number; public: Buffer; signature: Buffer };
  platform: string | undefined;
  refs: string[];
  /** Set once the companion asked for a pairing code. */
  code?: {
    phone: string;
    wrappedEphemeral: Buffer;
    ref: string;
    /** Resolved when the companion sends `companion_finish`. */
    finish?: (value: { wrappedKeyBundle: Buffer; companionIdentity: Buffer }) => void;
  };
}

export interface ConnectionHooks {
  log: WaServerLog;
  /** Delay before each client stanza is handled (the "slow server" fault). */
  delayMs(): number;
  onHandshake(conn: ClientConnection, result: HandshakeResult): Promise<void>;
  onStanza(conn: ClientConnection, stanza: BinaryNode): Promise<void>;
  onClose(conn: ClientConnection): void;
}

/** How long a stream error or failure waits for the client to hang up before the server does. */
const HANG_UP_GRACE_MS = 2_000;

export class ClientConnection {
  readonly who: string;
  clientStatic: Buffer | undefined;
  payload: proto.ClientPayload | undefined;
  /** The companion logged in on this connection. */
  device: Device | undefined;
  registration: Registration | undefined;
  /** Passive mode ended (`<iq xmlns=passive><active/>`): live stanzas flow. */
  active = false;
  /** The device this connection went live for (kept after a replacement, for its unacked stanzas). */
  activeFor: Device | undefined;
  closed = false;
  /** This connection as a device's stanza sink (one stable function, so it can be compared). */
  readonly sinkFn = (stanza: BinaryNode): void => this.deliver(stanza);
  /**
   * Messages, receipts and notifications sent but not acknowledged yet. WhatsApp keeps a stanza
   * until the device acknowledges it (a `<receipt>` for a message, an `<ack>` for the rest); what a
   * connection never acknowledged is delivered again at the next login.
   */
  readonly unacked = new Map<string, BinaryNode>();
  private state: 'hello' | 'finish' | 'open' = 'hello';
  private readonly reader = new FrameReader();
  private readonly responder: NoiseResponder;
  private transport: NoiseTransport | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, { resolve: (n: BinaryNode) => void; timer: NodeJS.Timeout }>();
  private hangUpTimer: NodeJS.Timeout | undefined;
  private readonly closeWaiters: Array<() => void> = [];

  constructor(
    private readonly ws: WebSocket,
    id: number,
    staticKeys: { public: Uint8Array; private: Uint8Array },
    certChain: Uint8Array,
    private readonly hooks: ConnectionHooks,
  ) {
    this.who = `conn#${id}`;
    this.responder = new NoiseResponder(
      { public: Buffer.from(staticKeys.public), private: Buffer.from(staticKeys.private) },
      certChain,
    );
    ws.on('message', (data: RawData) => this.onData(toBuffer(data)));
    ws.on('close', () => this.onClosed());
    ws.on('error', (err) => this.hooks.log.event(this.who, `socket error: ${err.message}`));
  }

  /** Encrypts and sends one stanza (dropped silently once closed). */
  send(stanza: BinaryNode): void {
    if (this.closed || !this.transport) return;
    this.hooks.log.node('out', this.who, stanza);
    this.ws.send(frame(this.transport.encrypt(encodeBinaryNode(stanza))));
  }

  /** Sends a stanza that must be acknowledged (see `unacked`). */
  deliver(stanza: BinaryNode): void {
    const key = ackKey(stanza.tag, stanza.attrs.id, stanza.attrs.type);
    if (key) this.unacked.set(key, stanza);
    this.send(stanza);
  }

  /** The client acknowledged a stanza we delivered: `<ack class=… id=…>` or a `<receipt>` for a message. */
  acknowledged(stanza: BinaryNode): void {
    const { id, type } = stanza.attrs;
    if (stanza.tag === 'receipt') this.unacked.delete(ackKey('message', id) ?? '');
    if (stanza.tag === 'ack') {
      const cls = stanza.attrs.class;
      this.unacked.delete(ackKey(cls ?? '', id, type) ?? '');
      if (cls === 'receipt') this.unacked.delete(ackKey(cls, id, undefined) ?? '');
    }
  }

  /** Sends a server-initiated iq and resolves with the client's answer (same id). */
  request(iq: BinaryNode, timeoutMs = 20_000): Promise<BinaryNode> {
    const id = iq.attrs.id ?? randomBytes(6).toString('hex');
    const withId = { ...iq, attrs: { ...iq.attrs, id } };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.who}: no answer to iq ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      this.send(withId);
    });
  }

  /** Hands an iq result/error to the request waiting for it; false when nobody waits. */
  answer(stanza: BinaryNode): boolean {
    const id = stanza.attrs.id;
    const waiting = id ? this.pending.get(id) : undefined;
    if (!id || !waiting) return false;
    clearTimeout(waiting.timer);
    this.pending.delete(id);
    waiting.resolve(stanza);
    return true;
  }

  /** `<stream:error>` then hang up, as WhatsApp ends a stream (515 restart, conflict, 401…). */
  streamError(attrs: Record<string, string>, content?: BinaryNode[]): void {
    this.send(node('stream:error', attrs, content));
    this.hangUpSoon();
  }

  /** `<failure reason=…>`: the login (or session) is refused. */
  failure(reason: number): void {
    this.send(node('failure', { reason: String(reason), location: 'loopback' }));
    this.hangUpSoon();
  }

  /** `</stream:stream>`: the server ends the stream without an error. */
  streamEnd(): void {
    this.send(node('xmlstreamend', {}));
    this.hangUpSoon();
  }

  /** Drops the TCP connection without any goodbye (a network cut). */
  drop(): void {
    this.hooks.log.event(this.who, 'dropping the connection');
    this.ws.terminate();
  }

  close(): void {
    if (!this.closed) this.ws.close();
  }

  /** Resolves once the socket is closed. */
  whenClosed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /** Gives the client time to read the last stanza and hang up itself, then closes. */
  private hangUpSoon(): void {
    clearTimeout(this.hangUpTimer);
    this.hangUpTimer = setTimeout(() => this.ws.terminate(), HANG_UP_GRACE_MS);
  }

  private onData(data: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.reader.push(data);
    } catch (err) {
      this.hooks.log.event(this.who, `bad framing: ${String(err)}`);
      this.ws.terminate();
      return;
    }
    for (const f of frames) {
      // Frames are handled strictly in order: decoding is async, and so are handlers.
      this.chain = this.chain
        .then(() => this.onFrame(f))
        .catch((err: unknown) => {
          this.hooks.log.event(this.who, `error: ${err instanceof Error ? err.stack : String(err)}`);
          this.ws.terminate();
        });
    }
  }

  private async onFrame(data: Buffer): Promise<void> {
    if (this.closed) return;
    if (this.state === 'hello') {
      const hello = this.responder.respondToHello(data);
      this.ws.send(frame(hello));
      this.state = 'finish';
      this.hooks.log.event(this.who, 'noise: client hello answered');
      return;
    }
    if (this.state === 'finish') {
      const result = this.responder.finish(data);
      this.transport = result.transport;
      this.clientStatic = result.clientStatic;
      this.payload = result.payload;
      this.state = 'open';
      await this.hooks.onHandshake(this, result);
      return;
    }
    const stanza = await decodeBinaryNode(this.transport!.decrypt(data));
    this.hooks.log.node('in', this.who, stanza);
    const delay = this.hooks.delayMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (stanza.tag === 'iq' && (stanza.attrs.type === 'result' || stanza.attrs.type === 'error')) {
      if (this.answer(stanza)) return;
    }
    await this.hooks.onStanza(this, stanza);
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.hangUpTimer);
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.hooks.log.event(this.who, 'closed');
    this.hooks.onClose(this);
    for (const wake of this.closeWaiters.splice(0)) wake();
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

const ACKED_TAGS = new Set(['message', 'receipt', 'notification']);

/** Identifies a delivered stanza for its acknowledgement; receipts of one message differ by type. */
function ackKey(tag: string, id: string | undefined, type?: string): string | undefined {
  if (!id || !ACKED_TAGS.has(tag)) return undefined;
  return tag === 'receipt' ? `${tag}:${id}:${type ?? ''}` : `${tag}:${id}`;
}
