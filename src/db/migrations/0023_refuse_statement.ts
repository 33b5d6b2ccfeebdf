import { sql } from 'kysely';
import type { Migration } from './migration.js';

// PostgreSQL: a function a statement calls to undo itself. A statement that commits on its own
// (no `begin`, no `commit`: two round trips fewer) has no transaction to roll back when one of
// its conditions fails after its data-modifying parts ran; calling this raises an error with the
// SQLSTATE below instead, which undoes the whole statement, and the caller goes the long way.
// Volatile, so it is called only when the statement reaches it. SQLite runs no such statements.
// The SQLSTATE is the one src/db/refused-statement.ts recognises; frozen here like the rest.

export const m0023_refuse_statement: Migration = {
  async up(db, dialect) {
    if (dialect !== 'postgres') return;
    await sql`
      create function refuse_statement() returns boolean language plpgsql volatile as $$
      begin
        raise exception 'statement refused by its own condition' using errcode = 'WA001';
      end
      $$`.execute(db);
  },
};
