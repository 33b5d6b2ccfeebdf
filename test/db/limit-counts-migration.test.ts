import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const MIGRATION = '0021_verification_limit_counts';
let testDb: TestDatabase;
let handle: DatabaseHandle;
// Kysely<any>: the table before this migration is not in today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let before: Kysely<any>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  handle = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  before = handle.db as unknown as Kysely<any>;
  // Everything up to the migration under test: it is marked applied, then unmarked below.
  await before.schema
    .createTable('waping_migrations')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  await before.insertInto('waping_migrations').values({ name: MIGRATION, applied_at: 'x' }).execute();
  await migrateToLatest(handle.db, handle.dialect);
  await before.deleteFrom('waping_migrations').where('name', '=', MIGRATION).execute();
});
afterAll(async () => {
  await handle.destroy();
  await testDb.drop();
});

describe('moving limit actions to counts per second', () => {
  it('carries the last hour over, one count per second, and drops the older actions', async () => {
    const now = Date.now();
    const second = Math.floor(now / 1000) * 1000 - 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    await before
      .insertInto('workspaces')
      .values({
        id: 'ws_m',
        name: 'm',
        plan: 'selfhosted',
        settings: '{}',
        created_at: iso(now),
        updated_at: iso(now),
      })
      .execute();
    const action = (id: string, kind: string, subject: string, at: number) => ({
      id,
      workspace_id: 'ws_m',
      kind,
      subject,
      at: iso(at),
    });
    await before
      .insertInto('verification_limits')
      .values([
        action('a1', 'create', 'ws_m', second + 100),
        action('a2', 'create', 'ws_m', second + 900),
        action('a3', 'create', 'ws_m', second + 1_000),
        action('a4', 'send', '+15550001111', second + 100),
        action('old', 'send', '+15550001111', now - 2 * 3600 * 1000),
      ])
      .execute();

    expect(await migrateToLatest(handle.db, handle.dialect)).toEqual([MIGRATION]);

    const counts = await handle.db
      .selectFrom('verification_limit_counts')
      .select(['kind', 'subject', 'second', 'count'])
      .orderBy('kind')
      .orderBy('second')
      .execute();
    expect(counts).toEqual([
      { kind: 'create', subject: 'ws_m', second: iso(second), count: 2 },
      { kind: 'create', subject: 'ws_m', second: iso(second + 1_000), count: 1 },
      { kind: 'send', subject: '+15550001111', second: iso(second), count: 1 },
    ]);
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('verification_limits');
  });
});
