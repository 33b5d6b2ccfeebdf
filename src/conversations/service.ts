import type { AppContext } from '../context.js';
import type { CreationHook } from '../db/database.js';
import type { WapingEvent } from '../events/types.js';
import { forbidden, notFound, validation } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { sendMessage } from '../messages/send.js';
import type { MessageView } from '../messages/views.js';
import type { Plan } from '../workspaces/plans.js';
import { findMember } from '../workspaces/members.js';
import type { Role } from '../workspaces/tables.js';
import { publishConversation, recordConversationEvent } from './announce.js';
import type { ReplyInput } from './schemas.js';
import { findConversation, lockedConversation, setTags, viewOf } from './store.js';
import { inboundCountAfter, newestInboundId } from './thread.js';
import type { ConversationNoteRow, ConversationRow, ConversationStatus } from './tables.js';
import { toNoteView, type ConversationView, type NoteView } from './views.js';

/** Who acts on a conversation: a dashboard member (with a role) or an API key (no role). */
export interface Actor {
  workspaceId: string;
  principalId: string;
  userId?: string;
  role?: Role;
}

export interface ConversationChanges {
  status?: ConversationStatus;
  /** A member's user id, `me`, or null to unassign. */
  assigneeId?: string | null;
  tags?: string[];
}

async function existing(ctx: AppContext, workspaceId: string, id: string): Promise<ConversationRow> {
  const row = await findConversation(ctx.db, workspaceId, id);
  if (!row) throw notFound('Conversation');
  return row;
}

/**
 * The assignee a change asks for, checked: `me` needs a dashboard session and the user must be a
 * member of the workspace. Whether an agent may make the change is `assertMayAssign`'s question.
 */
async function wantedAssignee(ctx: AppContext, actor: Actor, wanted: string | null): Promise<string | null> {
  const target = wanted === 'me' ? (actor.userId ?? null) : wanted;
  if (wanted === 'me' && !actor.userId) {
    throw validation('"me" means the signed-in member; an API key must name a user id', [
      { field: 'body.assigneeId', message: 'is "me" without a dashboard session' },
    ]);
  }
  if (target !== null && !(await findMember(ctx.db, actor.workspaceId, target))) {
    throw validation('assigneeId is not a member of this workspace', [
      { field: 'body.assigneeId', message: 'is not a member' },
    ]);
  }
  return target;
}

/** An agent may only take a conversation for herself, or let go of her own. */
function assertMayAssign(actor: Actor, target: string | null, current: string | null): void {
  if (actor.role !== 'agent') return;
  const own = target === actor.userId || (target === null && current === actor.userId);
  if (!own) throw forbidden('Agents may assign conversations to themselves only');
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))].sort();
}

/** Status, assignee and tags: one transaction, with an event for each status or assignee change. */
export async function updateConversation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  changes: ConversationChanges,
): Promise<ConversationView> {
  await existing(ctx, actor.workspaceId, id);
  const assignee =
    changes.assigneeId === undefined ? undefined : await wantedAssignee(ctx, actor, changes.assigneeId);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    // Read in the transaction, locked: read before it, requests at once each reported the same
    // move, and an agent's "let go of mine" undid an admin's reassignment made meanwhile.
    const current = await lockedConversation(trx, ctx.dialect, actor.workspaceId, id);
    if (!current) throw notFound('Conversation');
    if (assignee !== undefined) assertMayAssign(actor, assignee, current.assignee_id);
    const statusMoved = changes.status !== undefined && changes.status !== current.status;
    const assigneeMoved = assignee !== undefined && assignee !== current.assignee_id;
    if (statusMoved || assigneeMoved) {
      await trx
        .updateTable('conversations')
        .set({
          ...(statusMoved ? { status: changes.status } : {}),
          ...(assigneeMoved ? { assignee_id: assignee } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    }
    if (changes.tags !== undefined) await setTags(trx, current, uniqueTags(changes.tags));
    const after = await findConversation(trx, actor.workspaceId, id);
    const view = await viewOf(trx, after!);
    const events: WapingEvent[] = [];
    if (assigneeMoved) {
      events.push(
        await recordConversationEvent(ctx, trx, actor.workspaceId, 'conversation.assigned', view, now, {
          previousAssigneeId: current.assignee_id,
        }),
      );
    }
    if (statusMoved) {
      events.push(
        await recordConversationEvent(ctx, trx, actor.workspaceId, 'conversation.status_changed', view, now, {
          previousStatus: current.status,
        }),
      );
    }
    return { workspaceId: actor.workspaceId, view, kind: 'updated' as const, events };
  });
  publishConversation(ctx, outcome);
  return outcome.view;
}

/** The team has read the thread: the unread count goes back to zero. */
export async function markRead(ctx: AppContext, workspaceId: string, id: string): Promise<ConversationView> {
  await existing(ctx, workspaceId, id);
  await ctx.db
    .updateTable('conversations')
    .set({ unread_count: 0 })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  const view = await viewOf(ctx.db, (await findConversation(ctx.db, workspaceId, id))!);
  publishConversation(ctx, { workspaceId, view, kind: 'read', events: [] });
  return view;
}

/**
 * Answers the customer on the conversation's line through the messages feature (quota, opt-out,
 * pacing, receipts as for any send). Replying reads the thread.
 */
export async function replyToConversation(
  ctx: AppContext,
  actor: Actor,
  plan: Plan,
  id: string,
  input: ReplyInput,
  options: { source: 'api' | 'dashboard'; onCreate?: CreationHook },
): Promise<MessageView> {
  const conversation = await existing(ctx, actor.workspaceId, id);
  // What the member answers: the customer messages there before the reply is sent.
  const readThrough = conversation.unread_count > 0 ? await newestInboundId(ctx.db, conversation) : undefined;
  const message = await sendMessage(
    ctx,
    actor.workspaceId,
    plan,
    {
      ...input,
      deviceId: conversation.device_id,
      to: conversation.phone,
      metadata: { conversationId: conversation.id, repliedBy: actor.principalId },
    },
    { source: options.source, ...(options.onCreate ? { onCreate: options.onCreate } : {}) },
  );
  if (readThrough !== undefined) await markReadThrough(ctx, conversation, readThrough);
  return message;
}

/**
 * The team read the thread up to its customer message `readThrough` (null: none is left): the
 * unread count keeps the customer messages after it. A reply used to set the count to 0 once it
 * was sent, and customer messages that arrived meanwhile were no longer unread.
 */
async function markReadThrough(
  ctx: AppContext,
  conversation: ConversationRow,
  readThrough: string | null,
): Promise<void> {
  const { workspace_id: workspaceId, id } = conversation;
  const view = await ctx.db.transaction().execute(async (trx) => {
    // Locked before counting: a customer message being filed holds the row until it commits, so it
    // is either counted below or adds its own increment after this transaction.
    const current = await lockedConversation(trx, ctx.dialect, workspaceId, id);
    if (!current) return undefined;
    // Never more than the count: what was read meanwhile (POST /read) stays read.
    const unread = Math.min(current.unread_count, await inboundCountAfter(trx, current, readThrough));
    if (unread === current.unread_count) return undefined;
    await trx.updateTable('conversations').set({ unread_count: unread }).where('id', '=', id).execute();
    return viewOf(trx, { ...current, unread_count: unread });
  });
  if (view) publishConversation(ctx, { workspaceId, view, kind: 'read', events: [] });
}

/** An internal note for the team; it is never sent to WhatsApp. */
export async function addNote(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: string,
  authorName: string | null,
): Promise<NoteView> {
  const conversation = await existing(ctx, actor.workspaceId, id);
  const now = ctx.clock.now();
  const row = {
    id: newId('note', now.getTime()),
    workspace_id: actor.workspaceId,
    conversation_id: conversation.id,
    author_id: actor.userId ?? actor.principalId,
    author_name: authorName,
    body,
    created_at: now.toISOString(),
  };
  await ctx.db.insertInto('conversation_notes').values(row).execute();
  publishConversation(ctx, {
    workspaceId: actor.workspaceId,
    view: await viewOf(ctx.db, conversation),
    kind: 'note',
    events: [],
  });
  return toNoteView(row);
}

/**
 * A page of the conversation's notes, oldest first after `afterId` (ask for one more than the page
 * to learn if more follow). Before, the list was the 500 oldest notes, with no way to read on.
 */
export async function listNotes(
  ctx: AppContext,
  workspaceId: string,
  id: string,
  afterId: string | undefined,
  limit: number,
): Promise<ConversationNoteRow[]> {
  await existing(ctx, workspaceId, id);
  let query = ctx.db.selectFrom('conversation_notes').selectAll().where('conversation_id', '=', id);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}
