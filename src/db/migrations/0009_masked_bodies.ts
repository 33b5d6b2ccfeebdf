import { sql } from 'kysely';
import type { Migration } from './migration.js';

// Marks messages whose body is only what the log shows (a one-time code masked) while the text
// sent was sealed, so that body is never sent in its place; and an index for the sweep that erases
// sealed texts. Frozen like every migration: no application imports.
export const m0009_masked_bodies: Migration = {
  async up(db) {
    await db.schema
      .alterTable('messages')
      .addColumn('masked', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Until now only verification messages were sent with a masked body; a delivered one has
    // already lost its sealed text, so its source is the only mark left.
    await db
      .updateTable('messages')
      .set({ masked: 1 })
      .where((eb) => eb.or([eb('sealed_body', 'is not', null), eb('source', '=', 'verification')]))
      .execute();
    await db.schema
      .createIndex('messages_sealed')
      .on('messages')
      .column('status')
      .where(sql.ref('sealed_body'), 'is not', null)
      .execute();
  },
};
