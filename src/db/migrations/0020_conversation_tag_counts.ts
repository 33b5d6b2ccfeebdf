import { sql } from 'kysely';
import type { Migration } from './migration.js';

// A tag's page and counts, without reading every conversation of the tag (the counts of a tag
// of 5,000 conversations read 5,000 rows; its page was sorted after the join).
//
// Each tag row carries a copy of its conversation's bucket (status, assignee, line, code-only,
// unread yes or no) and of its last_message_at, kept by a trigger on conversations in the
// transaction of every change (the foreign keys' cascades and set-nulls included). Then:
// - a tag's page reads conversation_tags_page in its keyset order (last_message_at, id), and
// - triggers on conversation_tags write +1/-1 deltas per bucket of a tag into
//   conversation_tag_counts, like conversation_counts (0018): a tag's counts are a sum over a
//   few rows. A tag row's delta comes from its own copy of the bucket, so a conversation deleted
//   (its tags cascading) subtracts exactly what its tags added, whatever order the database runs
//   the cascade and the triggers in.
// The copy is filled from the conversation when a tag is added: by a BEFORE trigger on PostgreSQL,
// which locks the conversation's row so that a concurrent change of the conversation either comes
// before (and is copied) or waits and then updates the new tag row; by an AFTER trigger on SQLite
// (one writer at a time), which is why the copy's columns are nullable: a row without a copy yet
// counts nowhere.
//
// Frozen like every migration: no application imports.
export const m0020_conversation_tag_counts: Migration = {
  async up(db, dialect) {
    const postgres = dialect === 'postgres';
    const isNot = postgres ? 'is distinct from' : 'is not';
    for (const [column, type] of [
      ['device_id', 'text'],
      ['assignee_id', 'text'],
      ['status', 'text'],
      ['otp_only', 'integer'],
      ['unread', 'integer'],
      ['last_message_at', 'text'],
    ] as const) {
      await db.schema.alterTable('conversation_tags').addColumn(column, type).execute();
    }
    await sql
      .raw(
        `update conversation_tags set (device_id, assignee_id, status, otp_only, unread, last_message_at) =
           (select c.device_id, c.assignee_id, c.status, c.otp_only,
                   case when c.unread_count > 0 then 1 else 0 end, c.last_message_at
            from conversations c where c.id = conversation_tags.conversation_id)`,
      )
      .execute(db);
    // Pages in the list's order; also serves every lookup by tag (it replaces conversation_tags_tag).
    await db.schema
      .createIndex('conversation_tags_page')
      .on('conversation_tags')
      .columns(['workspace_id', 'tag', 'last_message_at', 'conversation_id'])
      .execute();
    await db.schema.dropIndex('conversation_tags_tag').execute();

    await db.schema
      .createTable('conversation_tag_counts')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('otp_only', 'integer', (c) => c.notNull())
      .addColumn('unread', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('conversation_tag_counts_tag')
      .on('conversation_tag_counts')
      .columns(['workspace_id', 'tag', 'status'])
      .execute();

    const bucketChanged = (o: string, n: string) => `
      ${o}.status ${isNot} ${n}.status
      or ${o}.assignee_id ${isNot} ${n}.assignee_id
      or ${o}.otp_only ${isNot} ${n}.otp_only
      or ${o}.unread ${isNot} ${n}.unread
      or ${o}.device_id ${isNot} ${n}.device_id
      or ${o}.tag ${isNot} ${n}.tag
      or ${o}.workspace_id ${isNot} ${n}.workspace_id`;
    // A delta for a tag row's bucket; nothing for a row whose copy is not filled yet (SQLite).
    const delta = (row: string, n: number) => `
      insert into conversation_tag_counts (workspace_id, tag, device_id, assignee_id, status, otp_only, unread, n)
      select ${row}.workspace_id, ${row}.tag, ${row}.device_id, ${row}.assignee_id, ${row}.status,
             ${row}.otp_only, ${row}.unread, ${n}
      where ${row}.status is not null;`;
    // What a tag row copies from its conversation, whenever one of these changes.
    const copyChanged = (o: string, n: string) => `
      ${o}.status ${isNot} ${n}.status
      or ${o}.assignee_id ${isNot} ${n}.assignee_id
      or ${o}.otp_only ${isNot} ${n}.otp_only
      or (${o}.unread_count > 0) ${isNot} (${n}.unread_count > 0)
      or ${o}.device_id ${isNot} ${n}.device_id
      or ${o}.last_message_at ${isNot} ${n}.last_message_at`;
    const copyFrom = (c: string) => `
      update conversation_tags set device_id = ${c}.device_id, assignee_id = ${c}.assignee_id,
        status = ${c}.status, otp_only = ${c}.otp_only,
        unread = case when ${c}.unread_count > 0 then 1 else 0 end, last_message_at = ${c}.last_message_at
      where conversation_id = ${c}.id;`;

    if (postgres) {
      await sql
        .raw(
          `create function conversation_tags_copy() returns trigger language plpgsql as $$
          declare c record;
          begin
            select device_id, assignee_id, status, otp_only, unread_count, last_message_at into c
              from conversations where id = new.conversation_id for no key update;
            if found then
              new.device_id := c.device_id; new.assignee_id := c.assignee_id; new.status := c.status;
              new.otp_only := c.otp_only; new.last_message_at := c.last_message_at;
              new.unread := case when c.unread_count > 0 then 1 else 0 end;
            end if;
            return new;
          end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tags_copy before insert on conversation_tags
           for each row execute function conversation_tags_copy()`,
        )
        .execute(db);
      await sql
        .raw(
          `create function conversation_tags_follow() returns trigger language plpgsql as $$
          begin ${copyFrom('new')} return null; end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tags_follow after update on conversations
           for each row when (${copyChanged('old', 'new')})
           execute function conversation_tags_follow()`,
        )
        .execute(db);
      await sql
        .raw(
          `create function conversation_tag_counts_track() returns trigger language plpgsql as $$
          begin
            if tg_op in ('UPDATE', 'DELETE') then ${delta('old', -1)} end if;
            if tg_op in ('UPDATE', 'INSERT') then ${delta('new', 1)} end if;
            return null;
          end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tag_counts_insert_delete after insert or delete on conversation_tags
           for each row execute function conversation_tag_counts_track()`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tag_counts_update after update on conversation_tags
           for each row when (${bucketChanged('old', 'new')})
           execute function conversation_tag_counts_track()`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create trigger conversation_tags_copy after insert on conversation_tags begin
             update conversation_tags set (device_id, assignee_id, status, otp_only, unread, last_message_at) =
               (select c.device_id, c.assignee_id, c.status, c.otp_only,
                       case when c.unread_count > 0 then 1 else 0 end, c.last_message_at
                from conversations c where c.id = new.conversation_id)
             where conversation_id = new.conversation_id and tag = new.tag;
           end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tags_follow after update on conversations
           when ${copyChanged('old', 'new')} begin ${copyFrom('new')} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tag_counts_insert after insert on conversation_tags begin ${delta('new', 1)} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tag_counts_delete after delete on conversation_tags begin ${delta('old', -1)} end`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger conversation_tag_counts_update after update on conversation_tags
           when ${bucketChanged('old', 'new')}
           begin ${delta('old', -1)} ${delta('new', 1)} end`,
        )
        .execute(db);
    }

    // What is there already, one row per bucket.
    await sql
      .raw(
        `insert into conversation_tag_counts (workspace_id, tag, device_id, assignee_id, status, otp_only, unread, n)
         select workspace_id, tag, device_id, assignee_id, status, otp_only, unread, count(*)
         from conversation_tags where status is not null
         group by workspace_id, tag, device_id, assignee_id, status, otp_only, unread`,
      )
      .execute(db);
  },
};
