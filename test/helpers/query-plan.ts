import { sql, type Compilable } from 'kysely';
import type { TestApp } from './app.js';

/**
 * The plan of a query as text, on the test app's dialect. PostgreSQL is told to avoid sequential
 * scans and sorts, so on an empty table it still shows whether an index can serve the query in
 * its order: a Sort or a Seq Scan left in the plan means none can. SQLite answers its
 * `explain query plan` lines (SEARCH … USING INDEX, USE TEMP B-TREE FOR ORDER BY).
 */
export async function planOf(t: TestApp, query: Compilable): Promise<string> {
  const compiled = query.compile();
  const postgres = t.app.ctx.dialect === 'postgres';
  return t.app.ctx.db.connection().execute(async (conn) => {
    if (postgres) {
      await sql`set enable_seqscan = off`.execute(conn);
      await sql`set enable_sort = off`.execute(conn);
    }
    try {
      const explain = postgres ? 'explain ' : 'explain query plan ';
      const { rows } = await conn.executeQuery<Record<string, unknown>>({
        ...compiled,
        sql: explain + compiled.sql,
      });
      return rows.map((row) => String(postgres ? row['QUERY PLAN'] : row.detail)).join('\n');
    } finally {
      if (postgres) {
        await sql`reset enable_seqscan`.execute(conn);
        await sql`reset enable_sort`.execute(conn);
      }
    }
  });
}
