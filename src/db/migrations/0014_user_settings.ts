import type { Migration } from './migration.js';

// Each member's own preferences (JSON), kept on the server so they follow the member from one
// browser to the next: today whether the inbox may show browser notifications.
// Frozen like every migration: no application imports.
export const m0014_user_settings: Migration = {
  async up(db) {
    await db.schema
      .alterTable('users')
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  },
};
