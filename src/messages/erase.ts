import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { parseMessageMedia } from '../media/message-media.js';
import { parseSettings } from '../workspaces/settings.js';
import { findWorkspace } from '../workspaces/store.js';
import {
  announce,
  eventOfMove,
  moveInTransaction,
  transitionInTransaction,
  type MessageChange,
} from './status.js';

/** Messages whose text is still needed to send them; their bodies are never erased. */
export const IN_FLIGHT = ['queued', 'sending'] as const;

/** Erases the bodies of a workspace's messages created before `cutoff` (retention); returns how many. */
export async function eraseBodiesBefore(db: DbOrTx, workspaceId: string, cutoff: string): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set({ body: null, sealed_body: null, media: null })
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '<', cutoff)
    .where('status', 'not in', [...IN_FLIGHT])
    .where((eb) =>
      eb.or([eb('body', 'is not', null), eb('sealed_body', 'is not', null), eb('media', 'is not', null)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The ids of the messages still queued for a number, oldest first; without codes if `keepCodes`. */
async function queuedTo(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
  { keepCodes }: { keepCodes: boolean },
): Promise<string[]> {
  let query = db
    .selectFrom('messages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('status', '=', 'queued');
  if (keepCodes) query = query.where('source', '!=', 'verification');
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Cancels what is still queued for a number that asked to be forgotten (through the state
 * machine, one message at a time). The `message.canceled` event reports the message without its
 * text or file: the person asked for them to be erased, and the event would keep them.
 */
export async function cancelQueuedTo(ctx: AppContext, workspaceId: string, phone: string): Promise<void> {
  for (const id of await queuedTo(ctx.db, workspaceId, phone, { keepCodes: false })) {
    const now = ctx.clock.now();
    const change = await ctx.db.transaction().execute(async (trx) => {
      const moved = await moveInTransaction(ctx, trx, id, 'canceled', { at: now });
      if (!moved) return undefined;
      const row = { ...moved, body: null, sealed_body: null, media: null };
      const input = eventOfMove(row, 'canceled', now);
      return { row, event: input ? await ctx.events.record(trx, input) : undefined };
    });
    if (change) announce(ctx, [change]);
  }
}

/** Why a message queued for a number that then opted out was canceled (its `error`). */
export const OPTED_OUT_CANCEL = {
  errorCode: 'RECIPIENT_OPTED_OUT',
  errorMessage: 'The recipient opted out before it was sent',
} as const;

/**
 * Cancels, in the caller's transaction (the one that opts the number out), what is still queued
 * for a number that has just opted out, each with its `message.canceled` event. Before, an opt-out
 * only refused new sends, and what was queued for the person went out when its device got to it.
 * Verification codes stay when the workspace sends codes to opted-out numbers
 * (`allowOtpToOptedOut`): the person asked for those themselves. Call the returned function once
 * the transaction committed.
 */
export async function cancelQueuedForOptOut(
  ctx: AppContext,
  trx: DbOrTx,
  workspaceId: string,
  phone: string,
): Promise<() => void> {
  const workspace = await findWorkspace(trx, workspaceId);
  const keepCodes = workspace ? parseSettings(workspace.settings).allowOtpToOptedOut === true : false;
  const changes: MessageChange[] = [];
  for (const id of await queuedTo(trx, workspaceId, phone, { keepCodes })) {
    const change = await transitionInTransaction(ctx, trx, id, 'canceled', OPTED_OUT_CANCEL);
    if (change) changes.push(change);
  }
  return () => announce(ctx, changes);
}

export async function hasMessagesWith(db: DbOrTx, workspaceId: string, phone: string): Promise<boolean> {
  const known = await db
    .selectFrom('messages')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .limit(1)
    .executeTakeFirst();
  return known !== undefined;
}

/**
 * Erases a number's conversation: the bodies of all its messages and the WhatsApp name kept on
 * its inbound ones. Statuses, timelines and the number stay for delivery accounting. Returns how
 * many bodies were erased.
 */
export async function eraseConversation(db: DbOrTx, workspaceId: string, phone: string): Promise<number> {
  await db
    .updateTable('messages')
    .set({ metadata: null })
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('direction', '=', 'in')
    .execute();
  const erased = await db
    .updateTable('messages')
    .set({ body: null, sealed_body: null, media: null })
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('status', 'not in', [...IN_FLIGHT])
    .where((eb) =>
      eb.or([eb('body', 'is not', null), eb('sealed_body', 'is not', null), eb('media', 'is not', null)]),
    )
    .executeTakeFirst();
  return Number(erased.numUpdatedRows);
}

/**
 * Drops the answers stored for replay (`Idempotency-Key`) of the requests that created a number's
 * messages: each holds the message as it was accepted, text included, for 24 hours, and replayed
 * it after the text was erased. The records stay, with the message they created: a retry is then
 * answered from the message as it is now (erased) and still sends nothing. Deleting the records
 * instead would free their keys, and a retry would send the text to the person again.
 */
export async function forgetStoredAnswersFor(db: DbOrTx, workspaceId: string, phone: string): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ response_status: null, response_body: null })
    .where('workspace_id', '=', workspaceId)
    .where('response_body', 'is not', null)
    .where('resource_id', 'in', (eb) =>
      eb
        .selectFrom('messages')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('phone', '=', phone),
    )
    .execute();
}

/** The ids of the files a number's messages carry (to delete them with the conversation). */
export async function mediaIdsWith(db: DbOrTx, workspaceId: string, phone: string): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('media')
    .where('workspace_id', '=', workspaceId)
    .where('phone', '=', phone)
    .where('media', 'is not', null)
    .execute();
  return rows.flatMap((r) => parseMessageMedia(r.media)?.id ?? []);
}

/** How many files one look-up asks about (each is a LIKE in one OR: SQLite limits its depth). */
const FILES_PER_LOOKUP = 100;

/**
 * A LIKE pattern for a message whose stored file is `mediaId`. With its quotes, `"id":"med_…"`
 * can only be the file's own key: a quote inside a caption or a file name is stored escaped.
 */
const carriesFilePattern = (mediaId: string) =>
  `%${JSON.stringify({ id: mediaId })
    .slice(1, -1)
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Of `mediaIds`, the files no message of the workspace points at. Erasing a contact deletes only
 * these: an uploaded file sent to several recipients is the same file for all of them, and
 * deleting it with one recipient's messages failed the others' queued sends and new ones.
 */
export async function filesNoMessageUses(
  db: DbOrTx,
  workspaceId: string,
  mediaIds: readonly string[],
): Promise<string[]> {
  const asked = [...new Set(mediaIds)];
  const used = new Set<string>();
  for (let i = 0; i < asked.length; i += FILES_PER_LOOKUP) {
    const batch = asked.slice(i, i + FILES_PER_LOOKUP);
    const rows = await db
      .selectFrom('messages')
      .select('media')
      .where('workspace_id', '=', workspaceId)
      .where('media', 'is not', null)
      .where((eb) =>
        eb.or(
          batch.map((id) => sql<SqlBool>`${sql.ref('media')} like ${carriesFilePattern(id)} escape '\\'`),
        ),
      )
      .execute();
    for (const row of rows) {
      const id = parseMessageMedia(row.media)?.id;
      if (id) used.add(id);
    }
  }
  return asked.filter((id) => !used.has(id));
}
