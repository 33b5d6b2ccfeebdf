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

/** Customer messages of a conversation, from the messages index by workspace and number. */
const inboundOf = (db: DbOrTx, conversation: ConversationRow) =>
  db
    .selectFrom('messages')
    .where('workspace_id', '=', conversation.workspace_id)
    .where('phone', '=', conversation.phone)
    .where('device_id', '=', conversation.device_id)
    .where('direction', '=', 'in');

/** The id of the conversation's newest customer message that is committed now, if any. */
export async function newestInboundId(db: DbOrTx, conversation: ConversationRow): Promise<string | null> {
  const row = await inboundOf(db, conversation)
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** How many customer messages of the conversation are newer than `afterId` (all without one). */
export async function inboundCountAfter(
  db: DbOrTx,
  conversation: ConversationRow,
  afterId: string | null,
): Promise<number> {
  let query = inboundOf(db, conversation).select((eb) => eb.fn.countAll<number | string>().as('n'));
  if (afterId) query = query.where('id', '>', afterId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
