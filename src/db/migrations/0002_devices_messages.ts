import type { Migration } from './migration.js';

export const m0002_devices_messages: Migration = {
  async up(db) {
    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('status_changed_at', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('display_name', 'text')
      .addColumn('jid', 'text')
      .addColumn('pacing', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('devices_workspace').on('devices').columns(['workspace_id', 'id']).execute();

    await db.schema
      .createTable('device_leases')
      .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id').onDelete('cascade'))
      .addColumn('node_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('engine_state')
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('engine_state_pk', ['device_id', 'category', 'key_id'])
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('device_id', 'text', (c) => c.references('devices.id').onDelete('set null'))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('sealed_body', 'text')
      .addColumn('template_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('error_code', 'text')
      .addColumn('error_message', 'text')
      .addColumn('priority', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('metadata', 'text')
      .addColumn('wa_message_id', 'text')
      .addColumn('queue_if_disconnected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The message log: newest first per workspace, with the usual filters.
    await db.schema.createIndex('messages_log').on('messages').columns(['workspace_id', 'id']).execute();
    await db.schema
      .createIndex('messages_phone')
      .on('messages')
      .columns(['workspace_id', 'phone', 'id'])
      .execute();
    await db.schema
      .createIndex('messages_status')
      .on('messages')
      .columns(['workspace_id', 'status', 'id'])
      .execute();
    // The dispatcher's queue: per device, queued, by priority then age.
    await db.schema
      .createIndex('messages_queue')
      .on('messages')
      .columns(['device_id', 'status', 'priority', 'id'])
      .execute();
    await db.schema.createIndex('messages_wa_id').on('messages').columns(['wa_message_id']).execute();

    await db.schema
      .createTable('message_status_history')
      .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('error_code', 'text')
      .execute();
    await db.schema
      .createIndex('message_status_history_message')
      .on('message_status_history')
      .columns(['message_id', 'at'])
      .execute();

    await db.schema
      .createTable('templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('variables', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('templates_name_unique', ['workspace_id', 'name'])
      .execute();

    await db.schema
      .createTable('contacts')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('jid', 'text')
      .addColumn('on_whatsapp', 'integer')
      .addColumn('checked_at', 'text')
      .addColumn('last_device_id', 'text')
      .addColumn('display_name', 'text')
      .addColumn('first_inbound_at', 'text')
      .addColumn('last_inbound_at', 'text')
      .addColumn('opted_out_at', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'phone'])
      .execute();
  },
};
