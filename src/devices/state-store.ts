import type { DbOrTx } from '../db/database.js';
import type { EngineStateStore } from '../engines/engine.js';
import { decrypt, deriveKey, encrypt } from '../lib/crypto.js';

/** Rows one upsert carries at most (five parameters each, well under both databases' limits). */
const MAX_ROWS_PER_STATEMENT = 500;

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
      const sealed = (entry: { category: string; id: string; value: string }) => ({
        device_id: deviceId,
        category: entry.category,
        key_id: entry.id,
        value: encrypt(key, entry.value, aad(entry.category, entry.id)),
        updated_at: now,
      });
      const upserts = entries.filter(
        (entry): entry is { category: string; id: string; value: string } => entry.value !== null,
      );
      if (upserts.length === entries.length) {
        // Only values to store: one statement for them all, atomic on its own, so no transaction
        // (two round trips) around it. A key given twice keeps its last value, as one write after
        // the other would; one statement may not change a row twice.
        const rows = [...new Map(upserts.map((e) => [`${e.category}\u0000${e.id}`, e])).values()].map(sealed);
        const upsert = (d: DbOrTx, chunk: typeof rows) =>
          d
            .insertInto('engine_state')
            .values(chunk)
            .onConflict((oc) =>
              oc.columns(['device_id', 'category', 'key_id']).doUpdateSet((eb) => ({
                value: eb.ref('excluded.value'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        const upsertAll = async (d: DbOrTx) => {
          for (let i = 0; i < rows.length; i += MAX_ROWS_PER_STATEMENT)
            await upsert(d, rows.slice(i, i + MAX_ROWS_PER_STATEMENT));
        };
        // More than one statement's worth: together in a transaction, as before.
        if (rows.length <= MAX_ROWS_PER_STATEMENT || db.isTransaction) await upsertAll(db);
        else await db.transaction().execute(upsertAll);
        return;
      }
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
          const row = sealed({ ...entry, value: entry.value });
          await trx
            .insertInto('engine_state')
            .values(row)
            .onConflict((oc) =>
              oc
                .columns(['device_id', 'category', 'key_id'])
                .doUpdateSet({ value: row.value, updated_at: row.updated_at }),
            )
            .execute();
        }
      };
      // Deletes among them: one after the other, in order, in one transaction.
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
