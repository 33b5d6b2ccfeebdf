import { sql } from 'kysely';
import type { Migration } from './migration.js';

// The inbox list answers every filter from an index that ends in its keyset order
// (last_message_at, id), and its counts per status from an index that holds the status, so
// neither a page nor the counts read the table row by row. Every filter comes with the
// `otp_only = 0` condition unless code-only threads are asked for, hence otp_only right after the
// workspace. Frozen like every migration: no application imports.
export const m0015_conversation_list_indexes: Migration = {
  async up(db) {
    const index = async (name: string, columns: string[], unreadOnly = false) => {
      let builder = db.schema.createIndex(name).on('conversations').columns(columns);
      // A literal, as the list query writes it: SQLite uses a partial index only for that.
      if (unreadOnly) builder = builder.where(sql.ref('unread_count'), '>', sql.lit(0));
      await builder.execute();
    };
    // Replaced: these lacked otp_only, so every row of a member's or of the unread list was read
    // from the table to check it.
    await db.schema.dropIndex('conversations_assignee').execute();
    await db.schema.dropIndex('conversations_unread').execute();

    await index('conversations_assignee', [
      'workspace_id',
      'otp_only',
      'assignee_id',
      'last_message_at',
      'id',
    ]);
    // Status right after the assignee, otp_only last: one member's entries come grouped by status
    // (no sort), with or without the code-only ones.
    await index('conversations_assignee_counts', ['workspace_id', 'assignee_id', 'status', 'otp_only']);
    await index('conversations_unread', ['workspace_id', 'otp_only', 'last_message_at', 'id'], true);
    // unread_count in the entry too: SQLite reads the table to recheck a partial index's condition otherwise.
    await index('conversations_unread_counts', ['workspace_id', 'otp_only', 'status', 'unread_count'], true);
    await index('conversations_device', ['workspace_id', 'device_id', 'otp_only', 'last_message_at', 'id']);
    await index('conversations_device_counts', ['workspace_id', 'device_id', 'otp_only', 'status']);
    // With code-only threads included there is no otp_only condition.
    await index('conversations_all', ['workspace_id', 'last_message_at', 'id']);
    await index('conversations_all_counts', ['workspace_id', 'status']);
  },
};
