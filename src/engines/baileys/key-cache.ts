/**
 * Signal keys read through memory: without a cache every Signal operation is a database read plus
 * a decryption. Baileys' own cacheable store does the caching; this file supplies its cache and
 * guards the one thing it gets wrong for us.
 *
 * Correctness across nodes: the cache belongs to one auth state, which the engine builds at start
 * and drops at stop, so it never outlives the engine. Only the holder of the device's lease runs
 * the engine; a node that loses the lease stops it, and a node that gets the device (back) starts
 * with an empty cache and reads the database. Writes are never held back: each `set` goes to the
 * database at once, as the single atomic write it was before.
 */
import { makeCacheableSignalKeyStore } from 'baileys';
import type { CacheStore, SignalKeyStore } from 'baileys';

/** How long a key is served from memory (Baileys' own default for its signal store). */
export const KEY_CACHE_TTL_MS = 5 * 60_000;
/** Expired entries are swept every this many reads and writes, so idle keys do not pile up. */
const SWEEP_EVERY = 256;

/**
 * A TTL map without a timer. Baileys' default (node-cache) starts an interval per instance that
 * is only stopped by `close()`, which its store never calls: one leaked timer and cache per
 * engine restart. This one is garbage like any object once the engine drops it.
 */
class TtlCache implements CacheStore {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();
  private operations = 0;

  get<T>(key: string): T | undefined {
    if (++this.operations % SWEEP_EVERY === 0) this.sweep();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  set<T>(key: string, value: T): void {
    this.entries.set(key, { value, expiresAt: Date.now() + KEY_CACHE_TTL_MS });
    if (++this.operations % SWEEP_EVERY === 0) this.sweep();
  }

  del(key: string): void {
    this.entries.delete(key);
  }

  flushAll(): void {
    this.entries.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

/** `store` with reads cached for the lifetime of the returned store, writes straight through. */
export function cachedKeyStore(store: SignalKeyStore): SignalKeyStore {
  const cache = new TtlCache();
  const writeThrough: SignalKeyStore = {
    get: (type, ids) => store.get(type, ids),
    async set(data) {
      try {
        await store.set(data);
      } catch (err) {
        // Baileys updates its cache before it calls the database: what the database refused must
        // not be served from memory. Failures are rare, so forgetting everything is the simple way.
        cache.flushAll();
        throw err;
      }
    },
  };
  const cached = makeCacheableSignalKeyStore(writeThrough, undefined, cache);
  return {
    async get(type, ids) {
      // Pre-keys are read from the database, never kept (see set).
      const found = await (type === 'pre-key' ? store.get(type, ids) : cached.get(type, ids));
      // Baileys' cacheable store drops misses; its transaction layer only remembers a miss that is
      // present as null, and would otherwise ask the database again within the same transaction.
      for (const id of ids) if (!(id in found)) found[id] = null as unknown as (typeof found)[string];
      return found;
    },
    async set(data) {
      await cached.set(data);
      // Pre-keys are written in hundreds at a link (812 with Baileys' defaults) and each is read
      // at most once, when a contact opens a session: kept in memory they held megabytes per idle
      // line. They still go to the database in the same single write as the rest.
      for (const id of Object.keys(data['pre-key'] ?? {})) cache.del(`pre-key.${id}`);
    },
  };
}
