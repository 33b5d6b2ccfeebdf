import { deleteContact } from '../contacts/store.js';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { deleteMediaByIds } from '../media/service.js';
import {
  cancelQueuedTo,
  eraseConversation,
  filesNoMessageUses,
  forgetStoredAnswersFor,
  hasMessagesWith,
  mediaIdsWith,
} from '../messages/erase.js';
import { forgetCooldowns } from './cooldown.js';

/**
 * Right to be forgotten: cancels what is still queued for the number, erases the bodies (and the
 * WhatsApp name kept on inbound messages) of all its messages and the answers stored for replaying
 * their sends, forgets its cooldowns and deletes the contact, and deletes the files its messages
 * carried that no other message uses. Statuses, timelines and the number in the log stay for
 * delivery accounting. Returns null when the workspace knows nothing about the
 * number. `alsoErase` runs in the same transaction for what features above this one keep about
 * the number (the inbox's conversations).
 */
export async function eraseContact(
  ctx: AppContext,
  workspaceId: string,
  phone: string,
  alsoErase?: (trx: DbOrTx) => Promise<unknown>,
): Promise<{ messagesErased: number } | null> {
  await cancelQueuedTo(ctx, workspaceId, phone);
  const files = await mediaIdsWith(ctx.db, workspaceId, phone);
  const erased = await ctx.db.transaction().execute(async (trx) => {
    const deleted = await deleteContact(trx, workspaceId, phone);
    if (!deleted && !(await hasMessagesWith(trx, workspaceId, phone))) return null;
    await forgetCooldowns(trx, workspaceId, phone);
    await alsoErase?.(trx);
    await forgetStoredAnswersFor(trx, workspaceId, phone);
    return { messagesErased: await eraseConversation(trx, workspaceId, phone) };
  });
  // The files go after the commit, and only those no message points at any more: a file sent to
  // others too (or still being sent to this number) stays.
  if (erased) await deleteMediaByIds(ctx, workspaceId, await filesNoMessageUses(ctx.db, workspaceId, files));
  return erased;
}
