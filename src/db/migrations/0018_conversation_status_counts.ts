import { sql } from 'kysely';
import type { Migration } from './migration.js';

// The inbox's counts per status, kept as the conversations change instead of counted at every
// request (counting read every conversation the filter matched: 90,000 index entries for the
// unfiltered inbox at 100,000 conversations).
//
// Each row is a delta, +1 or -1, for one bucket: workspace, line, assignee, status, code-only,
// unread (yes or no). Triggers write them in the transaction of the change, so every path that
// changes a conversation is covered, the foreign keys' cascades (a line or a workspace deleted, a
// user's assignments set to null) included. Only inserts, never an update of a shared row: two
// transactions never wait on each other here and cannot deadlock. A conversation's +1 and -1 net
// to zero, so the table needs no foreign keys: what a deleted line or workspace leaves sums to
// nothing. Deltas of one bucket are folded into one row from time to time (the application does it,
// see src/conversations/counts.ts). An unread count that grows from 2 to 3 stays in its bucket
// and writes nothing.
//
// Frozen like every migration: no application imports.
export const m0018_conversation_status_counts: Migration = {
  async up(db, dialect) {
    await db.schema
      .createTable('conversation_counts')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('otp_only', 'integer', (c) => c.notNull())
      .addColumn('unread', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('conversation_counts_workspace')
      .on('conversation_counts')
      .columns(['workspace_id', 'status'])
      .execute();

    const changed = (o: string, n: string) => `
      ${o}.status <> ${n}.status
      or ${o}.assignee_id is not ${n}.assignee_id
      or ${o}.otp_only <> ${n}.otp_only
      or (${o}.unread_count > 0) <> (${n}.unread_count > 0)
      or ${o}.device_id <> ${n}.device_id
      or ${o}.workspace_id <> ${n}.workspace_id`;
    const delta = (row: string, n: number) => `
      insert into conversation_counts (workspace_id, device_id, assignee_id, status, otp_only, unread, n)
      values (${row}.workspace_id, ${row}.device_id, ${row}.assignee_id, ${row}.status, ${row}.otp_only,
              case when ${row}.unread_count > 0 then 1 else 0 end, ${n});`;

    if (dialect === 'postgres') {
      await sql
        .raw(
          `create function conversation_counts_track() returns trigger language plpgsql as $$
          begin
            if tg_op in ('UPDATE', 'DELETE') then ${delta('old', -1)} end if;
            if tg_op in ('UPDATE', 'INSERT') then ${delta('new', 1)} end if;
            return null;
          end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_counts_insert_delete after insert or delete on conversations
           for each row execute function conversation_counts_track()`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_counts_update after update on conversations
           for each row when (${changed('old', 'new').replace(/is not/g, 'is distinct from')})
           execute function conversation_counts_track()`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create trigger conversation_counts_insert after insert on conversations begin ${delta('new', 1)} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_counts_delete after delete on conversations begin ${delta('old', -1)} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_counts_update after update on conversations
           when ${changed('old', 'new')}
           begin ${delta('old', -1)} ${delta('new', 1)} end`,
        )
        .execute(db);
    }

    // What is there already, one row per bucket.
    await sql
      .raw(
        `insert into conversation_counts (workspace_id, device_id, assignee_id, status, otp_only, unread, n)
         select workspace_id, device_id, assignee_id, status, otp_only,
                case when unread_count > 0 then 1 else 0 end, count(*)
         from conversations
         group by workspace_id, device_id, assignee_id, status, otp_only, case when unread_count > 0 then 1 else 0 end`,
      )
      .execute(db);
  },
};
