import type { Dialect } from './database.js';

/**
 * A row read to be changed in the same transaction: locked until it ends on PostgreSQL, where
 * requests at once each read it as it was before the others wrote (read committed). SQLite runs
 * one writing transaction at a time and has no `for update`.
 */
export function forChange<Q extends { forUpdate(): Q }>(query: Q, dialect: Dialect): Q {
  return dialect === 'postgres' ? query.forUpdate() : query;
}
