/**
 * A line's primary phone. It owns the account (its ADV account key is also its Signal identity,
 * as on WhatsApp), links companions by QR or pairing code, receives the copies of what its
 * companions send, and right after a link sends the first sync a real phone sends: an app-state
 * key share and an initial history bootstrap (which carries the push name and LID mappings).
 *
 * It also holds the switches for faults aimed at its companions' live connections.
 */
import { deflateSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { Curve, proto } from 'baileys';
import type { KeyPair } from 'baileys';
import type { ClientConnection } from './connection.js';
import type { PhoneHooks, WaServerCore } from './core.js';
import { node, SERVER_JID, unixNow } from './nodes.js';
import { advSecretFromCodeExchange, completeLink, parseQr, unwrapWithCode, wrapWithCode } from './pairing.js';
import type { Account, Device } from './registry.js';
import { SignalParty } from './signal-party.js';
import { SimulatedDevice } from './simulated-device.js';

export interface HistoryEntry {
  /** The contact's phone number. */
  from: string;
  text: string;
  /** When it was sent; a day ago by default. */
  at?: Date;
}

export interface PhoneOptions {
  pushName?: string;
  lid?: string;
  /** Old chats the phone hands a new companion in its initial history (never news to WAPing). */
  history?: HistoryEntry[];
}

const LINK_TIMEOUT_MS = 20_000;

export class SimulatedPhone extends SimulatedDevice implements PhoneHooks {
  readonly accountKey: KeyPair;
  history: HistoryEntry[];
  /** The ADV secrets of the companions this phone linked: secrets of theirs a test can look for. */
  readonly advSecrets: Buffer[] = [];

  static async create(
    core: WaServerCore,
    number: string,
    options: PhoneOptions = {},
  ): Promise<SimulatedPhone> {
    const account = core.registry.ensure(number, {
      ...(options.lid ? { lid: options.lid } : {}),
      pushName: options.pushName ?? 'Acme Support',
    });
    const accountKey = Curve.generateKeyPair();
    const phone = new SimulatedPhone(core, account, accountKey, options.history ?? []);
    await phone.publishKeys();
    account.primary.onKeysLow = () => void phone.publishKeys();
    core.phones.set(account.pn, phone);
    return phone;
  }

  private constructor(core: WaServerCore, account: Account, accountKey: KeyPair, history: HistoryEntry[]) {
    super(core, account.primary, new SignalParty(accountKey), `phone:${account.pn}`);
    this.accountKey = accountKey;
    this.history = history;
  }

  /** The number in E.164 (`+15551234567`). */
  get number(): string {
    return `+${this.account.pn}`;
  }

  /** Linked companions (not unlinked). */
  companions(): Device[] {
    return this.account.companions();
  }

  /** Texts the companions sent to others, as this phone got them (device-sent copies). */
  sentByCompanions(): Array<{ id: string; to: string | undefined; text: string | undefined }> {
    return this.received
      .filter((m) => m.message.deviceSentMessage)
      .map((m) => ({
        id: m.id,
        to: m.message.deviceSentMessage?.destinationJid ?? undefined,
        text: m.text,
      }));
  }

  /** Scans a QR the companion showed. Resolves once the companion counter-signed (before its restart). */
  async scanQr(qr: string): Promise<Device> {
    const parsed = parseQr(qr);
    const conn = this.core.refs.get(parsed.ref);
    const registration = conn?.registration;
    if (!conn || !registration) throw new Error('QR not current: no companion is showing it');
    if (!registration.noiseKey.equals(parsed.noiseKey) || !registration.identity.equals(parsed.identityKey)) {
      throw new Error('QR keys do not belong to the connection that showed it');
    }
    this.core.log.event(this.who, `scanned QR of ${conn.who}`);
    this.advSecrets.push(parsed.advSecret);
    return completeLink(this.core, this.account, this.accountKey, conn, registration, parsed.advSecret);
  }

  /** Types a pairing code the companion displayed. Rejects when the code is wrong. */
  async enterPairingCode(code: string): Promise<Device> {
    const conn = [...this.core.connections].find(
      (c) => !c.closed && c.registration?.code?.phone === this.account.pn,
    );
    const registration = conn?.registration;
    const pending = registration?.code;
    if (!conn || !registration || !pending)
      throw new Error(`no companion asked for a code for ${this.number}`);
    const typed = code.replace(/[\s-]/g, '').toUpperCase();
    const companionEphemeral = unwrapWithCode(typed, pending.wrappedEphemeral);
    const primaryEphemeral = Curve.generateKeyPair();
    const finished = new Promise<{ wrappedKeyBundle: Buffer; companionIdentity: Buffer }>(
      (resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('companion did not finish the code exchange')),
          LINK_TIMEOUT_MS,
        );
        pending.finish = (value) => {
          clearTimeout(timer);
          resolve(value);
        };
      },
    );
    this.core.log.event(this.who, `code typed for ${conn.who}`);
    conn.send(
      node(
        'notification',
        {
          from: SERVER_JID,
          id: randomBytes(6).toString('hex'),
          type: 'link_code_companion_reg',
          t: unixNow(),
        },
        [
          node('link_code_companion_reg', { stage: 'primary_hello' }, [
            node('link_code_pairing_ref', {}, Buffer.from(pending.ref)),
            node('primary_identity_pub', {}, Buffer.from(this.accountKey.public)),
            node(
              'link_code_pairing_wrapped_primary_ephemeral_pub',
              {},
              wrapWithCode(typed, primaryEphemeral.public),
            ),
          ]),
        ],
      ),
    );
    const { wrappedKeyBundle, companionIdentity } = await finished;
    const advSecret = advSecretFromCodeExchange({
      companionEphemeral,
      primaryEphemeral,
      accountKey: this.accountKey,
      wrappedKeyBundle,
      companionIdentity,
    });
    this.advSecrets.push(advSecret);
    return completeLink(this.core, this.account, this.accountKey, conn, registration, advSecret);
  }

  // ── faults on the companions' live connections ────────────────────────────────────────────

  /** `<stream:error code=…>` on every live companion connection (515 restart, 503…). */
  streamError(code: number): number {
    return this.onLive((c) => c.streamError({ code: String(code) }));
  }

  /** Another client took the session over: `<stream:error><conflict type=replaced/>` (440). */
  conflict(): number {
    return this.onLive((c) => c.streamError({}, [node('conflict', { type: 'replaced' })]));
  }

  /** The user removed the linked device on the phone: 401 `device_removed`; later logins get 401. */
  unlinkCompanions(): number {
    for (const device of this.companions()) device.removed = true;
    return this.onLive((c) => c.streamError({ code: '401' }, [node('conflict', { type: 'device_removed' })]));
  }

  /** `<failure reason=…>` on the live connections (401 logged out, 403…). */
  failure(reason: number): number {
    return this.onLive((c) => c.failure(reason));
  }

  /** `</stream:stream>` without an error. */
  streamEnd(): number {
    return this.onLive((c) => c.streamEnd());
  }

  /** Cuts the TCP connections. */
  dropConnections(): number {
    return this.onLive((c) => c.drop());
  }

  /** How many times a companion of this line went live so far (see waitForOnline). */
  activations(): number {
    return this.core.activations.filter((a) => a.pn === this.account.pn).length;
  }

  /**
   * Resolves once a companion of this line is live (logged in, passive mode ended, offline
   * stanzas flushed) for the `count`-th time; by default the next time from now.
   */
  async waitForOnline(count = this.activations() + 1, timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    while (this.activations() < count) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `${this.who}: no companion came online within ${timeoutMs} ms\n${this.core.log.tail(30)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Resolves once the newest companion took in the phone's first sync: it acknowledged the history
   * and fetched the (empty) app state. Baileys then counts its initial sync as done; a restart
   * before that makes the next socket hold all events back for 20 s, waiting for history.
   */
  async waitForFirstSync(timeoutMs = 30_000): Promise<void> {
    const device = this.companions().at(-1);
    if (!device) throw new Error(`${this.who}: nothing linked`);
    const conn = () => this.core.connectionOf(device)?.who;
    await this.core.log.waitFor(
      (e) =>
        e.kind === 'out' &&
        e.who === conn() &&
        e.node?.tag === 'iq' &&
        !!e.node.content &&
        e.text.includes('<sync>'),
      timeoutMs,
      0,
    );
  }

  /** Live companion connections of this line. */
  liveConnections(): ClientConnection[] {
    return this.core.liveConnections(this.account);
  }

  private onLive(act: (conn: ClientConnection) => void): number {
    const live = this.liveConnections();
    for (const conn of live) act(conn);
    return live.length;
  }

  // ── after a link: the phone's first sync ─────────────────────────────────────────────────

  onCompanionActive(device: Device, firstTime: boolean): void {
    if (!firstTime) return;
    void this.firstSync(device).catch((err: unknown) =>
      this.core.log.event(this.who, `first sync failed: ${String(err)}`),
    );
  }

  private async firstSync(device: Device): Promise<void> {
    const keyShare: proto.IMessage = {
      protocolMessage: {
        type: proto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE,
        appStateSyncKeyShare: {
          keys: [
            {
              keyId: { keyId: randomBytes(6) },
              keyData: {
                keyData: randomBytes(32),
                fingerprint: { rawId: 1, currentIndex: 0, deviceIndexes: [0, device.keyIndex] },
                timestamp: Date.now(),
              },
            },
          ],
        },
      },
    };
    const bootstrap = proto.HistorySync.encode(this.bootstrapHistory()).finish();
    const history: proto.IMessage = {
      protocolMessage: {
        type: proto.Message.ProtocolMessage.Type.HISTORY_SYNC_NOTIFICATION,
        historySyncNotification: {
          syncType: proto.HistorySync.HistorySyncType.INITIAL_BOOTSTRAP,
          chunkOrder: 0,
          progress: 100,
          initialHistBootstrapInlinePayload: deflateSync(bootstrap),
        },
      },
    };
    for (const message of [keyShare, history]) {
      await this.sendToOwnDevice(device, message);
    }
  }

  /** A peer message to one of our own companions (`category=peer`, with our push name). */
  private async sendToOwnDevice(device: Device, message: proto.IMessage): Promise<void> {
    const enc = await this.encryptFor(device, message);
    const stanza = node(
      'message',
      { to: device.pnJid, id: randomBytes(8).toString('hex').toUpperCase(), type: 'text', category: 'peer' },
      [enc],
    );
    this.core.submit(this.device, stanza);
  }

  private bootstrapHistory(): proto.IHistorySync {
    const conversations = this.history.map((entry, i) => {
      const contact = this.core.registry.ensure(entry.from);
      const at = Math.floor((entry.at ?? new Date(Date.now() - 24 * 3600_000)).getTime() / 1000);
      return {
        id: contact.pnJid,
        lidJid: contact.lidJid,
        messages: [
          {
            msgOrderId: i + 1,
            message: {
              key: {
                remoteJid: contact.pnJid,
                fromMe: false,
                id: `3AHIST${i}${randomBytes(6).toString('hex').toUpperCase()}`,
              },
              message: { conversation: entry.text },
              messageTimestamp: at,
              pushName: contact.pushName,
            },
          },
        ],
      };
    });
    const mappings = [...this.core.registry.accounts()]
      .filter((a) => a !== this.account)
      .map((a) => ({ pnJid: a.pnJid, lidJid: a.lidJid }));
    return {
      syncType: proto.HistorySync.HistorySyncType.INITIAL_BOOTSTRAP,
      conversations,
      phoneNumberToLidMappings: mappings,
      progress: 100,
      chunkOrder: 0,
    };
  }
}
