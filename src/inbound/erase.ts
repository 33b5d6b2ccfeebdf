import type { AppContext } from '../context.js';
import { transitionMessage } from '../messages/status.js';

/** Messages whose text is still needed to send them; their bodies are never erased. */
export const IN_FLIGHT = ['queued', 'sending'] as const;

/**
 * Right to be forgotten: cancels what is still queued for the number, erases the bodies (and the
 * WhatsApp name kept on inbound messages) of all its messages, forgets its cooldowns and deletes
 * the contact. Statuses, timelines and the number in the log stay for delivery accounting.
 * Returns null when the workspace knows nothing about the number.
 */
export async function eraseContact(
  ctx: AppContext,
  workspaceId: string,
  phone: string,
): Promise<{ messagesErased: number } | null> {
  const queued = await ctx.db
    .selectFrom('messages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('status', '=', 'queued')
    .execute();
  for (const { id } of queued) await transitionMessage(ctx, id, 'canceled');

  return ctx.db.transaction().execute(async (trx) => {
    const contact = await trx
      .deleteFrom('contacts')
      .where('workspace_id', '=', workspaceId)
      .where('phone', '=', phone)
      .executeTakeFirst();
    const known = await trx
      .selectFrom('messages')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('phone', '=', phone)
      .limit(1)
      .executeTakeFirst();
    if (Number(contact.numDeletedRows) === 0 && !known) return null;
    await trx
      .deleteFrom('auto_reply_cooldowns')
      .where('workspace_id', '=', workspaceId)
      .where('phone', '=', phone)
      .execute();
    await trx
      .updateTable('messages')
      .set({ metadata: null })
      .where('workspace_id', '=', workspaceId)
      .where('phone', '=', phone)
      .where('direction', '=', 'in')
      .execute();
    const erased = await trx
      .updateTable('messages')
      .set({ body: null, sealed_body: null })
      .where('workspace_id', '=', workspaceId)
      .where('phone', '=', phone)
      .where('status', 'not in', [...IN_FLIGHT])
      .where((eb) => eb.or([eb('body', 'is not', null), eb('sealed_body', 'is not', null)]))
      .executeTakeFirst();
    return { messagesErased: Number(erased.numUpdatedRows) };
  });
}
