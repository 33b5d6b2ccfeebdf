import { sql } from 'kysely';
import type { TestApp } from './app.js';

/**
 * The database refuses inserts into `table` of rows matching `when` (a condition on `new`, the
 * same in both dialects) until `allow()`: a trigger that fails them, as a database restarting or
 * a dropped connection would. `table` and `when` are the test's own constants.
 */
export async function refuseInserts(
  t: TestApp,
  table: string,
  when: string,
): Promise<{ allow(): Promise<void> }> {
  const db = t.app.ctx.db;
  const name = sql.raw(`refuse_${table}`);
  const on = sql.raw(table);
  const condition = sql.raw(when);
  if (t.app.ctx.dialect === 'postgres') {
    await sql`create function ${name}() returns trigger language plpgsql as $$
      begin raise exception 'the database is unavailable'; end $$`.execute(db);
    await sql`create trigger ${name} before insert on ${on} for each row
      when (${condition}) execute function ${name}()`.execute(db);
    return {
      allow: async () => {
        await sql`drop trigger ${name} on ${on}`.execute(db);
        await sql`drop function ${name}()`.execute(db);
      },
    };
  }
  await sql`create trigger ${name} before insert on ${on} when ${condition}
    begin select raise(abort, 'the database is unavailable'); end`.execute(db);
  return { allow: () => sql`drop trigger ${name}`.execute(db).then(() => undefined) };
}
