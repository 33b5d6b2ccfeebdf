import type { DbOrTx } from '../db/database.js';

/**
 * Right to be forgotten, the inbox's share: a number's conversations on every line go, with their
 * notes and tags (the foreign keys cascade). Returns how many conversations were deleted.
 */
export async function eraseConversationsOf(db: DbOrTx, workspaceId: string, phone: string): Promise<number> {
  const deleted = await db
    .deleteFrom('conversations')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
