import type { DbOrTx } from '../db/database.js';
import type { EngineSharedStore } from '../engines/engine.js';

/**
 * The engines' installation-wide state in the database: one row per key, the same for every device
 * and node. Only for values that are not secret (per-device secrets go through the sealed
 * engine state store).
 */
export function createEngineSharedStore(db: DbOrTx): EngineSharedStore {
  return {
    async read(key) {
      const row = await db
        .selectFrom('engine_shared_state')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.value ?? null;
    },
    async write(key, value) {
      const now = new Date().toISOString();
      await db
        .insertInto('engine_shared_state')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    },
  };
}
