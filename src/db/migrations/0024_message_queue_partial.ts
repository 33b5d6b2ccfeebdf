import { sql } from 'kysely';
import type { Migration } from './migration.js';

// The dispatcher's queue index held every message (device, status, priority, id), so each status
// change of a sent message (sending, sent, delivered, read) moved its entry: a delete and an insert
// in one more B-tree per change, pages that every commit writes. The dispatcher only ever reads a
// device's queued messages in send order, and a crashed device's `sending` ones at its start. Now
// two partial indexes hold just those: a message enters the queue index when it is accepted and
// leaves it when it is claimed, enters the sending one then and leaves it when it is sent, and
// costs neither index anything after that. The queue index is in send order (priority first,
// highest first, then oldest), so a claim reads its messages in order and stops at its limit.
// The conditions are written with literals, as the queries write them: SQLite and PostgreSQL's
// generic plans use a partial index only then. Frozen like every migration: no application imports.
export const m0024_message_queue_partial: Migration = {
  async up(db) {
    await db.schema.dropIndex('messages_queue').execute();
    await db.schema
      .createIndex('messages_queue')
      .on('messages')
      .columns(['device_id', 'priority desc', 'id'])
      .where(sql.ref('status'), '=', sql.lit('queued'))
      .execute();
    await db.schema
      .createIndex('messages_sending')
      .on('messages')
      .column('device_id')
      .where(sql.ref('status'), '=', sql.lit('sending'))
      .execute();
  },
};
