import type { Migration } from './migration.js';

// GET /v1/verifications/stats counts the verifications a workspace created in a window. With only
// (workspace_id, id) to go by, it read every verification the workspace ever had and checked each
// one's created_at; this index reads the window as a range, in the (created_at, id) order the
// stats walk in batches. Frozen like every migration: no application imports.
export const m0019_verification_stats_index: Migration = {
  async up(db) {
    await db.schema
      .createIndex('verifications_created')
      .on('verifications')
      .columns(['workspace_id', 'created_at', 'id'])
      .execute();
  },
};
