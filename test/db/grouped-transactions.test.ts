import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { GroupedTransactions, inSharedTransaction } from '../../src/db/grouped-transactions.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let testDb: TestDatabase;
let handle: DatabaseHandle;
/** A second connection: sees only what was committed. */
let other: DatabaseHandle;

beforeAll(async () => {
  testDb = await createTestDatabase();
  handle = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
  other = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
  await sql`create table grouped_probe (id text primary key)`.execute(handle.db);
});
beforeEach(async () => {
  await sql`delete from grouped_probe`.execute(handle.db);
});
afterAll(async () => {
  await other.destroy();
  await handle.destroy();
  await testDb.drop();
});

type Trx = Parameters<Parameters<GroupedTransactions['run']>[0]>[0];

async function insert(trx: Trx, id: string): Promise<void> {
  await sql`insert into grouped_probe (id) values (${id})`.execute(trx);
}

async function committed(): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from grouped_probe order by id`.execute(other.db);
  return rows.map((r) => r.id);
}

function gate(): { opened: Promise<void>; open(): void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('grouped transactions', () => {
  it('answer each piece of work only after the commit that stored it, with its own result', async () => {
    const grouped = new GroupedTransactions(handle.db);
    const reached = gate();
    const held = gate();
    const answered: string[] = [];
    const runs = ['a', 'b', 'c'].map((id) =>
      grouped
        .run(async (trx) => {
          await insert(trx, id);
          if (id === 'c') {
            reached.open();
            await held.opened;
          }
          const { rows } = await sql<{ n: number }>`select count(*) as n from grouped_probe`.execute(trx);
          return `${id}:${Number(rows[0]!.n)}`;
        })
        .then((result) => {
          answered.push(result);
          return result;
        }),
    );
    // Started together, they share one transaction: while the last is held, the first two are
    // written but neither committed nor answered.
    await reached.opened;
    expect(answered).toEqual([]);
    expect(await committed()).toEqual([]);
    held.open();
    expect(await Promise.all(runs)).toEqual(['a:1', 'b:2', 'c:3']);
    expect(await committed()).toEqual(['a', 'b', 'c']);
  });

  it('undo a piece that fails alone; the others commit', async () => {
    const grouped = new GroupedTransactions(handle.db);
    const runs = ['a', 'b', 'c'].map((id) =>
      grouped.run(async (trx) => {
        await insert(trx, id);
        if (id === 'b') throw new Error('b refused');
        return id;
      }),
    );
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      'a',
      'b refused',
      'c',
    ]);
    expect(await committed()).toEqual(['a', 'c']);
  });

  it('keep a failed statement to its own piece (a duplicate key)', async () => {
    const grouped = new GroupedTransactions(handle.db);
    const runs = ['a', 'a', 'b'].map((id) => grouped.run((trx) => insert(trx, id)));
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await committed()).toEqual(['a', 'b']);
  });

  it('fail the whole group when a piece ends the transaction, and store none of it', async () => {
    const grouped = new GroupedTransactions(handle.db);
    const runs = ['a', 'b', 'c'].map((id) =>
      grouped.run(async (trx) => {
        await insert(trx, id);
        if (id === 'b') await sql`rollback`.execute(trx);
      }),
    );
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await committed()).toEqual([]);
  });

  it('give a lone piece of work a transaction of its own, and its own error', async () => {
    const grouped = new GroupedTransactions(handle.db);
    await expect(
      grouped.run(async (trx) => {
        await insert(trx, 'lone');
        throw new Error('lone refused');
      }),
    ).rejects.toThrow('lone refused');
    expect(await committed()).toEqual([]);
    await grouped.run((trx) => insert(trx, 'next'));
    expect(await committed()).toEqual(['next']);
  });

  it('through inSharedTransaction: one group per handle on SQLite, a transaction each on PostgreSQL', async () => {
    const ctx = { db: handle.db, dialect: handle.dialect };
    const reached = gate();
    const held = gate();
    let firstAnswered = false;
    const first = inSharedTransaction(ctx, (trx) => insert(trx, 'first')).then(() => {
      firstAnswered = true;
    });
    const second = inSharedTransaction(ctx, async (trx) => {
      await insert(trx, 'second');
      reached.open();
      await held.opened;
    });
    await reached.opened;
    if (handle.dialect === 'sqlite') {
      // One group: the first ran before the second and is stored and answered with it, not before.
      expect(firstAnswered).toBe(false);
      expect(await committed()).toEqual([]);
    } else {
      await first;
      expect(await committed()).toEqual(['first']);
    }
    held.open();
    await Promise.all([first, second]);
    expect(await committed()).toEqual(['first', 'second']);
  });
});
