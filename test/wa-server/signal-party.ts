/**
 * The Signal identity of one simulated device (a contact's phone, the line's own phone). It is
 * built from Baileys' own libsignal repository on an in-memory key store, so a simulated device
 * decrypts exactly what the client under test encrypted, with real sessions, pre-keys and ratchets:
 * a message the client garbles cannot be read back here.
 *
 * Sessions are keyed by an address the owner chooses (the peer device's phone-number JID, see
 * SimulatedDevice.addressOf), kept consistent on this side only; the client keys its own sessions
 * however it likes (by LID in Baileys 7).
 */
import {
  addTransactionCapability,
  Curve,
  DEFAULT_CONNECTION_CONFIG,
  encodeWAMessage,
  generateSignalPubKey,
  initAuthCreds,
  proto,
  signedKeyPair,
  unpadRandomMax16,
} from 'baileys';
import type {
  AuthenticationCreds,
  KeyPair,
  SignalDataSet,
  SignalDataTypeMap,
  SignalKeyStore,
  SignalRepositoryWithLIDStore,
} from 'baileys';
import { inspect } from 'node:util';
import pino from 'pino';
import type { KeyBundle, PublishedKeys } from './registry.js';
import { withSharedAsyncStorage } from '../../src/engines/baileys/shared-async-storage.js';

/** One-time pre-keys a simulated device publishes (refilled when it runs low). */
const PRE_KEYS = 30;

function memoryKeyStore(data: Map<string, Map<string, unknown>>): SignalKeyStore {
  return {
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const bucket = data.get(type);
      const out: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const id of ids) {
        const value = bucket?.get(id);
        if (value !== undefined) out[id] = value as SignalDataTypeMap[T];
      }
      return out;
    },
    async set(update: SignalDataSet) {
      for (const [type, values] of Object.entries(update)) {
        const bucket = data.get(type) ?? new Map<string, unknown>();
        data.set(type, bucket);
        for (const [id, value] of Object.entries(values ?? {})) {
          if (value == null) bucket.delete(id);
          else bucket.set(id, value);
        }
      }
    },
  };
}

export class SignalParty {
  readonly creds: AuthenticationCreds;
  private readonly keys: SignalKeyStore;
  private readonly data = new Map<string, Map<string, unknown>>();
  private readonly repo: SignalRepositoryWithLIDStore;
  private nextPreKeyId = 1;

  /** @param identity the identity key pair; a primary phone's is its ADV account key. */
  constructor(identity?: KeyPair) {
    const fresh = initAuthCreds();
    // A primary phone's Signal identity is its account key, its signed pre-key signed with it.
    const creds: AuthenticationCreds = identity
      ? { ...fresh, signedIdentityKey: identity, signedPreKey: signedKeyPair(identity, 1) }
      : fresh;
    this.creds = creds;
    const logger = pino({ level: 'silent' });
    // A slot of one shared AsyncLocalStorage, as WAPing gives its sockets: hundreds of phones and
    // contacts with a storage each would slow every promise in this process (and a bench with it).
    this.keys = withSharedAsyncStorage(() =>
      addTransactionCapability(memoryKeyStore(this.data), logger, {
        maxCommitRetries: 1,
        delayBetweenTriesMs: 0,
      }),
    );
    this.repo = DEFAULT_CONNECTION_CONFIG.makeSignalRepository({ creds, keys: this.keys }, logger);
  }

  get identityPublic(): Buffer {
    return Buffer.from(this.creds.signedIdentityKey.public);
  }

  /** Generates fresh one-time pre-keys and returns what to publish on the server. */
  async publish(into?: PublishedKeys): Promise<PublishedKeys> {
    const fresh: Record<string, KeyPair> = {};
    const published = into ?? {
      registrationId: this.creds.registrationId,
      identity: this.identityPublic,
      signedPreKey: {
        id: this.creds.signedPreKey.keyId,
        public: Buffer.from(this.creds.signedPreKey.keyPair.public),
        signature: Buffer.from(this.creds.signedPreKey.signature),
      },
      preKeys: new Map<number, Buffer>(),
    };
    for (let i = 0; i < PRE_KEYS; i++) {
      const id = this.nextPreKeyId++;
      const pair = Curve.generateKeyPair();
      fresh[String(id)] = pair;
      published.preKeys.set(id, Buffer.from(pair.public));
    }
    await this.keys.set({ 'pre-key': fresh });
    return published;
  }

  /**
   * Every stored Signal session printed the way a careless `console.log` would print it (root
   * keys, chain keys, ratchet private keys and all). Only for checking that a key-material search
   * really finds such a print; never log it.
   */
  sessionPrints(): string[] {
    return [...(this.data.get('session')?.values() ?? [])].map((record) => inspect(record, { depth: 8 }));
  }

  async hasSession(address: string): Promise<boolean> {
    return (await this.repo.validateSession(address)).exists;
  }

  async startSession(address: string, bundle: KeyBundle): Promise<void> {
    await this.repo.injectE2ESession({
      jid: address,
      session: {
        registrationId: bundle.registrationId,
        identityKey: generateSignalPubKey(bundle.identity),
        signedPreKey: {
          keyId: bundle.signedPreKey.id,
          publicKey: generateSignalPubKey(bundle.signedPreKey.public),
          signature: bundle.signedPreKey.signature,
        },
        ...(bundle.preKey
          ? { preKey: { keyId: bundle.preKey.id, publicKey: generateSignalPubKey(bundle.preKey.public) } }
          : {}),
      },
    });
  }

  async encrypt(
    address: string,
    message: proto.IMessage,
  ): Promise<{ type: 'pkmsg' | 'msg'; ciphertext: Uint8Array }> {
    return this.repo.encryptMessage({ jid: address, data: encodeWAMessage(message) });
  }

  async decrypt(address: string, type: 'pkmsg' | 'msg', ciphertext: Uint8Array): Promise<proto.Message> {
    const padded = await this.repo.decryptMessage({ jid: address, type, ciphertext });
    return proto.Message.decode(unpadRandomMax16(padded));
  }
}
