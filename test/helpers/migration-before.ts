import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** A database with every migration applied but `migration`, to write rows as they were before it. */
export interface DatabaseBefore {
  handle: DatabaseHandle;
  /** Kysely<any>: the tables before the migration are not in today's types. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  before: Kysely<any>;
}

/**
 * For a migration test file: a fresh database, migrated to the latest but `migration` before the
 * file's tests (it is marked applied for that run, then unmarked, so the next `migrateToLatest`
 * applies it alone), dropped after them.
 */
export function databaseBefore(migration: string): () => DatabaseBefore {
  let testDb: TestDatabase;
  let opened: DatabaseBefore | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    const handle = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const before = handle.db as unknown as Kysely<any>;
    await before.schema
      .createTable('waping_migrations')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    await before.insertInto('waping_migrations').values({ name: migration, applied_at: 'x' }).execute();
    await migrateToLatest(handle.db, handle.dialect);
    await before.deleteFrom('waping_migrations').where('name', '=', migration).execute();
    opened = { handle, before };
  });
  afterAll(async () => {
    await opened?.handle.destroy();
    await testDb?.drop();
  });
  return () => {
    if (!opened) throw new Error('the database is opened before the tests');
    return opened;
  };
}
