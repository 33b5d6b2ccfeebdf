/**
 * The server's state and routing: which connection is which companion, how logins are answered,
 * and how messages and receipts travel between devices (companions on the wire, simulated phones
 * in process). Stanza formats follow what Baileys 7 sends and expects (lib/Socket/*.js).
 */
import { randomBytes } from 'node:crypto';
import { Curve, proto } from 'baileys';
import type { BinaryNode, KeyPair } from 'baileys';
import type { ClientConnection, ConnectionHooks, Registration } from './connection.js';
import { Faults } from './faults.js';
import { handleIq } from './iq.js';
import { routeMessage, routeReceipt } from './router.js';
import type { WaServerLog } from './log.js';
import type { HandshakeResult } from './noise.js';
import { elements, node, SERVER_JID, unixNow } from './nodes.js';
import { Registry, type Account, type Device } from './registry.js';
import { verifies } from './signatures.js';

export interface SubmitOptions {
  holdUntilReconnect?: boolean;
  withoutSenderPn?: boolean;
}

/** What the core needs from a simulated phone (kept as an interface to avoid an import cycle). */
export interface PhoneHooks {
  /** A companion of this phone's account went active (its first time means: just linked). */
  onCompanionActive(device: Device, firstTime: boolean): void;
}

export interface PresenceRecord {
  /** Phone number of the line. */
  pn: string;
  device: number;
  /** `available`/`unavailable` (`none` without a type) for `<presence>`, the chat state (`composing`, `paused`) for `<chatstate>`. */
  type: string;
  /** The chat a chat state was for. */
  to?: string;
  at: Date;
}

export class WaServerCore implements ConnectionHooks {
  readonly registry = new Registry();
  readonly faults = new Faults();
  readonly connections = new Set<ClientConnection>();
  readonly phones = new Map<string, PhoneHooks>();
  readonly presence: PresenceRecord[] = [];
  /** Every login attempt of a companion and how it was answered. */
  readonly logins: Array<{ pn: string; device: number; outcome: string; version: number[]; at: Date }> = [];
  /** Companion connections that went live (passive → active), in order. */
  readonly activations: Array<{ pn: string; device: number; conn: string; at: Date }> = [];
  /** QR refs handed out, to find the registering connection a phone scanned. */
  readonly refs = new Map<string, ClientConnection>();
  readonly staticKeys: KeyPair = Curve.generateKeyPair();
  mediaHost: string | undefined;

  constructor(readonly log: WaServerLog) {}

  delayMs(): number {
    return this.faults.delayMs;
  }

  /** The connection a companion is logged in on right now. */
  connectionOf(device: Device): ClientConnection | undefined {
    for (const conn of this.connections) if (conn.device === device && !conn.closed) return conn;
    return undefined;
  }

  async onHandshake(conn: ClientConnection, { payload }: HandshakeResult): Promise<void> {
    const version = announcedVersion(payload);
    const minimum = this.faults.minimumVersion;
    if (minimum && compareVersions(version, minimum) < 0) {
      // WhatsApp turns away clients that fell too far behind, at login and at registration alike.
      this.log.event(conn.who, `version ${version.join('.')} refused: older than ${minimum.join('.')} (405)`);
      if (payload.username) {
        this.logins.push({
          pn: String(payload.username),
          device: payload.device ?? 0,
          outcome: 'failure 405 (version)',
          version,
          at: new Date(),
        });
      }
      return conn.failure(405);
    }
    if (payload.username !== null && payload.username !== undefined && String(payload.username) !== '0') {
      this.login(conn, String(payload.username), payload.device ?? 0, version);
    } else if (payload.devicePairingData) {
      await this.register(conn, payload.devicePairingData);
    } else {
      this.log.event(conn.who, 'handshake without login or registration data');
      conn.failure(400);
    }
  }

  async onStanza(conn: ClientConnection, stanza: BinaryNode): Promise<void> {
    switch (stanza.tag) {
      case 'iq':
        await handleIq(this, conn, stanza);
        return;
      case 'message':
      case 'receipt':
        if (!conn.device) return this.log.event(conn.who, `${stanza.tag} before login ignored`);
        if (stanza.tag === 'receipt') conn.acknowledged(stanza);
        this.submit(conn.device, stanza);
        return;
      case 'ack':
        conn.acknowledged(stanza);
        return;
      case 'presence':
      case 'chatstate':
        this.recordPresence(conn, stanza);
        return;
      default:
        // ib (unified_session, offline_batch), call: nothing to answer.
        return;
    }
  }

  onClose(conn: ClientConnection): void {
    this.connections.delete(conn);
    for (const ref of conn.registration?.refs ?? []) this.refs.delete(ref);
    const device = conn.activeFor;
    if (!device) return;
    if (device.sink === conn.sinkFn) device.sink = undefined;
    // Never acknowledged: delivered again at the next login, ahead of what was queued since.
    if (conn.unacked.size) {
      this.log.event(conn.who, `${conn.unacked.size} stanza(s) not acknowledged; kept for the next login`);
      device.offline.unshift(...conn.unacked.values());
      conn.unacked.clear();
    }
  }

  /** Routes a stanza a device sent (over the wire or simulated): messages and receipts. */
  submit(from: Device, stanza: BinaryNode, options: SubmitOptions = {}): void {
    if (stanza.tag === 'message') routeMessage(this, from, stanza, options);
    else if (stanza.tag === 'receipt') routeReceipt(this, from, stanza);
  }

  /**
   * Hands a stanza to a device: a simulated one takes it at once; a companion gets it live while
   * logged in and active, otherwise (or when held) at its next login with offline="1".
   */
  deliver(device: Device, stanza: BinaryNode, hold = false): void {
    if (device.kind === 'primary') {
      if (device.sink) device.sink(stanza);
      else this.log.event(SERVER_JID, `no phone simulated for ${device.account.pn}; dropped ${stanza.tag}`);
      return;
    }
    if (!hold && device.sink) {
      device.sink(stanza);
      return;
    }
    device.offline.push(stanza);
    this.log.event(device.pnJid, `queued ${stanza.tag} ${stanza.attrs.id ?? ''} until the next login`);
  }

  // ── logins ────────────────────────────────────────────────────────────────────────────────

  private login(conn: ClientConnection, pn: string, deviceId: number, version: number[]): void {
    const account = this.registry.account(pn);
    const device = account?.devices.get(deviceId);
    const record = (outcome: string) => {
      this.logins.push({ pn, device: deviceId, outcome, version, at: new Date() });
      this.log.event(conn.who, `login ${pn}:${deviceId} → ${outcome}`);
    };
    if (!device || device.kind !== 'companion' || device.removed || !device.noiseKey) {
      record('failure 401 (no such linked device)');
      return conn.failure(401);
    }
    if (!conn.clientStatic || !device.noiseKey.equals(conn.clientStatic)) {
      record('failure 401 (noise key does not match the linked device)');
      return conn.failure(401);
    }
    const fault = this.faults.takeLoginFault();
    if (fault?.kind === 'stream-error') {
      record(`stream error ${fault.code} (fault)`);
      return conn.streamError({ code: String(fault.code) });
    }
    if (fault?.kind === 'failure') {
      record(`failure ${fault.reason} (fault)`);
      return conn.failure(fault.reason);
    }
    if (fault?.kind === 'drop') {
      record('dropped (fault)');
      return conn.drop();
    }
    const previous = this.connectionOf(device);
    if (previous && previous !== conn) {
      // WhatsApp keeps one connection per device: the older one is told it was replaced (440).
      this.log.event(previous.who, 'replaced by a newer login');
      previous.streamError({}, [node('conflict', { type: 'replaced' })]);
      previous.device = undefined;
      device.sink = undefined;
    }
    conn.device = device;
    record('success');
    conn.send(
      node('success', {
        t: unixNow(),
        props: '1',
        abprops: '1',
        location: 'loopback',
        creation: String(device.linkedAt),
        lid: device.lidJid,
      }),
    );
  }

  /** `passive active`: flushes what arrived while the companion was away, then goes live. */
  activate(conn: ClientConnection): void {
    const device = conn.device;
    if (!device || conn.active) return;
    conn.active = true;
    conn.activeFor = device;
    const queued = device.offline.splice(0);
    for (const stanza of queued) conn.deliver({ ...stanza, attrs: { ...stanza.attrs, offline: '1' } });
    conn.send(node('ib', { from: SERVER_JID }, [node('offline', { count: String(queued.length) })]));
    device.sink = conn.sinkFn;
    this.activations.push({ pn: device.account.pn, device: device.id, conn: conn.who, at: new Date() });
    const firstTime = !device.syncedByPhone;
    device.syncedByPhone = true;
    this.phones.get(device.account.pn)?.onCompanionActive(device, firstTime);
  }

  // ── registration (the QR flow starts here) ─────────────────────────────────────────────────

  private async register(
    conn: ClientConnection,
    data: proto.ClientPayload.IDevicePairingRegistrationData,
  ): Promise<void> {
    const { eRegid, eIdent, eSkeyId, eSkeyVal, eSkeySig, deviceProps } = data;
    if (!eRegid || !eIdent || !eSkeyId || !eSkeyVal || !eSkeySig || !conn.clientStatic) {
      this.log.event(conn.who, 'registration without keys');
      return conn.failure(400);
    }
    const identity = Buffer.from(eIdent);
    const signedPub = Buffer.from(eSkeyVal);
    const signature = Buffer.from(eSkeySig);
    if (!verifies(identity, Buffer.concat([Buffer.from([5]), signedPub]), signature)) {
      this.log.event(conn.who, 'registration: signed pre-key signature does not verify');
      return conn.failure(400);
    }
    const props = deviceProps ? proto.DeviceProps.decode(deviceProps) : undefined;
    const refs = Array.from({ length: 6 }, () => `2@${randomBytes(24).toString('base64')}`);
    const registration: Registration = {
      noiseKey: conn.clientStatic,
      identity,
      registrationId: Buffer.from(eRegid).readUInt32BE(0),
      signedPreKey: { id: Buffer.from(eSkeyId).readUIntBE(0, eSkeyId.length), public: signedPub, signature },
      platform: props?.os ?? undefined,
      refs,
    };
    conn.registration = registration;
    for (const ref of refs) this.refs.set(ref, conn);
    this.log.event(
      conn.who,
      `registration from ${registration.platform ?? 'unknown'}; ${refs.length} QR refs`,
    );
    const pairDevice = node(
      'iq',
      { from: SERVER_JID, type: 'set', xmlns: 'md', id: randomBytes(6).toString('hex') },
      [
        node(
          'pair-device',
          {},
          refs.map((ref) => node('ref', {}, Buffer.from(ref, 'utf8'))),
        ),
      ],
    );
    conn.request(pairDevice).catch((err: unknown) => this.log.event(conn.who, `pair-device: ${String(err)}`));
  }

  private recordPresence(conn: ClientConnection, stanza: BinaryNode): void {
    const device = conn.device;
    if (!device) return;
    // A <presence> without a type is recorded as such ('none'), not read as 'available': Baileys
    // sends one (with only a name, or nothing) after each creds update once it knows its name.
    const type = stanza.tag === 'presence' ? (stanza.attrs.type ?? 'none') : elements(stanza)[0]?.tag;
    if (!type) return;
    this.presence.push({
      pn: device.account.pn,
      device: device.id,
      type,
      ...(stanza.tag === 'chatstate' && stanza.attrs.to ? { to: stanza.attrs.to } : {}),
      at: new Date(),
    });
  }

  /** All companions of `account` connected right now. */
  liveConnections(account: Account): ClientConnection[] {
    return [...this.connections].filter((c) => c.device?.account === account && !c.closed);
  }
}

/** The WhatsApp Web version a client announces in its ClientPayload. */
function announcedVersion(payload: proto.ClientPayload): number[] {
  const v = payload.userAgent?.appVersion;
  return [v?.primary ?? 0, v?.secondary ?? 0, v?.tertiary ?? 0];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}
