import { sql } from 'kysely';
import type { Migration } from './migration.js';

// The expiry sweep looks every second for queued messages past their expiresAt. No index held
// expires_at, so each sweep read the whole message log: 3.4 ms at 60,000 messages on a 2-core
// machine, and growing with the log, on SQLite's one connection. Only queued messages with an
// expiry are in this index (most messages have none, and leave it when they are sent), so the
// sweep reads the due ones alone and a message without an expiry costs the write path nothing.
// The condition is written with literals, as the sweep writes it: SQLite and PostgreSQL's generic
// plans use a partial index only then. Frozen like every migration: no application imports.
export const m0022_message_expiry_index: Migration = {
  async up(db) {
    await db.schema
      .createIndex('messages_expiry')
      .on('messages')
      .column('expires_at')
      .where((eb) =>
        eb.and([eb(sql.ref('status'), '=', sql.lit('queued')), eb(sql.ref('expires_at'), 'is not', null)]),
      )
      .execute();
  },
};
