import type { DbOrTx } from '../db/database.js';
import type { EngineStateStore } from '../engines/engine.js';
import { decrypt, deriveKey, encrypt } from '../lib/crypto.js';

/**
 * The engines' durable state (WhatsApp credentials and signal keys) in the database, each value
 * sealed with AES-256-GCM and bound to its (device, category, key) so rows cannot be swapped.
 */
export function createEngineStateStore(db: DbOrTx, masterKey: Buffer, deviceId: string): EngineStateStore {
  const key = deriveKey(masterKey, 'engine-state');
  const aad = (category: string, id: string) => `${deviceId}\u0000${category}\u0000${id}`;
  return {
    async read(category, id) {
      const row = await db
        .selectFrom('engine_state')
        .select('value')
        .where('device_id', '=', deviceId)
        .where('category', '=', category)
        .where('key_id', '=', id)
        .executeTakeFirst();
      return row ? decrypt(key, row.value, aad(category, id)) : null;
    },
    async readMany(category, ids) {
      const out = new Map<string, string>();
      // Chunked: signal-key reads can ask for hundreds of ids at once.
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('engine_state')
          .select(['key_id', 'value'])
          .where('device_id', '=', deviceId)
          .where('category', '=', category)
          .where('key_id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const row of rows) out.set(row.key_id, decrypt(key, row.value, aad(category, row.key_id)));
      }
      return out;
    },
    async list(category) {
      const rows = await db
        .selectFrom('engine_state')
        .select(['key_id', 'value'])
        .where('device_id', '=', deviceId)
        .where('category', '=', category)
        .execute();
      return new Map(rows.map((row) => [row.key_id, decrypt(key, row.value, aad(category, row.key_id))]));
    },
    async write(entries) {
      if (entries.length === 0) return;
      const now = new Date().toISOString();
      const apply = async (trx: DbOrTx) => {
        for (const entry of entries) {
          if (entry.value === null) {
            await trx
              .deleteFrom('engine_state')
              .where('device_id', '=', deviceId)
              .where('category', '=', entry.category)
              .where('key_id', '=', entry.id)
              .execute();
            continue;
          }
          const value = encrypt(key, entry.value, aad(entry.category, entry.id));
          await trx
            .insertInto('engine_state')
            .values({
              device_id: deviceId,
              category: entry.category,
              key_id: entry.id,
              value,
              updated_at: now,
            })
            .onConflict((oc) =>
              oc.columns(['device_id', 'category', 'key_id']).doUpdateSet({ value, updated_at: now }),
            )
            .execute();
        }
      };
      // One statement is atomic on its own: a transaction around it would add two round trips
      // (begin, commit) to every write of one entry, the sandbox's record of each message it sends.
      if (
        entries.length > 1 &&
        'transaction' in db &&
        typeof db.transaction === 'function' &&
        !db.isTransaction
      ) {
        await db.transaction().execute(apply);
      } else {
        await apply(db);
      }
    },
    async clear() {
      await db.deleteFrom('engine_state').where('device_id', '=', deviceId).execute();
    },
  };
}
