/**
 * Signal keys are read through a cache that lives as long as the engine's auth state, with every
 * write still going to the database at once, in one transaction. Real database (both dialects).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createEngineStateStore } from '../../src/devices/state-store.js';
import { loadAuthState } from '../../src/engines/baileys/auth-state.js';
import type { EngineStateStore } from '../../src/engines/engine.js';
import { TEST_MASTER_KEY } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { bytes } from '../engines/baileys/sample-keys.js';

let db: TestDatabase;
let handle: DatabaseHandle;
const masterKey = Buffer.from(TEST_MASTER_KEY);
const DEVICE = 'dev_01m8cache00000000000000000';
const SESSION = '15551234567.0';

beforeAll(async () => {
  db = await createTestDatabase();
  handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  await migrateToLatest(handle.db, handle.dialect);
  const now = new Date().toISOString();
  await handle.db
    .insertInto('workspaces')
    .values({
      id: 'ws_cache',
      name: 'cache',
      plan: 'selfhosted',
      settings: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await handle.db
    .insertInto('devices')
    .values({
      id: DEVICE,
      workspace_id: 'ws_cache',
      name: 'x',
      engine: 'baileys',
      status: 'connected',
      status_reason: null,
      status_changed_at: now,
      phone: null,
      display_name: null,
      jid: null,
      pacing: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
});
afterAll(async () => {
  await handle.destroy();
  await db.drop();
});

/** The device's database store, counting the reads that reach the database and able to fail writes. */
function countingStore() {
  const real = createEngineStateStore(handle.db, masterKey, DEVICE);
  const reads: string[] = [];
  /** Entries per write call. */
  const writes: number[] = [];
  let failWrites = false;
  const store: EngineStateStore = {
    read: (category, id) => {
      reads.push(category);
      return real.read(category, id);
    },
    readMany: (category, ids) => {
      reads.push(category);
      return real.readMany(category, ids);
    },
    list: (category) => real.list(category),
    write: async (entries) => {
      if (failWrites) throw new Error('database unavailable');
      writes.push(entries.length);
      await real.write(entries);
    },
    clear: () => real.clear(),
  };
  return {
    store,
    reads,
    writes,
    failNextWrites: (on: boolean) => (failWrites = on),
    sessionReads: () => reads.filter((c) => c === 'session').length,
  };
}

/** What the database holds for the session, read afresh (no cache). */
async function sessionInDatabase(): Promise<Buffer | null> {
  const { state } = await loadAuthState(createEngineStateStore(handle.db, masterKey, DEVICE));
  const { [SESSION]: value } = await state.keys.get('session', [SESSION]);
  return value ? Buffer.from(value) : null;
}

describe('Signal key cache', () => {
  it('serves repeated reads of a key from memory, after one database read', async () => {
    await createEngineStateStore(handle.db, masterKey, DEVICE).write([
      {
        category: 'session',
        id: SESSION,
        value: JSON.stringify({ type: 'Buffer', data: [...bytes(40, 1)] }),
      },
    ]);
    const counting = countingStore();
    const { state } = await loadAuthState(counting.store);
    for (let i = 0; i < 5; i += 1) {
      const { [SESSION]: value } = await state.keys.get('session', [SESSION]);
      expect(Buffer.from(value!)).toEqual(bytes(40, 1));
    }
    expect(counting.sessionReads()).toBe(1);
  });

  it('writes through to the database at once, in one transaction, and reads its own writes from memory', async () => {
    const counting = countingStore();
    const { state } = await loadAuthState(counting.store);
    await state.keys.set({
      session: { [SESSION]: bytes(40, 2) },
      'identity-key': { [SESSION]: bytes(33, 3) },
    });
    expect(counting.writes).toEqual([2]);
    expect(await sessionInDatabase()).toEqual(bytes(40, 2));
    const { [SESSION]: cached } = await state.keys.get('session', [SESSION]);
    expect(Buffer.from(cached!)).toEqual(bytes(40, 2));
    expect(counting.sessionReads()).toBe(0);
  });

  it('keeps no pre-keys in memory: hundreds are written at a link, each read at most once', async () => {
    const counting = countingStore();
    const { state } = await loadAuthState(counting.store);
    const preKeys = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        String(i + 1),
        { public: bytes(32, i), private: bytes(32, i + 1) },
      ]),
    );
    await state.keys.set({ 'pre-key': preKeys, session: { [SESSION]: bytes(40, 8) } });
    // Still one write for both kinds.
    expect(counting.writes).toEqual([21]);
    const { '7': preKey } = await state.keys.get('pre-key', ['7']);
    expect(Buffer.from(preKey!.public)).toEqual(bytes(32, 6));
    expect(counting.reads.filter((c) => c === 'pre-key')).toHaveLength(1);
    // The other kinds are still served from memory.
    await state.keys.get('session', [SESSION]);
    expect(counting.sessionReads()).toBe(0);
  });

  it('a write the database refused is not served from memory either', async () => {
    const counting = countingStore();
    const { state } = await loadAuthState(counting.store);
    await state.keys.set({ session: { [SESSION]: bytes(40, 4) } });
    counting.failNextWrites(true);
    await expect(state.keys.set({ session: { [SESSION]: bytes(40, 5) } })).rejects.toThrow(/unavailable/);
    counting.failNextWrites(false);
    const { [SESSION]: value } = await state.keys.get('session', [SESSION]);
    expect(Buffer.from(value!)).toEqual(bytes(40, 4));
    expect(await sessionInDatabase()).toEqual(bytes(40, 4));
  });

  it('a new auth state (a restart, or this node taking the device back) reads the database, not an old cache', async () => {
    const nodeA = await loadAuthState(countingStore().store);
    await nodeA.state.keys.set({ session: { [SESSION]: bytes(40, 6) } });
    // Node B held the lease meanwhile and moved the session on.
    const nodeB = await loadAuthState(countingStore().store);
    await nodeB.state.keys.set({ session: { [SESSION]: bytes(40, 7) } });
    const again = await loadAuthState(countingStore().store);
    const { [SESSION]: value } = await again.state.keys.get('session', [SESSION]);
    expect(Buffer.from(value!)).toEqual(bytes(40, 7));
  });
});
