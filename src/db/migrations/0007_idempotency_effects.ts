import type { Migration } from './migration.js';

// An idempotency claim learns which resource its request created, in the transaction that created
// it, and carries a token so a claim taken over by a retry can no longer commit an effect.
// Frozen like every migration: no application imports.
export const m0007_idempotency_effects: Migration = {
  async up(db) {
    await db.schema.alterTable('idempotency_keys').addColumn('claim_token', 'text').execute();
    await db.schema.alterTable('idempotency_keys').addColumn('resource_id', 'text').execute();
  },
};
