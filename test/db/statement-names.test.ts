import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { StatementNames } from '../../src/db/pg-statement-names.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

describe('statement names', () => {
  it('names a text the second time it runs, keeps the name, and hands out new ones after forget', () => {
    const names = new StatementNames();
    expect(names.nameFor('select $1')).toBeUndefined();
    const first = names.nameFor('select $1');
    expect(first).toMatch(/^waping_\d+_\d+$/);
    expect(names.nameFor('select $1')).toBe(first);
    expect(names.nameFor('select $1 + 1')).toBeUndefined();
    expect(names.nameFor('select $1 + 1')).not.toBe(first);
    expect(names.size).toBe(2);

    names.forget();
    expect(names.size).toBe(0);
    expect(names.nameFor('select $1')).toBeUndefined();
    const again = names.nameFor('select $1');
    expect(again).toBeDefined();
    expect(again).not.toBe(first);
  });

  it('stops naming past its ceiling: later texts run unnamed, the named keep their names', () => {
    const names = new StatementNames();
    const kept = (() => {
      names.nameFor('select 0 where $1');
      return names.nameFor('select 0 where $1');
    })();
    for (let i = 1; i < 1000; i++) {
      names.nameFor(`select ${i} where $1`);
      names.nameFor(`select ${i} where $1`);
    }
    expect(names.size).toBe(256);
    expect(names.nameFor('select 999 where $1')).toBeUndefined();
    expect(names.nameFor('select 0 where $1')).toBe(kept);
  });
});

describe('statements on the database', () => {
  let db: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection, so the session that prepared a statement is the one asked about it.
    handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir, poolSize: 1 });
    await sql`create table names_probe (id text primary key, a text)`.execute(handle.db);
    await sql`insert into names_probe (id, a) values ('one', 'first')`.execute(handle.db);
  });
  afterAll(async () => {
    await handle.destroy();
    await db.drop();
  });

  const readRow = async (id: string) =>
    (await sql<Record<string, unknown>>`select * from names_probe where id = ${id}`.execute(handle.db)).rows;

  it('on PostgreSQL, a repeated statement is prepared once under its name', async () => {
    for (let i = 0; i < 3; i++) expect(await readRow('one')).toEqual([{ id: 'one', a: 'first' }]);
    if (handle.dialect !== 'postgres') return;
    const prepared = await sql<{ name: string; statement: string }>`
      select name, statement from pg_prepared_statements`.execute(handle.db);
    expect(prepared.rows.map((r) => r.statement)).toContain('select * from names_probe where id = $1');
    expect(prepared.rows.find((r) => r.statement.includes('names_probe'))?.name).toMatch(/^waping_/);
  });

  it('after the table changed under a prepared statement, a statement on its own is run again and sees the new column', async () => {
    await readRow('one');
    // Another node migrating the schema while this one runs.
    await sql`alter table names_probe add column b text default 'new'`.execute(handle.db);
    expect(await readRow('one')).toEqual([{ id: 'one', a: 'first', b: 'new' }]);
    expect(await readRow('one')).toEqual([{ id: 'one', a: 'first', b: 'new' }]);
  });

  it('inside a transaction it fails once, and the statement works again afterwards', async () => {
    await readRow('one');
    await readRow('one');
    await sql`alter table names_probe add column c text default 'newer'`.execute(handle.db);
    const inTransaction = await handle.db
      .transaction()
      .execute(async (trx) => (await sql`select * from names_probe where id = ${'one'}`.execute(trx)).rows)
      .then(
        (rows) => ({ rows }),
        (err: unknown) => ({ code: (err as { code?: string }).code }),
      );
    const row = { id: 'one', a: 'first', b: 'new', c: 'newer' };
    if (handle.dialect === 'postgres') expect(inTransaction).toEqual({ code: '0A000' });
    else expect(inTransaction).toEqual({ rows: [row] });
    expect(await readRow('one')).toEqual([row]);
    // Prepared anew, not refused again: the next transaction runs it.
    const again = await handle.db
      .transaction()
      .execute(async (trx) => (await sql`select * from names_probe where id = ${'one'}`.execute(trx)).rows);
    expect(again).toEqual([row]);
  });

  it('unnamed when turned off (behind a pooler that keeps no prepared statements)', async () => {
    const plain = openDatabase({
      databaseUrl: db.databaseUrl,
      dataDir: db.dataDir,
      poolSize: 1,
      namedStatements: false,
    });
    try {
      for (let i = 0; i < 3; i++) {
        await sql`select a from names_probe where id = ${'one'}`.execute(plain.db);
      }
      if (plain.dialect !== 'postgres') return;
      const prepared = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(plain.db);
      expect(prepared.rows).toEqual([]);
    } finally {
      await plain.destroy();
    }
  });
});
