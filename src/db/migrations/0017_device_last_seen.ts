import type { Migration } from './migration.js';

// When a device was last connected: stamped as it connects and as it leaves the connected state,
// so the device list can say "last seen" for a line that dropped. A device never connected keeps
// it NULL; an existing connected device gets it at its next change. Frozen: no application imports.
export const m0017_device_last_seen: Migration = {
  async up(db) {
    await db.schema.alterTable('devices').addColumn('last_seen_at', 'text').execute();
  },
};
