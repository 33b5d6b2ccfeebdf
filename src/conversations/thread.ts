import type { DbOrTx } from '../db/database.js';
import type { MessageRow } from '../messages/tables.js';
import type { ConversationRow } from './tables.js';

/**
 * A conversation's messages, both directions, oldest first after `afterId`: the messages of its
 * workspace, line and number (read here; the messages feature stays their only writer).
 */
export async function threadMessages(
  db: DbOrTx,
  conversation: ConversationRow,
  afterId: string | undefined,
  limit: number,
): Promise<MessageRow[]> {
  let query = db
    .selectFrom('messages')
    .selectAll()
    .where('workspace_id', '=', conversation.workspace_id)
    .where('phone', '=', conversation.phone)
    .where('device_id', '=', conversation.device_id);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id', 'asc').limit(limit).execute();
}
