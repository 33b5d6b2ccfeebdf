/**
 * Whether an error is the database refusing a row whose foreign key names a row that is gone, on
 * either dialect: a check before a write cannot see a delete committed meanwhile, and the
 * constraint is the last word.
 */
export function isForeignKeyViolation(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code } = err as Error & { code?: unknown };
  // PostgreSQL's foreign_key_violation; better-sqlite3's extended result code.
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
