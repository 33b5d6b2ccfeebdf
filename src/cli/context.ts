import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { bootstrapWorkspaces } from '../workspaces/bootstrap.js';
import { findWorkspaceByIdOrName } from '../workspaces/store.js';
import type { WorkspaceRow } from '../workspaces/tables.js';

import { UsageError } from './errors.js';

export { UsageError };

/** Opens the configured database (migrated, default workspace present) for one CLI command. */
export async function withDatabase<T>(
  run: (handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
    namedStatements: config.pgNamedStatements,
  });
  try {
    await migrateToLatest(handle.db, handle.dialect);
    await bootstrapWorkspaces(handle.db, config, new Date());
    return await run(handle, config);
  } finally {
    await handle.destroy();
  }
}

/** `--workspace ID|NAME`, or the default (first) workspace. */
export async function resolveWorkspace(
  handle: DatabaseHandle,
  ref: string | undefined,
): Promise<WorkspaceRow> {
  if (ref) {
    const found = await findWorkspaceByIdOrName(handle.db, ref);
    if (!found) throw new UsageError(`no workspace "${ref}"`);
    return found;
  }
  const first = await handle.db.selectFrom('workspaces').selectAll().orderBy('id').executeTakeFirst();
  if (!first) throw new UsageError('no workspace yet');
  return first;
}

export function table(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return '(none)';
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))].join('\n');
}
