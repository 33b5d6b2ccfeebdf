import type { Migration } from './migration.js';

// The four indexes 0015 added for the inbox's counts per status (a member's, the unread, a line's,
// all) have had no reader since 0018 keeps those counts in conversation_counts: the counts are
// summed from there, and a text search counts its own window, read through the list indexes. Each
// of them still took an entry for every new conversation (a first message to a number, every new
// verification's thread, every first inbound message) and moved it at every status, assignee and
// unread change; on PostgreSQL every update of a thread (each message filed into it) wrote an entry
// into each, since `last_message_at` is indexed and such an update is never a HOT one. Frozen like
// every migration: no application imports.
export const m0025_conversation_count_indexes: Migration = {
  async up(db) {
    for (const name of [
      'conversations_assignee_counts',
      'conversations_unread_counts',
      'conversations_device_counts',
      'conversations_all_counts',
    ])
      await db.schema.dropIndex(name).execute();
  },
};
