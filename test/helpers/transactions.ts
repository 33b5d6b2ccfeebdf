import { vi } from 'vitest';
import type { Db } from '../../src/db/database.js';

/**
 * Transactions opened on `db` while `work` runs by the code of `files` (parts of a path in the
 * opening call's stack), leaving out the ones background work opens meanwhile.
 */
export async function transactionsOpenedBy(
  db: Db,
  files: readonly string[],
  work: () => Promise<void>,
): Promise<number> {
  const original = db.transaction.bind(db);
  let opened = 0;
  const spy = vi.spyOn(db, 'transaction').mockImplementation(() => {
    const stack = new Error().stack ?? '';
    if (files.some((file) => stack.includes(file))) opened++;
    return original();
  });
  try {
    await work();
    return opened;
  } finally {
    spy.mockRestore();
  }
}
