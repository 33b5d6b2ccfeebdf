import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { isMediaType } from '../media/outbound.js';
import { parseMessageMedia } from '../media/message-media.js';
import type { Plan } from '../workspaces/plans.js';
import type { SendMessageInput } from './schemas.js';
import { sendMessage } from './send.js';
import { transitionMessage } from './status.js';
import { filteredMessages, type MessageFilter } from './store.js';
import type { MessageRow, MessageSource, MessageStatus } from './tables.js';
import { priorityName } from './views.js';

/** Ids one bulk request may name. */
export const BULK_MAX_IDS = 100;
/** Messages one cancel-by-filter request cancels; `more` says when the filter matches more. */
export const CANCEL_BY_FILTER_MAX = 500;

/** A message a bulk action left alone, and why (a code a client can branch on). */
export interface Skipped {
  id: string;
  /** Its status when it was looked at; null when there is no such message in the workspace. */
  status: MessageStatus | null;
  reason: string;
  message: string;
}

async function rowsByIds(ctx: AppContext, workspaceId: string, ids: string[]) {
  const rows = await ctx.db
    .selectFrom('messages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...new Set(ids)].map((id) => ({ id, row: byId.get(id) }));
}

const missing = (id: string): Skipped => ({
  id,
  status: null,
  reason: 'NOT_FOUND',
  message: 'Message not found',
});

/**
 * Cancels queued messages, named by id or selected by the log's filters, each through the state
 * machine (its timeline entry, and the live update) exactly as a single cancel. Messages in
 * any other status, or that moved on while this ran, are left alone and reported.
 */
export async function cancelMessages(
  ctx: AppContext,
  workspaceId: string,
  target: { ids: string[] } | { filter: MessageFilter },
): Promise<{ canceled: string[]; skipped: Skipped[]; more: boolean }> {
  let candidates: Array<{ id: string; row: MessageRow | undefined }>;
  let more = false;
  if ('ids' in target) {
    candidates = await rowsByIds(ctx, workspaceId, target.ids);
  } else {
    const rows = await filteredMessages(ctx.db, workspaceId, { ...target.filter, status: 'queued' })
      .selectAll()
      .orderBy('id', 'asc')
      .limit(CANCEL_BY_FILTER_MAX + 1)
      .execute();
    more = rows.length > CANCEL_BY_FILTER_MAX;
    candidates = rows.slice(0, CANCEL_BY_FILTER_MAX).map((row) => ({ id: row.id, row }));
  }
  const canceled: string[] = [];
  const skipped: Skipped[] = [];
  for (const { id, row } of candidates) {
    if (!row) {
      skipped.push(missing(id));
      continue;
    }
    const done = row.status === 'queued' ? await transitionMessage(ctx, id, 'canceled') : undefined;
    if (done) {
      canceled.push(id);
      continue;
    }
    const now = row.status === 'queued' ? await currentStatus(ctx, id) : row.status;
    skipped.push({
      id,
      status: now,
      reason: 'NOT_QUEUED',
      message: `Only queued messages can be canceled; this one is ${now ?? 'gone'}`,
    });
  }
  return { canceled, skipped, more };
}

async function currentStatus(ctx: AppContext, id: string): Promise<MessageStatus | null> {
  const row = await ctx.db.selectFrom('messages').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status ?? null;
}

/** What a failed message is sent again as, or why it cannot be. */
function retryInput(row: MessageRow): SendMessageInput | Omit<Skipped, 'id' | 'status'> {
  if (row.masked === 1 || row.source === 'verification')
    return {
      reason: 'ONE_TIME_CODE',
      message: 'A one-time code is not sent again; start a new verification instead',
    };
  const media = parseMessageMedia(row.media);
  const common = {
    to: row.phone,
    priority: priorityName(row.priority),
    queueIfDisconnected: row.queue_if_disconnected === 1,
    ...(row.metadata ? { metadata: JSON.parse(row.metadata) as Record<string, unknown> } : {}),
  };
  if (media && isMediaType(media.type)) {
    return {
      ...common,
      type: media.type,
      media: { id: media.id },
      ...(media.caption ? { caption: media.caption } : {}),
      ...(media.type === 'document' && media.filename ? { filename: media.filename } : {}),
      ...(media.type === 'audio' && media.voice ? { voice: true } : {}),
    };
  }
  if (row.body === null || media)
    return { reason: 'BODY_ERASED', message: 'Its text was erased by retention; there is nothing to send' };
  return { ...common, type: 'text', text: { body: row.body } };
}

/**
 * Sends failed messages again. A failed message stays failed (statuses only move forward): each
 * retry is a new message with the same recipient, text (a template's as it was rendered) or file,
 * priority and metadata, routed as a new send is (docs/api.md). One-time codes, texts erased by
 * retention and messages not `failed` are left alone and reported; so is a send refused now
 * (opted out, no device, quota), with its error code.
 */
export async function retryMessages(
  ctx: AppContext,
  workspaceId: string,
  plan: Plan,
  ids: string[],
  source: MessageSource,
): Promise<{ retried: Array<{ id: string; messageId: string }>; skipped: Skipped[] }> {
  const retried: Array<{ id: string; messageId: string }> = [];
  const skipped: Skipped[] = [];
  for (const { id, row } of await rowsByIds(ctx, workspaceId, ids)) {
    if (!row) {
      skipped.push(missing(id));
      continue;
    }
    if (row.status !== 'failed') {
      skipped.push({
        id,
        status: row.status,
        reason: 'NOT_FAILED',
        message: `Only failed messages can be retried; this one is ${row.status}`,
      });
      continue;
    }
    const input = retryInput(row);
    if ('reason' in input) {
      skipped.push({ id, status: row.status, ...input });
      continue;
    }
    try {
      const sent = await sendMessage(ctx, workspaceId, plan, input, { source });
      retried.push({ id, messageId: sent.id });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      skipped.push({ id, status: row.status, reason: err.code, message: err.message });
    }
  }
  return { retried, skipped };
}
