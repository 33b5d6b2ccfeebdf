import { sql } from 'kysely';
import type { Migration } from './migration.js';

// The team inbox: one conversation per workspace, line (device) and customer number, with its
// tags and the team's internal notes. Frozen like every migration: no application imports.
export const m0012_conversations: Migration = {
  async up(db) {
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('unread_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('otp_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_message_id', 'text')
      .addColumn('last_message_at', 'text', (c) => c.notNull())
      .addColumn('last_direction', 'text')
      .addColumn('last_preview', 'text')
      .addColumn('last_inbound_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The first message of a thread creates the conversation; concurrent first messages meet here.
    await db.schema
      .createIndex('conversations_thread')
      .on('conversations')
      .columns(['workspace_id', 'device_id', 'phone'])
      .unique()
      .execute();
    // The inbox lists by last activity, newest first (keyset on last_message_at, id), OTP-only
    // threads left out unless asked for; by status and by assignee are the usual filters.
    await db.schema
      .createIndex('conversations_list')
      .on('conversations')
      .columns(['workspace_id', 'otp_only', 'last_message_at', 'id'])
      .execute();
    await db.schema
      .createIndex('conversations_status')
      .on('conversations')
      .columns(['workspace_id', 'otp_only', 'status', 'last_message_at', 'id'])
      .execute();
    await db.schema
      .createIndex('conversations_assignee')
      .on('conversations')
      .columns(['workspace_id', 'assignee_id', 'last_message_at', 'id'])
      .execute();
    await db.schema
      .createIndex('conversations_unread')
      .on('conversations')
      .columns(['workspace_id', 'last_message_at', 'id'])
      .where(sql.ref('unread_count'), '>', 0)
      .execute();
    // Contact erasure finds a number's conversations on every line.
    await db.schema
      .createIndex('conversations_phone')
      .on('conversations')
      .columns(['workspace_id', 'phone'])
      .execute();

    await db.schema
      .createTable('conversation_tags')
      .addColumn('conversation_id', 'text', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('conversation_tags_pk', ['conversation_id', 'tag'])
      .execute();
    await db.schema
      .createIndex('conversation_tags_tag')
      .on('conversation_tags')
      .columns(['workspace_id', 'tag', 'conversation_id'])
      .execute();

    await db.schema
      .createTable('conversation_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('conversation_id', 'text', (c) =>
        c.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text')
      .addColumn('body', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('conversation_notes_thread')
      .on('conversation_notes')
      .columns(['conversation_id', 'id'])
      .execute();
    // Retention erases old notes per workspace by creation time.
    await db.schema
      .createIndex('conversation_notes_retention')
      .on('conversation_notes')
      .columns(['workspace_id', 'created_at'])
      .execute();
  },
};
