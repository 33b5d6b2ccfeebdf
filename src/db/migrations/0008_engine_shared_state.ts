import type { Migration } from './migration.js';

// Engine state shared by every device of the installation (e.g. the WhatsApp Web version that last
// worked). Frozen like every migration: no application imports.
export const m0008_engine_shared_state: Migration = {
  async up(db) {
    await db.schema
      .createTable('engine_shared_state')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
