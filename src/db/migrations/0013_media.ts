import type { Migration } from './migration.js';

// Media files (uploaded, fetched from a URL, or received from WhatsApp): one row each, with what
// the content was found to be. `media_chunks` holds the bytes when the database is the store
// (WAPING_MEDIA_URL=database:). A message carries a copy of its media's metadata in `media`, so
// the log shows it without a join and still says what was sent after the file is gone.
// Frozen like every migration: no application imports.
export const m0013_media: Migration = {
  async up(db, dialect) {
    await db.schema
      .createTable('media')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('sha256', 'text')
      .addColumn('filename', 'text')
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('media_workspace')
      .on('media')
      .columns(['workspace_id', 'created_at'])
      .execute();
    await db.schema.createIndex('media_status').on('media').columns(['status', 'created_at']).execute();
    await db.schema
      .createTable('media_chunks')
      .addColumn('storage_key', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('media_chunks_pk', ['storage_key', 'seq'])
      .execute();
    await db.schema.alterTable('messages').addColumn('media', 'text').execute();
  },
};
