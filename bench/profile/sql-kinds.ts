/** "insert messages", "select api_keys", "begin": what a statement does and to which table. */
export function kindOf(sql: string): string {
  const text = sql.trim().toLowerCase().replace(/\s+/g, ' ');
  const write = /^(insert into|update|delete from) "?([\w.]+)"?/.exec(text);
  if (write) return `${write[1]!.split(' ')[0]} ${write[2]}`;
  if (text.startsWith('select')) {
    const from = /\bfrom "?([\w.]+)"?/.exec(text);
    if (from) return `select ${from[1]}`;
    const fn = /^select (\w+)\(/.exec(text);
    return fn ? `select ${fn[1]}()` : 'select (other)';
  }
  if (text.startsWith('with')) return 'with …';
  return text.split(' ')[0] ?? text;
}

/** Counts (or times) by kind between two snapshots of the counter (text → count or ns). */
export function diffByKind(
  before: Record<string, number>,
  after: Record<string, number>,
): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const [sql, n] of Object.entries(after)) {
    const delta = n - (before[sql] ?? 0);
    if (delta > 0) kinds.set(kindOf(sql), (kinds.get(kindOf(sql)) ?? 0) + delta);
  }
  return kinds;
}

export const TRANSACTION_STARTS = new Set(['begin', 'start']);
