/** The installation-wide engine store in the database (both dialects): one value for every node. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createEngineSharedStore } from '../../src/devices/shared-state-store.js';
import { WA_VERSION_KEY } from '../../src/engines/baileys/wa-version.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
let nodeA: DatabaseHandle;
let nodeB: DatabaseHandle;

beforeAll(async () => {
  db = await createTestDatabase();
  nodeA = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  await migrateToLatest(nodeA.db, nodeA.dialect);
  nodeB = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
});
afterAll(async () => {
  await nodeA.destroy();
  await nodeB.destroy();
  await db.drop();
});

describe('engine shared state', () => {
  it('keeps one value per key for the whole installation, replaced in place', async () => {
    const a = createEngineSharedStore(nodeA.db);
    const b = createEngineSharedStore(nodeB.db);
    expect(await a.read(WA_VERSION_KEY)).toBeNull();
    await a.write(WA_VERSION_KEY, '2.3000.1023223821');
    expect(await b.read(WA_VERSION_KEY)).toBe('2.3000.1023223821');
    await b.write(WA_VERSION_KEY, '2.3000.1023229999');
    expect(await a.read(WA_VERSION_KEY)).toBe('2.3000.1023229999');
    const rows = await nodeA.db.selectFrom('engine_shared_state').selectAll().execute();
    expect(rows).toHaveLength(1);
  });
});
