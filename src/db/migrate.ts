import { sql, type Kysely } from 'kysely';
import type { Dialect } from './database.js';
import { migrations } from './migrations/index.js';

/**
 * Applies pending migrations in name order, each in its own transaction together with its
 * bookkeeping row. On PostgreSQL an advisory lock serialises nodes starting at once; on SQLite
 * the write lock does the same. Migrations never import application code (they are frozen).
 */
// Kysely<any>: migrations see the schema as it was when they were written, not today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  await db.schema
    .createTable('waping_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: string[] = [];
  for (const [name, migration] of Object.entries(migrations).sort(([a], [b]) => a.localeCompare(b))) {
    const done = await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
      const row = await trx
        .selectFrom('waping_migrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (row) return false;
      await migration.up(trx, dialect);
      await trx
        .insertInto('waping_migrations')
        .values({ name, applied_at: new Date().toISOString() })
        .execute();
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
