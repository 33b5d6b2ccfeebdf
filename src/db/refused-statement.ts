import { sql, type RawBuilder } from 'kysely';

/** The SQLSTATE of `refuse_statement()` (migration 0023), PostgreSQL only. */
const REFUSED = 'WA001';

/**
 * PostgreSQL: where a statement that commits on its own must undo itself, this raises an error
 * that rolls back everything the statement did (`refuse_statement()`, migration 0023). Use it as
 * the branch of a `case` the statement reaches only when its condition failed.
 */
export const refuseStatement: RawBuilder<boolean> = sql<boolean>`refuse_statement()`;

/** Whether `err` is a statement refusing itself through `refuseStatement`. */
export function isRefusedStatement(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === REFUSED;
}
