/**
 * One AsyncLocalStorage for every Baileys socket instead of one each.
 *
 * Baileys gives each socket's Signal key store a transaction context held in an AsyncLocalStorage
 * of its own (`addTransactionCapability`, lib/Utils/auth-utils.js), created in `makeWASocket` and
 * never disabled. On Node 20 every enabled AsyncLocalStorage writes one property on every async
 * resource the process creates afterwards (each promise, timer and socket handle), whatever code
 * creates it, and nothing ever removes an instance from that list. With N lines every promise
 * therefore costs N property writes and every pending timer or promise holds N properties: at 100
 * lines about 6 KB per timer and 60 µs per awaited promise, at 500 lines 25 KB and 250 µs, and
 * the sockets of closed connections (each reconnect makes a new one) add to it for good.
 *
 * Here each socket's storage is a slot in one shared AsyncLocalStorage whose store maps slot →
 * value: `run`, `getStore`, `exit` and `enterWith` behave per slot exactly as on a storage of
 * its own (a transaction of one line is never seen by another, even when one runs inside the
 * other's context), the process has one storage however many lines it runs, and a slot is
 * garbage with its socket.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire, syncBuiltinESMExports } from 'node:module';

type Slots = ReadonlyMap<AsyncStorageSlot<unknown>, unknown>;

const shared = new AsyncLocalStorage<Slots>();

/** The AsyncLocalStorage API, one slot of `shared`. */
export class AsyncStorageSlot<T> {
  static bind = AsyncLocalStorage.bind.bind(AsyncLocalStorage);
  static snapshot = AsyncLocalStorage.snapshot.bind(AsyncLocalStorage);
  private disabled = false;

  getStore(): T | undefined {
    if (this.disabled) return undefined;
    return shared.getStore()?.get(this) as T | undefined;
  }

  run<R, A extends unknown[]>(store: T, callback: (...args: A) => R, ...args: A): R {
    this.disabled = false;
    return shared.run(this.withStore(store), callback, ...args);
  }

  exit<R, A extends unknown[]>(callback: (...args: A) => R, ...args: A): R {
    const current = shared.getStore();
    if (!current?.has(this)) return callback(...args);
    const next = new Map(current);
    next.delete(this);
    return shared.run(next, callback, ...args);
  }

  enterWith(store: T): void {
    this.disabled = false;
    shared.enterWith(this.withStore(store));
  }

  disable(): void {
    this.disabled = true;
  }

  private withStore(store: T): Slots {
    const next = new Map(shared.getStore());
    next.set(this, store);
    return next;
  }
}

const asyncHooks = createRequire(import.meta.url)('node:async_hooks') as { AsyncLocalStorage: unknown };

/**
 * Runs `build` (synchronous: `makeWASocket`) with `AsyncLocalStorage`, as modules import it from
 * node:async_hooks, standing for AsyncStorageSlot, and puts the real one back before returning.
 * No other code can run meanwhile, so only storages created by `build` are slots.
 */
export function withSharedAsyncStorage<T>(build: () => T): T {
  const original = asyncHooks.AsyncLocalStorage;
  asyncHooks.AsyncLocalStorage = AsyncStorageSlot;
  // Updates the live bindings of ES modules that imported it (Baileys is one).
  syncBuiltinESMExports();
  try {
    return build();
  } finally {
    asyncHooks.AsyncLocalStorage = original;
    syncBuiltinESMExports();
  }
}
