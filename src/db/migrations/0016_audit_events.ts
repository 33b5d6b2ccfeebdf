import type { Migration } from './migration.js';

// The audit log: who changed what in a workspace (keys, members, webhooks, devices, settings,
// two-factor). One row per change, written in the change's own transaction. Frozen like every
// migration: no application imports.
export const m0016_audit_events: Migration = {
  async up(db) {
    await db.schema
      .createTable('audit_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('changes', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('ip', 'text')
      .execute();
    // The log is read newest first (keyset on id); the filters narrow one workspace's rows.
    await db.schema
      .createIndex('audit_events_list')
      .on('audit_events')
      .columns(['workspace_id', 'id'])
      .execute();
    await db.schema
      .createIndex('audit_events_target')
      .on('audit_events')
      .columns(['workspace_id', 'target_id', 'id'])
      .execute();
  },
};
