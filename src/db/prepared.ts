import type { CompiledQuery, Compilable, QueryResult } from 'kysely';
import type { Db, DbOrTx } from './database.js';

/**
 * A placeholder for an argument while a prepared query is built: a string no caller would pass,
 * so after compiling, the parameters that are placeholders can be told from the query's constants.
 */
const PLACEHOLDER = '\u0000waping-arg:';

type Placeholders<Args> = { readonly [K in keyof Args]: Args[K] };

interface Compiled {
  query: CompiledQuery;
  /** For each parameter of the compiled SQL: the argument it takes, or undefined for a constant. */
  slots: Array<string | undefined>;
}

/**
 * A query on the hot path built and compiled to SQL once per database instead of on every call.
 * Kysely rebuilds and recompiles a query each time it runs, which costs more than SQLite takes to
 * run most of ours; a prepared query costs a parameter list. `build` gets placeholders where the
 * arguments go (use them as values only: not in `is null` tests, limits that change the SQL, or
 * lists whose length varies) and must build the same SQL whatever the arguments are.
 */
export function preparedQuery<Args extends object, Row>(
  build: (db: Db, args: Placeholders<Args>) => Compilable<Row>,
): (db: DbOrTx, args: Args) => Promise<QueryResult<Row>> {
  // Per database (its adapter): SQLite and PostgreSQL compile the same query to different SQL.
  const compiledFor = new WeakMap<object, Compiled>();
  const placeholders = new Proxy({} as Placeholders<Args>, {
    get: (_target, name) => `${PLACEHOLDER}${String(name)}`,
  });
  return async (db, args) => {
    const executor = db.getExecutor();
    let compiled = compiledFor.get(executor.adapter);
    if (!compiled) {
      const query = build(db as Db, placeholders).compile();
      const slots = query.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(PLACEHOLDER) ? p.slice(PLACEHOLDER.length) : undefined,
      );
      compiled = { query, slots };
      compiledFor.set(executor.adapter, compiled);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((slot, i) => {
      if (slot === undefined) return query.parameters[i];
      const value = (args as Record<string, unknown>)[slot];
      // better-sqlite3 binds no undefined; a missing argument is a bug in the caller, not a NULL.
      if (value === undefined) throw new Error(`prepared query: no value for "${slot}"`);
      return value;
    });
    return db.executeQuery({ ...query, parameters } as CompiledQuery<Row>);
  };
}
