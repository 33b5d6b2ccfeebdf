import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/** PostgreSQL's own log, where `log_statement = 'all'` on a scratch database records each statement. */
export const PG_LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';

export function pgLogReadable(): boolean {
  try {
    return existsSync(PG_LOG) && statSync(PG_LOG).isFile();
  } catch {
    return false;
  }
}

export function pgLogSize(): number {
  return statSync(PG_LOG).size;
}

/**
 * Statements the server logged for `database` between two sizes of the log: simple-protocol
 * statements ("statement: …") and extended-protocol executions ("execute <name>: …").
 */
export function pgLoggedStatements(
  database: string,
  from: number,
  to: number,
): { statements: number; begins: number } {
  const fd = openSync(PG_LOG, 'r');
  try {
    const buffer = Buffer.alloc(to - from);
    readSync(fd, buffer, 0, buffer.length, from);
    let statements = 0;
    let begins = 0;
    const marker = `@${database} LOG:  `;
    for (const line of buffer.toString('utf8').split('\n')) {
      const at = line.indexOf(marker);
      if (at < 0) continue;
      const rest = line.slice(at + marker.length);
      const sql = /^(?:statement|execute [^:]*): (.*)$/.exec(rest)?.[1];
      if (sql === undefined) continue;
      statements++;
      if (/^\s*begin\b/i.test(sql)) begins++;
    }
    return { statements, begins };
  } finally {
    closeSync(fd);
  }
}
