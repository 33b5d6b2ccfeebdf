import type { Migration } from './migration.js';

// Fencing for device leases: every time a lease changes hands (or is taken again after a release)
// its generation goes up, and a node's writes for the device carry the generation it took. A
// released lease keeps its row (expired) so the count never starts over. Frozen like every
// migration: no application imports.
export const m0011_failover: Migration = {
  async up(db) {
    await db.schema
      .alterTable('device_leases')
      .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
