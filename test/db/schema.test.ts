import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let db: TestDatabase;
let handle: DatabaseHandle;

beforeAll(async () => {
  db = await createTestDatabase();
  handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  await migrateToLatest(handle.db, handle.dialect);
});
afterAll(async () => {
  await handle.destroy();
  await db.drop();
});

/** The schema as SQLite stores it: every table and index with its SQL, one per line. */
async function sqliteSchema(): Promise<string> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master
    where name not like 'sqlite_%'
    order by type, name`.execute(handle.db);
  return rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`).join('\n') + '\n';
}

/** The schema as PostgreSQL describes it: columns, constraints and indexes, in a stable order. */
async function postgresSchema(): Promise<string> {
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type
      || case when is_nullable = 'NO' then ' not null' else '' end
      || coalesce(' default ' || column_default, '') as line
    from information_schema.columns where table_schema = 'public'
    order by table_name, ordinal_position`.execute(handle.db);
  const constraints = await sql<{ line: string }>`
    select rel.relname || ' ' || con.conname || ': ' || pg_get_constraintdef(con.oid) as line
    from pg_constraint con join pg_class rel on rel.oid = con.conrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    where ns.nspname = 'public'
    order by rel.relname, con.conname`.execute(handle.db);
  const indexes = await sql<{ line: string }>`
    select indexdef as line from pg_indexes where schemaname = 'public' order by tablename, indexname`.execute(
    handle.db,
  );
  const section = (title: string, rows: Array<{ line: string }>) =>
    [`-- ${title}`, ...rows.map((r) => r.line)].join('\n');
  return (
    [
      section('columns', columns.rows),
      section('constraints', constraints.rows),
      section('indexes', indexes.rows),
    ].join('\n\n') + '\n'
  );
}

describe('the schema after every migration', () => {
  it('is the committed snapshot (a schema change is a new migration and an updated snapshot)', async () => {
    if (handle.dialect === 'sqlite') {
      await expect(await sqliteSchema()).toMatchFileSnapshot('./schema.sqlite.snap.sql');
    } else {
      await expect(await postgresSchema()).toMatchFileSnapshot('./schema.postgres.snap.sql');
    }
  });
});
