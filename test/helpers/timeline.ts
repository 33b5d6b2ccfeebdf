import type { DbOrTx } from '../../src/db/database.js';
import { messageTimeline } from '../../src/messages/store.js';

/** The statuses of a message's timeline as the API shows it (its creation entry first). */
export async function timelineStatuses(db: DbOrTx, messageId: string): Promise<string[]> {
  const row = await db
    .selectFrom('messages')
    .select(['id', 'direction', 'created_at'])
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  return (await messageTimeline(db, row)).map((entry) => entry.status);
}
