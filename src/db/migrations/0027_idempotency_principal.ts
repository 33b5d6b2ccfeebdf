import type { Migration } from './migration.js';

// An idempotency key's record names the caller that made it (an API key id or a user id): its
// stored answer, which may carry a secret shown once, is replayed to that caller alone. Records
// made before have no caller ('') and match none; they lapse within their 24 hours. Frozen like
// every migration: no application imports.
export const m0027_idempotency_principal: Migration = {
  async up(db) {
    await db.schema
      .alterTable('idempotency_keys')
      .addColumn('principal', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
