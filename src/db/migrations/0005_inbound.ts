import type { Migration } from './migration.js';

// Auto-reply rules, their per-contact cooldowns, and an index for the retention sweep.
// Frozen like every migration: no application imports.
export const m0005_inbound: Migration = {
  async up(db) {
    await db.schema
      .createTable('auto_reply_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('device_id', 'text', (c) => c.references('devices.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('priority', 'integer', (c) => c.notNull())
      .addColumn('match_type', 'text', (c) => c.notNull())
      .addColumn('match_pattern', 'text')
      .addColumn('reply', 'text', (c) => c.notNull())
      .addColumn('cooldown_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('business_hours', 'text')
      .addColumn('welcome', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('preset', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Every inbound message reads the workspace's rules in the order they are tried.
    await db.schema
      .createIndex('auto_reply_rules_order')
      .on('auto_reply_rules')
      .columns(['workspace_id', 'priority', 'id'])
      .execute();

    await db.schema
      .createTable('auto_reply_cooldowns')
      .addColumn('rule_id', 'text', (c) => c.notNull().references('auto_reply_rules.id').onDelete('cascade'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('last_reply_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('auto_reply_cooldowns_pk', ['rule_id', 'phone'])
      .execute();
    await db.schema
      .createIndex('auto_reply_cooldowns_contact')
      .on('auto_reply_cooldowns')
      .columns(['workspace_id', 'phone'])
      .execute();

    // The retention sweep looks for old bodies per workspace by creation time.
    await db.schema
      .createIndex('messages_retention')
      .on('messages')
      .columns(['workspace_id', 'created_at'])
      .execute();
  },
};
