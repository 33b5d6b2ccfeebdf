import { BufferJSON } from 'baileys';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createEngineStateStore } from '../../src/devices/state-store.js';
import { loadAuthState, SIGNAL_KEY_TYPES } from '../../src/engines/baileys/auth-state.js';
import { TEST_MASTER_KEY } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { bytes, sampleKeys } from '../engines/baileys/sample-keys.js';
import { makeDevice } from '../helpers/factories.js';

let db: TestDatabase;
const masterKey = Buffer.from(TEST_MASTER_KEY);
const DEVICE = 'dev_01m8state000000000000000000';

beforeAll(async () => {
  db = await createTestDatabase();
  const handle = open();
  await migrateToLatest(handle.db, handle.dialect);
  const now = new Date().toISOString();
  await handle.db
    .insertInto('workspaces')
    .values({
      id: 'ws_state',
      name: 'state',
      plan: 'selfhosted',
      settings: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await makeDevice(handle.db, {
    id: DEVICE,
    workspace_id: 'ws_state',
    name: 'x',
    engine: 'baileys',
    status: 'connected',
    status_changed_at: now,
    pacing: '{}',
    created_at: now,
    updated_at: now,
  });
  await handle.destroy();
});
afterAll(async () => {
  await db.drop();
});

function open(): DatabaseHandle {
  return openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
}

describe('WhatsApp session state in the database', () => {
  it('round-trips creds and every Baileys key type, encrypted at rest, across a restart', async () => {
    const first = open();
    const auth = await loadAuthState(createEngineStateStore(first.db, masterKey, DEVICE));
    auth.state.creds.me = { id: '15551234567:3@s.whatsapp.net', name: 'Acme Support' };
    auth.state.creds.routingInfo = bytes(10, 11);
    await auth.saveCreds();
    await auth.flush();
    const data = sampleKeys();
    await auth.state.keys.set(data);

    // Nothing readable is stored: no names, no key bytes, not even their base64 form.
    const rows = await sql<{
      category: string;
      key_id: string;
      value: string;
    }>`select category, key_id, value from engine_state`.execute(first.db);
    expect(new Set(rows.rows.map((r) => r.category))).toEqual(new Set(['creds', ...SIGNAL_KEY_TYPES]));
    const stored = rows.rows.map((r) => r.value).join('\n');
    expect(stored).not.toContain('Acme Support');
    expect(stored).not.toContain(auth.state.creds.noiseKey.private.toString());
    expect(stored).not.toContain(Buffer.from(auth.state.creds.noiseKey.private).toString('base64'));
    expect(stored).not.toContain(bytes(32, 5).toString('base64'));
    expect(rows.rows.every((r) => r.value.startsWith('v1.'))).toBe(true);
    await first.destroy();

    const second = open();
    const again = await loadAuthState(createEngineStateStore(second.db, masterKey, DEVICE));
    expect(again.state.creds.me).toEqual({ id: '15551234567:3@s.whatsapp.net', name: 'Acme Support' });
    expect(Buffer.from(again.state.creds.noiseKey.private)).toEqual(
      Buffer.from(auth.state.creds.noiseKey.private),
    );
    for (const type of SIGNAL_KEY_TYPES) {
      const expected = data[type]!;
      const got = await again.state.keys.get(type, Object.keys(expected));
      expect(JSON.stringify(got, BufferJSON.replacer)).toEqual(JSON.stringify(expected, BufferJSON.replacer));
    }

    // The wrong master key cannot read it, and a row moved to another key id does not decrypt.
    const wrong = createEngineStateStore(
      second.db,
      Buffer.from('another-master-key-0123456789abcdefghij'),
      DEVICE,
    );
    await expect(wrong.read('creds', 'me')).rejects.toThrow();
    const store = createEngineStateStore(second.db, masterKey, DEVICE);
    const preKey = await second.db
      .selectFrom('engine_state')
      .select('value')
      .where('category', '=', 'pre-key')
      .executeTakeFirstOrThrow();
    await second.db
      .insertInto('engine_state')
      .values({
        device_id: DEVICE,
        category: 'pre-key',
        key_id: 'moved',
        value: preKey.value,
        updated_at: new Date().toISOString(),
      })
      .execute();
    await expect(store.read('pre-key', 'moved')).rejects.toThrow();

    await store.clear();
    expect(await second.db.selectFrom('engine_state').select('key_id').execute()).toEqual([]);
    await second.destroy();
  });

  it('writes one entry without a transaction around it, several in one', async () => {
    const handle = open();
    const transaction = handle.db.transaction.bind(handle.db);
    let opened = 0;
    handle.db.transaction = () => {
      opened += 1;
      return transaction();
    };
    try {
      const store = createEngineStateStore(handle.db, masterKey, DEVICE);
      // One statement is atomic on its own: a begin and a commit would be two more round trips.
      await store.write([{ category: 'probe', id: 'one', value: 'a' }]);
      expect(opened).toBe(0);
      await store.write([
        { category: 'probe', id: 'two', value: 'b' },
        { category: 'probe', id: 'one', value: null },
      ]);
      expect(opened).toBe(1);
      expect(Object.fromEntries(await store.list('probe'))).toEqual({ two: 'b' });

      // Values only (a burst's sent records, a batch of signal keys): one statement, no
      // transaction; a key given twice keeps its last value, as two writes in turn would.
      await store.write([
        { category: 'probe', id: 'three', value: 'c' },
        { category: 'probe', id: 'two', value: 'b2' },
        { category: 'probe', id: 'three', value: 'c2' },
        { category: 'other', id: 'three', value: 'x' },
      ]);
      expect(opened).toBe(1);
      expect(Object.fromEntries(await store.list('probe'))).toEqual({ two: 'b2', three: 'c2' });
      expect(await store.read('other', 'three')).toBe('x');
    } finally {
      handle.db.transaction = transaction;
      await handle.destroy();
    }
  });
});
