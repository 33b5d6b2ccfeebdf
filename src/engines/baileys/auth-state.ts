/**
 * Baileys' AuthenticationState kept in the device's EngineStateStore (DESIGN.md §6, §10): the
 * database row is the session, so a device resumes on whichever node holds its lease. Values are
 * serialized with Baileys' own BufferJSON so Buffers survive, exactly as its file store does.
 */
import { BufferJSON, initAuthCreds, proto } from 'baileys';
import type {
  AuthenticationCreds,
  AuthenticationState,
  SignalDataSet,
  SignalDataTypeMap,
  SignalKeyStore,
} from 'baileys';
import type { EngineStateStore } from '../engine.js';
import { cachedKeyStore } from './key-cache.js';

export const CREDS_CATEGORY = 'creds';
export const CREDS_ID = 'me';

/** Every signal key type Baileys 7.0.0-rc14 stores; each is kept under the category of its own name. */
export const SIGNAL_KEY_TYPES = [
  'pre-key',
  'session',
  'sender-key',
  'sender-key-memory',
  'app-state-sync-key',
  'app-state-sync-version',
  'lid-mapping',
  'device-list',
  'tctoken',
  'identity-key',
] as const satisfies ReadonlyArray<keyof SignalDataTypeMap>;

// Fails to compile when a Baileys upgrade adds a key type this list (and the tests) do not know.
type UnlistedKeyType = Exclude<keyof SignalDataTypeMap, (typeof SIGNAL_KEY_TYPES)[number]>;
const _everyKeyTypeListed: [UnlistedKeyType] extends [never] ? true : UnlistedKeyType = true;

export interface StoredAuthState {
  state: AuthenticationState;
  /** Persists the current creds object (Baileys mutates it in place before `creds.update`). */
  saveCreds(): Promise<void>;
  /** Resolves once every creds write started so far has finished (successfully or not). */
  flush(): Promise<void>;
}

const serialize = (value: unknown): string => JSON.stringify(value, BufferJSON.replacer);
const deserialize = (raw: string): unknown => JSON.parse(raw, BufferJSON.reviver) as unknown;

export async function loadAuthState(store: EngineStateStore): Promise<StoredAuthState> {
  const storedCreds = await store.read(CREDS_CATEGORY, CREDS_ID);
  const creds = storedCreds ? (deserialize(storedCreds) as AuthenticationCreds) : initAuthCreds();

  const dbKeys: SignalKeyStore = {
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const found = await store.readMany(type, ids);
      const result: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const id of ids) {
        const raw = found.get(id);
        let value = raw === undefined ? null : deserialize(raw);
        // The app-state code calls protobuf methods on these keys, so they must be real messages again.
        if (type === 'app-state-sync-key' && value) {
          value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
        }
        // Missing ids map to null as in Baileys' reference store: its transaction cache then
        // remembers the miss instead of asking the database again within the transaction.
        result[id] = value as SignalDataTypeMap[T];
      }
      return result;
    },
    async set(data: SignalDataSet) {
      const entries: Array<{ category: string; id: string; value: string | null }> = [];
      for (const [category, values] of Object.entries(data)) {
        for (const [id, value] of Object.entries(values ?? {})) {
          entries.push({ category, id, value: value == null ? null : serialize(value) });
        }
      }
      // One write per call: Baileys commits a transaction's mutations through a single `set`,
      // and a session half-written next to a stale pre-key would break decryption.
      if (entries.length > 0) await store.write(entries);
    },
  };

  // Lives exactly as long as this auth state, i.e. one engine run: see key-cache.ts.
  const keys = cachedKeyStore(dbKeys);

  // Baileys fires creds.update in bursts without awaiting; chaining keeps writes in call order so
  // an older snapshot never lands after a newer one.
  let lastWrite: Promise<void> = Promise.resolve();
  const saveCreds = (): Promise<void> => {
    const value = serialize(creds);
    const write = lastWrite.then(() => store.write([{ category: CREDS_CATEGORY, id: CREDS_ID, value }]));
    lastWrite = write.catch(() => undefined);
    return write;
  };

  return { state: { creds, keys }, saveCreds, flush: () => lastWrite };
}
