/**
 * Whether an error is the database refusing a row that a unique constraint or index forbids,
 * on either dialect: a check before a write cannot see a row another request wrote meanwhile,
 * and the constraint is the last word.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code } = err as Error & { code?: unknown };
  // PostgreSQL's unique_violation; better-sqlite3's extended result code.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
