import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type Compilable,
  type RawBuilder,
  type QueryCreator,
  type SqliteDatabase,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { nameStatements, StatementNames } from './pg-statement-names.js';
import type { Database } from './types.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** Store functions take either the database or an open transaction, so a caller can make several writes one transaction. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;
/**
 * Something a caller needs done inside the transaction that creates a resource, given its id
 * (the idempotency layer records there which resource a request created). Throwing rolls the
 * creation back.
 */
export type CreationHook = ((trx: Transaction<Database>, resourceId: string) => Promise<void>) & {
  /** The same write as one part of a statement a store makes of its own, where one can. */
  readonly inStatement?: CreationWrite;
};

/**
 * A CreationHook's write as data-modifying parts of a statement that creates the resource
 * (PostgreSQL's accept statement for a message, committed on its own): the statement then costs
 * one round trip where a transaction with the hook costs four.
 */
export interface CreationWrite {
  /**
   * The writes, in order, each built once (the statement is built once per list of part names).
   * A statement with a `required` part that returned no row undoes itself, and the store creates
   * the resource in a transaction that calls the hook, which then throws or writes as it would
   * have.
   */
  parts: readonly CreationPart[];
  /**
   * This call's values for each part's placeholders, by name, once the new resource's id is
   * known (the store's to give, before its statement).
   */
  args(resourceId: string): ReadonlyArray<Readonly<Record<string, unknown>>>;
  /**
   * When a part also stores the request's answer (the idempotency key's answer for replay, so it
   * needs no statement after the response): further values every part's placeholders may read,
   * from the resource as the request will answer with it, which the store gives before its
   * statement, and the call that says the statement committed (the answer is then not stored
   * again).
   */
  answer?: {
    args(resource: unknown): Readonly<Record<string, unknown>>;
    stored(): void;
  };
  /** Called once the statement committed, with the rows each part returned (as JSON). */
  returned?(rows: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>): void;
}

export interface CreationPart {
  /** Says what the part writes; two parts of one list never share it. */
  name: string;
  /**
   * The write, built from placeholders as a prepared query is (db/prepared.ts) and the same for
   * every call, returning the rows it wrote. `earlier` names the rows an earlier part of the list
   * wrote, by that part's name: PostgreSQL runs the parts of one statement in no set order, and a
   * part that reads another's rows runs after it.
   */
  build(
    db: QueryCreator<Database>,
    args: Readonly<Record<string, unknown>>,
    earlier: (part: string) => RawBuilder<unknown>,
  ): Compilable<unknown>;
  /** No row returned means the write could not be made (a retry took the key's claim over). */
  required: boolean;
}

/** A CreationPart's `earlier` when it is built on its own, with no part before it. */
export const noEarlierPart = (part: string): never => {
  throw new Error(`No part ${part} before this one`);
};

/** Runs `work` in `db` if it is a transaction already, else in a new one. */
export async function inTransaction<T>(db: DbOrTx, work: (trx: DbOrTx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export interface DatabaseHandle {
  db: Db;
  /**
   * For work that runs beside the requests (device dispatchers, receipts, bus notifications): on
   * PostgreSQL a pool of its own, so a burst of requests queued for the main pool never holds a
   * hand-off back, and a busy dispatcher never holds a request back. On SQLite the same handle
   * (one connection; writes take turns whichever pool they came from).
   */
  background: Db;
  dialect: Dialect;
  /** Where it lives, for logs: a file path or the PostgreSQL URL without its password. */
  location: string;
  destroy(): Promise<void>;
}

// COUNT(*) and SUM() come back as int8; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL: run repeated statements under names (see pg-statement-names.ts). On by default. */
  namedStatements?: boolean;
}): DatabaseHandle {
  if (options.databaseUrl) {
    // One set of names for both pools: a name means the same text on every connection.
    const names = options.namedStatements === false ? null : new StatementNames();
    const db = postgresPool(options.databaseUrl, options.poolSize ?? 10, names);
    const background = postgresPool(options.databaseUrl, BACKGROUND_POOL_SIZE, names);
    const url = new URL(options.databaseUrl);
    url.password = url.password ? '***' : '';
    return {
      db,
      background,
      dialect: 'postgres',
      location: url.toString(),
      destroy: async () => {
        await Promise.all([db.destroy(), background.destroy()]);
      },
    };
  }
  // The database holds customer numbers and messages: readable by this user only.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = join(options.dataDir, 'waping.db');
  const sqlite = new SQLite(file);
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // The CLI and the server may write the same file at once: wait for the lock instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, background: db, dialect: 'sqlite', location: file, destroy: () => db.destroy() };
}

/** Connections of the background pool: dispatchers hold one only for a statement or a short transaction. */
const BACKGROUND_POOL_SIZE = 4;

function postgresPool(connectionString: string, max: number, names: StatementNames | null): Db {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  if (names) nameStatements(pool, names);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing costs more than running most of ours. Queries
 * come from a few hundred builders, so their SQL texts repeat: keep the prepared statements,
 * least recently used out first. (better-sqlite3 statements are reusable and re-prepare
 * themselves after a schema change.)
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
