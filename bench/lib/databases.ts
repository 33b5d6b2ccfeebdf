import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type BenchDialect = 'sqlite' | 'postgres';

/** Where fresh databases are created; any server where the user may create databases. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database used by one process for one scenario, then thrown away. */
export interface ScratchDatabase {
  dialect: BenchDialect;
  /** A folder for the process's files (the SQLite file lives here). */
  dir: string;
  /** The PostgreSQL URL (postgres only). */
  url?: string;
  /** The PostgreSQL database name (postgres only). */
  name?: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>, adminUrl = PG_ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one scenario; on PostgreSQL made on the server `adminUrl` points at. */
export async function scratchDatabase(
  dialect: BenchDialect,
  label: string,
  adminUrl = PG_ADMIN_URL,
): Promise<ScratchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `waping-bench-${label}-`));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { dialect, dir, drop: async () => removeDir() };
  const name = `waping_bench_${label}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-z0-9_]/g, '_');
  await admin((c) => c.query(`create database ${name}`), adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    dir,
    url: url.toString(),
    name,
    drop: async () => {
      await admin((c) => c.query(`drop database if exists ${name} with (force)`), adminUrl);
      removeDir();
    },
  };
}

/**
 * The planner's statistics of a scratch PostgreSQL database, gathered as autovacuum gathers them
 * within a minute of a table's first thousands of rows. A fresh database has none, and until it
 * has, each connection keeps the plans it made for its named statements while the tables were
 * nearly empty: reading a batch of receipts' messages by `wa_message_id = any(…)` stayed a
 * sequential scan comparing every row with every id, 6 ms a batch at 5,000 messages, in a run of
 * seconds that no production server's first minute outlasts. Nothing to do on SQLite, which WAPing
 * never analyses.
 */
export async function gatherStatistics(db: ScratchDatabase): Promise<void> {
  if (db.dialect !== 'postgres' || !db.url) return;
  await admin((c) => c.query('analyze'), db.url);
}

/** Runs SQL against a scratch PostgreSQL database as the administrator (statement logging, stats). */
export async function adminQuery(sql: string): Promise<pg.QueryResult> {
  return admin((c) => c.query(sql));
}
