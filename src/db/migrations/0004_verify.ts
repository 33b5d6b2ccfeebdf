import type { Migration } from './migration.js';

// Verifications (one-time codes) and the sliding-window counters behind their abuse limits.
// Frozen like every migration: no application imports.
export const m0004_verify: Migration = {
  async up(db) {
    await db.schema
      .createTable('verifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('channels', 'text', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('route_index', 'integer', (c) => c.notNull())
      .addColumn('attempt_state', 'text', (c) => c.notNull())
      .addColumn('attempt_message_id', 'text')
      .addColumn('attempt_deadline', 'text')
      .addColumn('send_attempts', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text')
      .addColumn('template_id', 'text')
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('code_length', 'integer', (c) => c.notNull())
      .addColumn('channel_timeout_seconds', 'integer', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('sealed_code', 'text')
      .addColumn('check_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failure_reason', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('verifications_workspace')
      .on('verifications')
      .columns(['workspace_id', 'id'])
      .execute();
    // "The latest pending verification for this number" (check by `to`, cancel on create).
    await db.schema
      .createIndex('verifications_phone')
      .on('verifications')
      .columns(['workspace_id', 'phone', 'status', 'id'])
      .execute();
    // The worker's scans: expiry, and attempts whose deadline passed.
    await db.schema
      .createIndex('verifications_expiry')
      .on('verifications')
      .columns(['status', 'expires_at'])
      .execute();
    await db.schema
      .createIndex('verifications_attempt_due')
      .on('verifications')
      .columns(['status', 'attempt_state', 'attempt_deadline'])
      .execute();
    await db.schema
      .createIndex('verifications_attempt_message')
      .on('verifications')
      .column('attempt_message_id')
      .execute();

    await db.schema
      .createTable('verification_limits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('verification_limits_window')
      .on('verification_limits')
      .columns(['workspace_id', 'kind', 'subject', 'at'])
      .execute();
    await db.schema.createIndex('verification_limits_at').on('verification_limits').column('at').execute();
  },
};
