import { migrateToLatest } from '../db/migrate.js';
import { withDatabase } from './context.js';

export async function migrateCommand(): Promise<void> {
  await withDatabase(async (handle) => {
    const applied = await migrateToLatest(handle.db, handle.dialect);
    console.log(
      applied.length
        ? `database at ${handle.location} is up to date`
        : `nothing to apply at ${handle.location}`,
    );
  });
}
