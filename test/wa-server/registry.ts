/**
 * The server's directory: accounts (a phone number and its LID), their devices, and each device's
 * published Signal keys. Device 0 of an account is its primary phone (simulated); companions are
 * the linked devices that connect over the wire (the Baileys client under test).
 */
import { randomInt } from 'node:crypto';
import { jidDecode } from 'baileys';
import type { BinaryNode } from 'baileys';

export interface SignedPreKey {
  id: number;
  public: Buffer;
  signature: Buffer;
}

/** What a device uploads so others can start Signal sessions with it. */
export interface PublishedKeys {
  registrationId: number;
  identity: Buffer;
  signedPreKey: SignedPreKey;
  /** One-time pre-keys not handed out yet, by id. */
  preKeys: Map<number, Buffer>;
}

/** A key bundle as handed out for one session: one one-time pre-key is used up per fetch. */
export interface KeyBundle {
  registrationId: number;
  identity: Buffer;
  signedPreKey: SignedPreKey;
  preKey?: { id: number; public: Buffer };
}

export class Device {
  keys: PublishedKeys | undefined;
  /** ADV key index (companions), 0 for the primary. */
  keyIndex = 0;
  /** The companion's static Noise key: what authenticates its logins. */
  noiseKey: Buffer | undefined;
  /** Unlinked from the phone: logins are refused with 401. */
  removed = false;
  /** Set while something can take stanzas now: a simulated party, or a logged-in connection. */
  sink: ((stanza: BinaryNode) => void) | undefined;
  /** Stanzas waiting for the companion's next login (delivered then with offline="1"). */
  readonly offline: BinaryNode[] = [];
  platform: string | undefined;
  /** Unix seconds of the link (companions). */
  linkedAt = 0;
  /** The phone sent this companion its first sync (history, app-state keys) already. */
  syncedByPhone = false;
  /** Called when its one-time pre-keys run low (simulated devices publish more). */
  onKeysLow: (() => void) | undefined;

  constructor(
    readonly account: Account,
    readonly id: number,
    readonly kind: 'primary' | 'companion',
  ) {}

  get pnJid(): string {
    return deviceJid(this.account.pn, 's.whatsapp.net', this.id);
  }

  get lidJid(): string {
    return deviceJid(this.account.lid, 'lid', this.id);
  }

  /** Hands out a bundle, using up one one-time pre-key when there is one left. */
  takeBundle(): KeyBundle | undefined {
    const keys = this.keys;
    if (!keys) return undefined;
    const next = keys.preKeys.entries().next();
    let preKey: KeyBundle['preKey'];
    if (!next.done) {
      const [id, pub] = next.value;
      keys.preKeys.delete(id);
      preKey = { id, public: pub };
    }
    return {
      registrationId: keys.registrationId,
      identity: keys.identity,
      signedPreKey: keys.signedPreKey,
      ...(preKey ? { preKey } : {}),
    };
  }
}

export class Account {
  readonly devices = new Map<number, Device>();
  pushName: string;
  /** False for a number that exists here but is not on WhatsApp (usync answers `out`). */
  onWhatsApp = true;

  constructor(
    /** Phone number, digits only. */
    readonly pn: string,
    /** LID user part, digits only. */
    readonly lid: string,
    pushName: string,
  ) {
    this.pushName = pushName;
    this.devices.set(0, new Device(this, 0, 'primary'));
  }

  get primary(): Device {
    return this.devices.get(0)!;
  }

  get pnJid(): string {
    return `${this.pn}@s.whatsapp.net`;
  }

  get lidJid(): string {
    return `${this.lid}@lid`;
  }

  /** Devices that take messages: the primary and the companions still linked. */
  activeDevices(): Device[] {
    return [...this.devices.values()].filter((d) => !d.removed);
  }

  companions(): Device[] {
    return this.activeDevices().filter((d) => d.kind === 'companion');
  }

  addCompanion(): Device {
    // WhatsApp numbers companions from small integers; 99 is reserved for hosted devices.
    let id = 2;
    while (this.devices.has(id) || id === 99) id += 1;
    const device = new Device(this, id, 'companion');
    const keyIndexes = [...this.devices.values()].map((d) => d.keyIndex);
    device.keyIndex = Math.max(0, ...keyIndexes) + 1;
    this.devices.set(id, device);
    return device;
  }
}

export function deviceJid(user: string, server: 's.whatsapp.net' | 'lid', device: number): string {
  return device ? `${user}:${device}@${server}` : `${user}@${server}`;
}

export class Registry {
  private readonly byPn = new Map<string, Account>();
  private readonly byLid = new Map<string, Account>();

  accounts(): IterableIterator<Account> {
    return this.byPn.values();
  }

  account(pn: string): Account | undefined {
    return this.byPn.get(digits(pn));
  }

  /** The account of a number, created on first use. */
  ensure(pn: string, options: { lid?: string; pushName?: string } = {}): Account {
    const number = digits(pn);
    const existing = this.byPn.get(number);
    if (existing) {
      if (options.lid && digits(options.lid) !== existing.lid) {
        throw new Error(`${number} already has LID ${existing.lid}`);
      }
      if (options.pushName) existing.pushName = options.pushName;
      return existing;
    }
    const lid = options.lid ? digits(options.lid) : this.freshLid();
    if (this.byLid.has(lid)) throw new Error(`LID ${lid} is taken`);
    const account = new Account(number, lid, options.pushName ?? `User ${number.slice(-4)}`);
    this.byPn.set(number, account);
    this.byLid.set(lid, account);
    return account;
  }

  /** The account and device a JID names (`user[:device]@s.whatsapp.net|lid`). */
  resolve(
    jid: string | undefined,
  ): { account: Account; device: Device | undefined; viaLid: boolean } | undefined {
    const decoded = jidDecode(jid);
    if (!decoded?.user) return undefined;
    const viaLid = decoded.server === 'lid';
    const account = viaLid
      ? this.byLid.get(decoded.user)
      : decoded.server === 's.whatsapp.net'
        ? this.byPn.get(decoded.user)
        : undefined;
    if (!account) return undefined;
    return { account, device: account.devices.get(decoded.device ?? 0), viaLid };
  }

  private freshLid(): string {
    for (;;) {
      const lid = `${randomInt(100_000, 999_999)}${randomInt(10_000_000, 99_999_999)}`;
      if (!this.byLid.has(lid)) return lid;
    }
  }
}

export function digits(value: string): string {
  const out = value.replace(/\D/g, '');
  if (!out) throw new Error(`not a number: ${value}`);
  return out;
}
