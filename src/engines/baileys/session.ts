/** Per-socket bookkeeping of the Baileys engine and small helpers it shares with nothing else. */
import type { BaileysEventMap, BinaryNode } from 'baileys';
import { EngineSendError } from '../engine.js';
import type { Logger } from 'pino';
import type { BaileysSocket } from './socket-config.js';

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(err: Error): void;
}

/** One Baileys socket and what the engine learned about it. */
export interface Session {
  sock: BaileysSocket;
  /** Set on `connection: 'open'`; sends and lookups need it. */
  open: boolean;
  /** QR codes this socket produced (its first lives longer than the rest). */
  qrShown: number;
  /** Resolves at the first QR: the noise handshake is done, so a pairing code can be requested. */
  ready: Deferred;
  /** The pairing-code request made on this socket, shared by the automatic and the explicit path. */
  pairing?: { phone: string; code: Promise<string> };
  /** Ids of message stanzas this socket got with offline="1" and has not reported yet. */
  offlineIds: Set<string>;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting when a socket closes; that must not surface as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export function createSession(sock: BaileysSocket): Session {
  return { sock, open: false, qrShown: 0, ready: deferred(), offlineIds: new Set() };
}

/**
 * Subscribes handlers to a socket's events, dropping events once the socket is no longer the
 * engine's current one (a closed or replaced socket may still flush buffered events), and never
 * letting a handler throw into Baileys' emitter or leave a rejection unhandled.
 */
export function listenWhileCurrent(
  session: Session,
  isCurrent: () => boolean,
  onError: (err: unknown, event: keyof BaileysEventMap) => void,
) {
  return <E extends keyof BaileysEventMap>(
    event: E,
    handler: (arg: BaileysEventMap[E]) => void | Promise<void>,
  ): void =>
    session.sock.ev.on(event, (arg) => {
      if (!isCurrent()) return;
      try {
        void Promise.resolve(handler(arg)).catch((err: unknown) => onError(err, event));
      } catch (err) {
        onError(err, event);
      }
    });
}

/** Offline message ids remembered per socket at most (a flood must not grow memory without end). */
const MAX_OFFLINE_IDS = 10_000;

/**
 * Remembers the message stanzas WhatsApp delivers with offline="1": those it stored while this
 * device was disconnected and hands over at the next login. Baileys reports them as
 * `messages.upsert` of type 'append' (lib/Socket/messages-recv.js), the same type it uses for
 * notifications turned into messages and (with emitOwnEvents) our own echoes; the stanza's
 * offline attribute is the fact that tells a customer's message apart, so it is noted here, as
 * the stanza arrives and before Baileys has decrypted and upserted it.
 */
export function trackOfflineMessages(session: Session): void {
  session.sock.ws?.on('CB:message', (stanza: BinaryNode) => {
    const id = stanza.attrs.id;
    if (!stanza.attrs.offline || !id) return;
    if (session.offlineIds.size >= MAX_OFFLINE_IDS) {
      const oldest = session.offlineIds.values().next();
      if (!oldest.done) session.offlineIds.delete(oldest.value);
    }
    session.offlineIds.add(id);
  });
}

/** Reason text and status code of a `lastDisconnect.error` (a Boom from Baileys, or anything). */
export function describeClose(error: unknown): { reason: string; statusCode: number | undefined } {
  // Duck-typed rather than `instanceof Boom`: the Boom class is Baileys' dependency, not ours.
  const output = (error as { output?: { statusCode?: unknown } } | undefined)?.output;
  const statusCode = typeof output?.statusCode === 'number' ? output.statusCode : undefined;
  const message = error instanceof Error ? error.message : error ? String(error) : 'connection closed';
  return { reason: message || 'connection closed', statusCode };
}

/**
 * The EngineSendError for a failed send or lookup. When the connection dropped under the call it
 * is SESSION_DISCONNECTED, which the dispatcher retries after the reconnect (same message id).
 */
export function callError(err: unknown, what: string, stillConnected: boolean): EngineSendError {
  if (err instanceof EngineSendError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (!stillConnected)
    return new EngineSendError('SESSION_DISCONNECTED', `connection lost during ${what}: ${message}`);
  return new EngineSendError('SEND_FAILED', `${what} failed: ${message}`);
}

/** The digits WhatsApp wants for a number given in E.164 (`+1 555…` → `1555…`). */
export function digitsOf(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) throw new EngineSendError('SEND_FAILED', `not a phone number: ${phone}`);
  return digits;
}

/** Rejects after `ms`; the timer is cleared either way so it never holds the process open. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An HTTP answer instead of the WebSocket upgrade (a 401/403 from a proxy or a wrong endpoint).
 * Baileys subscribes to ws' `unexpected-response`, which stops ws from failing the socket, and
 * then ignores it: the socket would hang until a handshake timeout (408), or forever when the
 * server hangs up. Ending it here reports the refusal as it is. A plain Error (no status code)
 * on purpose: an HTTP 401 from a proxy is not WhatsApp logging the device out, so the ordinary
 * backoff applies and the session is kept.
 */
export function watchUpgrade(session: Session, isCurrent: () => boolean): void {
  session.sock.ws?.on('unexpected-response', (_req, res) => {
    res.resume();
    if (!isCurrent()) return;
    const status = `${res.statusCode ?? '?'} ${res.statusMessage ?? ''}`.trim();
    void session.sock.end(new Error(`WebSocket upgrade refused with HTTP ${status}`));
  });
}

/** Closes a session's socket; a socket that fails to close is logged, never thrown. */
export async function endSocket(session: Session, log: Logger): Promise<void> {
  await session.sock.end(undefined).catch((err: unknown) => log.warn({ err }, 'closing socket failed'));
}

/**
 * Asks WhatsApp for a pairing code on this socket, once per phone number: the automatic request
 * (at the first QR) and an explicit one share it. `announce` gets the code when it comes.
 */
export function requestPairingCode(
  session: Session,
  digits: string,
  announce: (code: string) => void,
): Promise<string> {
  if (session.pairing?.phone === digits) return session.pairing.code;
  const code = (async () => {
    // The pairing request is a stanza over the noise channel: it needs the handshake done,
    // which the first QR proves (Baileys' 'connecting' comes before the WebSocket is even open).
    await session.ready.promise;
    const code = await session.sock.requestPairingCode(digits);
    announce(code);
    return code;
  })();
  session.pairing = { phone: digits, code };
  return code;
}
