import { sql } from 'kysely';
import type { Migration } from './migration.js';

// A number has one pending verification: a new one supersedes the pending ones. On PostgreSQL two
// requests storing a verification for the same number at the same moment each superseded what was
// committed before them and not each other, and both stayed pending, two codes valid for one
// number. The unique index makes the second of them fail, and its creation starts over and
// supersedes the first, as if it had come after it. Pending ones left so before the index are
// superseded here first, all but the newest of their number, as a creation after them would
// have; their updated_at stays (a migration has no clock). Frozen like every migration: no
// application imports.
export const m0026_one_pending_verification: Migration = {
  async up(db) {
    await sql`
      update verifications
      set status = 'canceled', failure_reason = 'superseded', sealed_code = null, attempt_deadline = null
      where status = 'pending'
        and exists (
          select 1 from verifications newer
          where newer.workspace_id = verifications.workspace_id
            and newer.phone = verifications.phone
            and newer.status = 'pending'
            and newer.id > verifications.id
        )`.execute(db);
    await db.schema
      .createIndex('verifications_one_pending')
      .on('verifications')
      .columns(['workspace_id', 'phone'])
      .unique()
      .where(sql.ref('status'), '=', sql.lit('pending'))
      .execute();
  },
};
