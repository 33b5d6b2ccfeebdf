import { sql, type Transaction } from 'kysely';
import type { Db, Dialect } from './database.js';
import type { Database } from './types.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

/** Most pieces of work one shared transaction takes; the rest go in the next. */
const MAX_GROUP = 64;

interface Waiting {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

/**
 * Group commit for SQLite: the work that arrives while a transaction waits for the connection or
 * runs goes together into the next one, each piece in a savepoint of its own, so one that fails
 * is undone alone while the others commit. Each caller still hears back only after the commit
 * that stored its work. On SQLite a commit costs more than any statement of an accepted message
 * (it writes the WAL), and the one connection runs transactions one after the other anyway;
 * sharing them saves a `begin` and a `commit` per transaction.
 */
export class GroupedTransactions {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        // One turn of the event loop first: the requests that are a statement or two behind
        // (their key and device reads share the one connection) catch up and join. Without it a
        // group held one accepted message on average at 10 and at 50 concurrent requests, with it
        // 10 to 17, and an accept cost half the CPU (docs/performance.md, "Group commit on SQLite").
        await new Promise((resolve) => setImmediate(resolve));
        await this.runGroup();
      }
    } finally {
      this.running = false;
    }
  }

  private async runGroup(): Promise<void> {
    let group: Waiting[] = [];
    const outcomes: Outcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        // Taken once the connection is ours: everything that arrived while waiting for it joins.
        group = this.waiting.splice(0, MAX_GROUP);
        if (group.length === 1) {
          outcomes.push({ ok: true, value: await group[0]!.work(trx) });
          return;
        }
        for (const { work } of group) outcomes.push(await inSavepoint(trx, work));
      });
    } catch (err) {
      // The transaction itself failed (its begin or commit, or a lone piece of work): nothing of
      // it is stored. A begin that failed took no group yet: those waiting hear of it, as they
      // would have with a transaction each.
      if (group.length === 0) group = this.waiting.splice(0, MAX_GROUP);
      for (const waiting of group) waiting.reject(err);
      return;
    }
    group.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.err);
    });
  }
}

async function inSavepoint(trx: Transaction<Database>, work: Work<unknown>): Promise<Outcome> {
  await sql`savepoint grouped_work`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release grouped_work`.execute(trx);
    return { ok: true, value };
  } catch (err) {
    // Undoes this piece only; if the statement cannot run (the transaction is gone), the whole
    // group fails above, as it must.
    await sql`rollback to grouped_work`.execute(trx);
    await sql`release grouped_work`.execute(trx);
    return { ok: false, err };
  }
}

const grouped = new WeakMap<Db, GroupedTransactions>();

/**
 * Runs `work` in a transaction on `ctx.db` and settles once it committed. On SQLite the
 * transaction is shared with the others that arrive together (one group per database handle);
 * accepted messages and new verifications use it. On PostgreSQL each keeps a transaction of its
 * own: there a savepoint is a round trip as dear as the `begin` and `commit` it would save,
 * concurrent transactions commit side by side, and nodes sharing transactions that take row locks
 * in arrival order could deadlock each other.
 *
 * The dispatcher's claims, `sent` records and receipts stay out of these groups. Measured in them
 * (docs/performance.md, "Group commit on SQLite"): a claim that waits for a group of accepts let
 * the queue outgrow the dispatcher, `sent` records gained nothing, and receipts fell behind the
 * hand-offs at 50 concurrent requests. Receipts are batched among themselves (`ReceiptBatcher`).
 */
export function inSharedTransaction<T>(ctx: { db: Db; dialect: Dialect }, work: Work<T>): Promise<T> {
  if (ctx.dialect !== 'sqlite') return ctx.db.transaction().execute(work);
  let runner = grouped.get(ctx.db);
  if (!runner) {
    runner = new GroupedTransactions(ctx.db);
    grouped.set(ctx.db, runner);
  }
  return runner.run(work);
}
