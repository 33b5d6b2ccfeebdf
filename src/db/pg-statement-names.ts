import type pg from 'pg';

/** Most statement texts one process names; beyond them statements run unnamed, as before. */
const MAX_NAMED = 256;
/** Texts seen once, remembered so the second run can name them; cleared when it grows past this. */
const MAX_SEEN_ONCE = 4096;

/**
 * Names for the SQL texts a process runs over and over, so PostgreSQL parses each once per
 * connection and can keep its plan. Kysely sends every statement unnamed: the server parses and
 * plans it anew each time, which for our wide inserts and joins cost more of its CPU than running
 * them (docs/performance.md, "Named statements on PostgreSQL, and fewer statements built per
 * call"). A text gets a name the second time it runs, so one-off statements (migrations, lists of
 * varying length) stay unnamed and the names stay few: each costs every connection's backend a
 * little memory for good.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seenOnce = new Set<string>();
  /** Goes up when prepared statements went stale; new names make every connection parse anew. */
  private generation = 0;

  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= MAX_NAMED) return name;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnce.size >= MAX_SEEN_ONCE) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    this.seenOnce.delete(text);
    const named = `waping_${this.generation}_${this.names.size}`;
    this.names.set(text, named);
    return named;
  }

  /** Every name handed out so far is dropped; the texts get new ones (and a new parse) next time. */
  forget(): void {
    this.generation += 1;
    this.names.clear();
    this.seenOnce.clear();
  }

  get size(): number {
    return this.names.size;
  }
}

/**
 * A prepared statement whose tables changed under it so that its rows would have other columns
 * (another node migrated the schema while this one ran): PostgreSQL refuses to run it again.
 */
function isStalePlan(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { code?: unknown }).code === '0A000' &&
    /cached plan must not change result type/.test(String((err as { message?: unknown }).message))
  );
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Runs the statements of `pool`'s clients under the names `names` gives them. Only plain
 * parameterised text queries with a promise (what Kysely sends) are named; cursors, callbacks and
 * statements without parameters (`begin`, `commit`) go through as they came.
 *
 * After a stale plan every name is dropped, so the next run of each statement parses it against
 * the new schema, and the statement is run again unnamed when it was on its own: PostgreSQL refuses
 * it before running it, so nothing happened twice. Inside a transaction it fails (PostgreSQL has
 * aborted the transaction), once per statement at most.
 */
export function nameStatements(pool: pg.Pool, names: StatementNames): void {
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as QueryFn;
    const named: QueryFn = (config, values, callback) => {
      if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0 || callback) {
        return original(config, values, callback);
      }
      const name = names.nameFor(config);
      if (name === undefined) return original(config, values);
      return (original({ name, text: config, values }) as Promise<unknown>).catch((err: unknown) => {
        if (!isStalePlan(err)) throw err;
        names.forget();
        // 'I': idle, no transaction was open, so the refused statement can simply run again.
        if (client.getTransactionStatus() === 'I') return original(config, values);
        throw err;
      });
    };
    (client as unknown as { query: QueryFn }).query = named;
  });
}
