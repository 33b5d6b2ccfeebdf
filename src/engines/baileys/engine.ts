/**
 * The real WhatsApp Web multi-device engine (docs/whatsapp.md), on Baileys 7.
 *
 * One engine runs one device. A Baileys socket is single-use: every (re)connect builds a fresh one,
 * and the engine keeps at most one alive (`session`). Events of a socket that is no longer the
 * current one are ignored, which is what makes stop(), link timeouts and reconnects race-free.
 */
import { DisconnectReason, makeWASocket } from 'baileys';
import type { ConnectionState, WAMessage } from 'baileys';
import type { Logger } from 'pino';
import {
  EngineSendError,
  type Engine,
  type EngineContext,
  type EngineEventName,
  type EngineListener,
  type EngineEvents,
  type LookupResult,
  type SendMediaInput,
  type SendResult,
  type SendTextInput,
  type StartOptions,
} from '../engine.js';
import { TypedEmitter } from '../emitter.js';
import { loadAuthState, type StoredAuthState } from './auth-state.js';
import { connectedEvent, statusesFromUpdate } from './messages.js';
import type { BaileysEngineOptions } from './options.js';
import { inboundEventOf, lookupOn, sendMediaOn, sendTextOn } from './operations.js';
import { DEFAULT_BACKOFF, decideReconnect, type BackoffOptions } from './reconnect-policy.js';
import {
  buildSocketConfig,
  FIRST_QR_LIFETIME_MS,
  forgetUnfinishedPairing,
  isLinked,
  NEXT_QR_LIFETIME_MS,
  type SocketFactory,
} from './socket-config.js';
import {
  createSession,
  describeClose,
  digitsOf,
  endSocket,
  listenWhileCurrent,
  requestPairingCode,
  trackOfflineMessages,
  watchUpgrade,
  type Session,
} from './session.js';
import { WaVersion } from './wa-version.js';
import { withSharedAsyncStorage } from './shared-async-storage.js';
import { setComposing, typeBriefly } from './presence.js';
import { guardSignalLogs } from './signal-log-guard.js';

export type { BaileysEngineOptions } from './options.js';

export class BaileysEngine implements Engine {
  readonly kind = 'baileys' as const;
  private readonly emitter: TypedEmitter<EngineEvents>;
  private readonly log: Logger;
  private readonly socketFactory: SocketFactory;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private readonly qrMaxAttempts: number;
  private auth: StoredAuthState | undefined;
  private session: Session | undefined;
  /** Between start() and stop()/logout()/logged out/link timeout. */
  private running = false;
  private attempt = 0;
  /** One immediate restart on 515, granted by a new pairing or an open (see reconnect-policy). */
  private restartGranted = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** QR codes shown since start or the last scan, across sockets. */
  private linkQrCount = 0;
  private linkTimer: NodeJS.Timeout | undefined;
  private pairingPhone: string | undefined;
  private readonly waVersion: WaVersion;

  constructor(
    private readonly ctx: EngineContext,
    private readonly options: BaileysEngineOptions = {},
  ) {
    // Before any socket exists: libsignal would otherwise print session keys on the console.
    guardSignalLogs();
    this.log = ctx.log.child({ engine: 'baileys', deviceId: ctx.deviceId });
    this.emitter = new TypedEmitter<EngineEvents>((err, event) =>
      this.log.error({ err, event }, 'engine event listener failed'),
    );
    // Baileys' typings return the full socket; the engine only needs the slice it declares.
    // Each socket's key-store transactions get a slot of one shared AsyncLocalStorage rather than
    // a storage of their own, which would tax every async resource (shared-async-storage.ts).
    // A factory handed in by tests wraps makeWASocket too, so it gets the same treatment.
    const makeSocket = options.socketFactory ?? ((config) => makeWASocket(config));
    this.socketFactory = (config) => withSharedAsyncStorage(() => makeSocket(config));
    const { random, ...backoff } = options.backoff ?? {};
    this.backoff = { ...DEFAULT_BACKOFF, ...backoff };
    this.random = random ?? Math.random;
    this.qrMaxAttempts = options.qrMaxAttempts ?? 5;
    this.waVersion = new WaVersion(this.log, {
      pinned: options.version,
      shared: ctx.shared,
      fetchVersion: options.fetchVersion,
    });
  }

  on<K extends EngineEventName>(event: K, listener: EngineListener<K>): void {
    this.emitter.on(event, listener);
  }

  off<K extends EngineEventName>(event: K, listener: EngineListener<K>): void {
    this.emitter.off(event, listener);
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (options.pairingPhone) this.pairingPhone = digitsOf(options.pairingPhone);
    if (this.running) {
      // Already showing QR codes: switch to a pairing code now rather than at the next QR.
      if (this.pairingPhone && this.session && this.session.qrShown > 0) {
        this.pairOn(this.session, this.pairingPhone).catch((err: unknown) =>
          this.log.warn({ err }, 'pairing code request failed'),
        );
      }
      return;
    }
    this.running = true;
    this.attempt = 0;
    this.restartGranted = false;
    this.linkQrCount = 0;
    try {
      await this.openSocket();
    } catch (err) {
      this.running = false;
      throw err;
    }
  }

  async requestPairingCode(phone: string): Promise<string> {
    const digits = digitsOf(phone);
    if (this.session?.open || (this.auth && isLinked(this.auth.state.creds))) {
      throw new Error('device is already linked');
    }
    this.pairingPhone = digits;
    if (!this.running) await this.start();
    if (!this.session) {
      // Waiting out a backoff: the user is at the phone now, so connect now.
      clearTimeout(this.reconnectTimer);
      await this.openSocket();
    }
    const session = this.session;
    if (!session) throw new Error('the WhatsApp connection could not be opened');
    return this.pairOn(session, digits);
  }

  async sendText(input: SendTextInput): Promise<SendResult> {
    const session = this.connectedSession();
    return sendTextOn(session, input, () => this.session === session);
  }

  async sendMedia(input: SendMediaInput): Promise<SendResult> {
    const session = this.connectedSession();
    return sendMediaOn(session, input, () => this.session === session);
  }

  async showTyping(jid: string, ms: number): Promise<void> {
    await typeBriefly(this.connectedSession().sock, jid, ms, this.log);
  }

  async setTyping(to: string, typing: boolean): Promise<void> {
    // Cosmetic: with no open session there is nobody to show it to.
    const session = this.session;
    if (!session?.open) return;
    await setComposing(session.sock, `${digitsOf(to)}@s.whatsapp.net`, typing, this.log);
  }

  async lookup(phone: string): Promise<LookupResult> {
    const session = this.connectedSession();
    return lookupOn(session, phone, () => this.session === session);
  }

  async logout(): Promise<void> {
    const session = this.halt();
    if (session?.open) {
      // Tells the phone to drop this companion; failing that, the wipe below still unlinks us locally.
      await session.sock.logout().catch((err: unknown) => this.log.warn({ err }, 'logout request failed'));
    } else if (session) {
      await endSocket(session, this.log);
    }
    await this.wipeState();
  }

  async stop(): Promise<void> {
    const session = this.halt();
    if (session) await endSocket(session, this.log);
    // Another node may take the device over; it must not see a creds write of ours land later,
    // and a later start() here must read the state afresh.
    await this.auth?.flush();
    this.auth = undefined;
  }

  private async openSocket(): Promise<void> {
    await this.waVersion.settled();
    await this.waVersion.load();
    this.auth ??= await loadAuthState(this.ctx.state);
    // Re-checked after the awaits: stop() or a concurrent open may have happened meanwhile.
    if (!this.running || this.session) return;
    forgetUnfinishedPairing(this.auth.state.creds);
    const config = buildSocketConfig({
      auth: this.auth.state,
      browserName: this.options.browserName ?? 'WAPing',
      log: this.log,
      getMessageText: (id) => this.ctx.getMessageText(id),
      wsUrl: this.options.wsUrl,
      connectTimeoutMs: this.options.connectTimeoutMs,
      version: this.waVersion.current,
    });
    const session = createSession(this.socketFactory(config));
    this.session = session;
    this.bind(session);
  }

  private bind(session: Session): void {
    const on = listenWhileCurrent(
      session,
      () => this.session === session,
      (err, event) => this.log.error({ err, event }, 'baileys event handler failed'),
    );
    watchUpgrade(session, () => this.session === session);
    on('connection.update', (update) => this.onConnectionUpdate(session, update));
    on('creds.update', () => this.auth?.saveCreds());
    on('messages.update', (updates) => {
      for (const update of updates) {
        for (const status of statusesFromUpdate(update)) this.emitter.emit('message_status', status);
      }
    });
    trackOfflineMessages(session);
    on('messages.upsert', async ({ messages, type }) => {
      for (const msg of messages) {
        // 'notify' is a message that arrived live. 'append' is news only when WhatsApp delivered the
        // stanza with offline="1" (it waited for us while we were disconnected): otherwise it is a
        // notification turned into a message or one of our own sends. History never comes this way
        // (Baileys 7 hands it to messaging-history.set), and our own messages are skipped by fromMe.
        const offline = !!msg.key.id && session.offlineIds.delete(msg.key.id);
        if (type !== 'notify' && !offline) continue;
        // One message that cannot be handled must not cost the rest of the batch.
        await this.onInbound(session, msg).catch((err: unknown) =>
          this.log.error({ err, id: msg.key.id }, 'inbound message could not be handled'),
        );
      }
    });
  }

  private async onConnectionUpdate(session: Session, update: Partial<ConnectionState>): Promise<void> {
    if (update.qr) this.onQr(session, update.qr);
    if (update.isNewLogin) {
      // Scanned (or code entered): Baileys restarts the socket next (515) to log in for real.
      clearTimeout(this.linkTimer);
      this.linkQrCount = 0;
      this.pairingPhone = undefined;
      this.restartGranted = true;
    }
    if (update.connection === 'open') this.onOpen(session);
    if (update.connection === 'close') await this.onClose(session, update.lastDisconnect?.error);
  }

  private onQr(session: Session, qr: string): void {
    session.qrShown += 1;
    this.linkQrCount += 1;
    session.ready.resolve();
    if (this.linkQrCount > this.qrMaxAttempts) return this.linkTimeout();
    const lifetime = session.qrShown === 1 ? FIRST_QR_LIFETIME_MS : NEXT_QR_LIFETIME_MS;
    // In pairing-code mode the QR is still generated by Baileys but is not what the user looks at.
    if (!this.pairingPhone) this.emitter.emit('qr', { qr, expiresAt: new Date(Date.now() + lifetime) });
    if (this.linkQrCount === this.qrMaxAttempts) {
      clearTimeout(this.linkTimer);
      this.linkTimer = setTimeout(() => this.linkTimeout(), lifetime);
    }
    if (this.pairingPhone && !session.pairing) {
      this.pairOn(session, this.pairingPhone).catch((err: unknown) =>
        this.log.warn({ err }, 'pairing code request failed'),
      );
    }
  }

  private onOpen(session: Session): void {
    session.open = true;
    // A pairing request waiting for a QR would wait forever: this socket resumed a linked session.
    session.ready.reject(new Error('device is already linked'));
    this.attempt = 0;
    this.restartGranted = true;
    this.linkQrCount = 0;
    this.pairingPhone = undefined;
    clearTimeout(this.linkTimer);
    const user = session.sock.user ?? this.auth?.state.creds.me;
    void this.waVersion.worked();
    this.emitter.emit('connected', connectedEvent(user));
  }

  private async onClose(session: Session, error: Error | undefined): Promise<void> {
    this.session = undefined;
    const { reason, statusCode } = describeClose(error);
    session.ready.reject(new Error(`connection closed: ${reason}`));
    await this.afterDisconnect(reason, statusCode);
  }

  private async afterDisconnect(reason: string, statusCode: number | undefined): Promise<void> {
    clearTimeout(this.linkTimer);
    if (!this.running) return;
    // Baileys ends a socket whose QR refs ran out with 408; if our budget is spent too, stop here.
    if (this.linkQrCount >= this.qrMaxAttempts && statusCode !== 515) return this.linkTimeout();
    const decision = decideReconnect(
      statusCode,
      { attempt: this.attempt, restartGranted: this.restartGranted },
      this.backoff,
      this.random,
    );
    if (statusCode === DisconnectReason.restartRequired) this.restartGranted = false;
    if (decision.action === 'logged_out') {
      this.halt();
      this.emitter.emit('disconnected', { reason, statusCode, willReconnect: false });
      try {
        await this.wipeState();
      } finally {
        // Reported even if the wipe failed: the device must be relinked either way.
        this.emitter.emit('logged_out', { reason });
      }
      return;
    }
    if (decision.countsAsFailure) this.attempt += 1;
    if (decision.refreshVersion) this.waVersion.refresh();
    this.emitter.emit('disconnected', {
      reason,
      statusCode,
      willReconnect: true,
      retryInMs: decision.delayMs,
    });
    this.reconnectTimer = setTimeout(() => this.reconnect(), decision.delayMs);
  }

  private reconnect(): void {
    this.reconnectTimer = undefined;
    this.openSocket().catch(async (err: unknown) => {
      // Building a socket failed before it could report anything (bad URL, state unreadable).
      // Its code is not a server verdict (Baileys even throws 401 for a tcp: URL), so it is
      // handled as an unclassified failure: back off, never wipe.
      this.log.error({ err }, 'could not open a WhatsApp socket');
      await this.afterDisconnect(`could not open socket: ${describeClose(err).reason}`, undefined);
    });
  }

  private linkTimeout(): void {
    if (!this.running) return;
    const session = this.halt();
    if (session) void endSocket(session, this.log);
    const reason = `not linked after ${this.qrMaxAttempts} QR codes`;
    this.emitter.emit('link_timeout', { reason });
  }

  /** Stops reconnecting and detaches the current socket; returns it so the caller can end it. */
  private halt(): Session | undefined {
    this.running = false;
    this.pairingPhone = undefined;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.linkTimer);
    const session = this.session;
    this.session = undefined;
    session?.ready.reject(new Error('engine stopped'));
    return session;
  }

  private async wipeState(): Promise<void> {
    const auth = this.auth;
    this.auth = undefined;
    // A creds write still in flight would otherwise resurrect the session after the wipe.
    await auth?.flush();
    await this.ctx.state.clear();
  }

  private pairOn(session: Session, digits: string): Promise<string> {
    return requestPairingCode(session, digits, (code) => {
      if (this.session === session) this.emitter.emit('pairing_code', { code });
    });
  }

  private connectedSession(): Session {
    const session = this.session;
    if (!session?.open) {
      throw new EngineSendError('SESSION_DISCONNECTED', 'the device is not connected to WhatsApp');
    }
    return session;
  }

  private async onInbound(session: Session, msg: WAMessage): Promise<void> {
    const event = await inboundEventOf(session, msg, this.log);
    if (event) this.emitter.emit('inbound', event);
  }
}
