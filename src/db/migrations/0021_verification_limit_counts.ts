import { sql } from 'kysely';
import type { Migration } from './migration.js';

// A verification limit counted one row per action, and deciding read back through the window up
// to the ceiling: a workspace starting 400 verifications a second under a high per-minute ceiling
// read 24,000 rows for each new one, and the table held every action of the last hour. Counts per
// second read at most one row per second of the window (60 for the per-minute ceiling), whatever
// the rate.
//
// The actions of the last hour carry over, counted into the second they happened in. Frozen like
// every migration: no application imports.
interface CarriedCount {
  workspace_id: string;
  kind: string;
  subject: string;
  second: string;
  count: number | string;
}

export const m0021_verification_limit_counts: Migration = {
  async up(db) {
    await db.schema
      .createTable('verification_limit_counts')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      // The start of the second, ISO 8601 like every time in the schema: '…T10:00:05.000Z'.
      .addColumn('second', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('verification_limit_counts_pk', ['workspace_id', 'kind', 'subject', 'second'])
      .execute();
    await db.schema
      .createIndex('verification_limit_counts_second')
      .on('verification_limit_counts')
      .column('second')
      .execute();

    const since = new Date(Date.now() - 3600 * 1000).toISOString();
    const carried = await db
      .selectFrom('verification_limits')
      .select(['workspace_id', 'kind', 'subject', sql<string>`substr(at, 1, 19)`.as('second')])
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('at', '>', since)
      .groupBy(['workspace_id', 'kind', 'subject', sql`substr(at, 1, 19)`])
      .execute();
    for (let i = 0; i < carried.length; i += 500) {
      await db
        .insertInto('verification_limit_counts')
        .values(
          carried.slice(i, i + 500).map((r: CarriedCount) => ({
            workspace_id: r.workspace_id,
            kind: r.kind,
            subject: r.subject,
            second: `${r.second}.000Z`,
            count: Number(r.count),
          })),
        )
        .execute();
    }
    await db.schema.dropTable('verification_limits').execute();
  },
};
