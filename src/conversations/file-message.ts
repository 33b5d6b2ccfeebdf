import { sql, type QueryCreator, type RawBuilder, type Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { DbOrTx, Dialect } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/types.js';
import type { WapingEvent } from '../events/types.js';
import { newId } from '../lib/ids.js';
import type { AfterCommit, MessageStoredHook } from '../messages/stored-hooks.js';
import type { MessageRow } from '../messages/tables.js';
import { conversationEventInput, publishConversation, recordConversationEvent } from './announce.js';
import { viewOf } from './store.js';
import type { ConversationRow } from './tables.js';
import { toConversationView } from './views.js';

const PREVIEW_CHARS = 120;

function pushNameOf(row: MessageRow): string | null {
  if (!row.metadata) return null;
  try {
    const name = (JSON.parse(row.metadata) as { pushName?: unknown }).pushName;
    return typeof name === 'string' && name.trim() !== '' ? name : null;
  } catch {
    return null;
  }
}

interface OutboundFiling {
  id: string;
  workspaceId: string;
  deviceId: string;
  phone: string;
  /** 1 for a verification code: a thread it creates is code-only, and it leaves that flag as it is. */
  otpOnly: number;
  messageId: string;
  at: string;
  preview: string | null;
}

/** Whether the message being filed is newer than the thread's last one (ids sort by time). */
const newer = sql<boolean>`(conversations.last_message_id is null or conversations.last_message_id < excluded.last_message_id)`;
const forwardOnly = <T>(
  column: 'last_message_id' | 'last_message_at' | 'last_direction' | 'last_preview' | 'updated_at',
) => sql<T>`case when ${newer} then excluded.${sql.ref(column)} else conversations.${sql.ref(column)} end`;

/**
 * A thread's tags in the database's order, as `tagsOf` reads them, in the statement that files the
 * message (JSON text on SQLite, whose aggregate keeps the order of the rows it is given).
 */
const tagsOfThread: Record<Dialect, RawBuilder<string[] | string>> = {
  postgres: sql`(select coalesce(json_agg(t.tag order by t.tag), '[]'::json) from conversation_tags t where t.conversation_id = conversations.id)`,
  sqlite: sql`(select json_group_array(t.tag) from (select tag from conversation_tags where conversation_id = conversations.id order by tag) t)`,
};

/**
 * An outbound message filed in one statement: the thread is created with it as its last message,
 * or the existing thread's last message moves forward to it (never back, whatever order commits
 * come in). Returns the thread with its tags; it was created by this statement when it carries the
 * id proposed here. The code-only flag is left as it is: three of the thread's indexes hold it and
 * no other column this moves, and a statement that sets a column rewrites the indexes holding it
 * even when its value stays, on every message. `outboundFiled` clears it when it must (rarely).
 */
const fileOutboundQuery = (db: QueryCreator<Database>, a: OutboundFiling, dialect: Dialect) =>
  db
    .insertInto('conversations')
    .values(newThreadOf(a))
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'device_id', 'phone']).doUpdateSet({
        last_message_id: forwardOnly<string | null>('last_message_id'),
        last_message_at: forwardOnly<string>('last_message_at'),
        last_direction: forwardOnly<'in' | 'out' | null>('last_direction'),
        last_preview: forwardOnly<string | null>('last_preview'),
        updated_at: forwardOnly<string>('updated_at'),
      }),
    )
    .returningAll()
    .returning(tagsOfThread[dialect].as('tags_json'));

/** The thread a filing creates when its number has none: the row `fileOutboundQuery` inserts. */
function newThreadOf(a: OutboundFiling): ConversationRow {
  return {
    id: a.id,
    workspace_id: a.workspaceId,
    device_id: a.deviceId,
    phone: a.phone,
    contact_name: null,
    status: 'open',
    assignee_id: null,
    unread_count: 0,
    otp_only: a.otpOnly,
    last_message_id: a.messageId,
    last_message_at: a.at,
    last_direction: 'out',
    last_preview: a.preview,
    last_inbound_at: null,
    created_at: a.at,
    updated_at: a.at,
  };
}

type FiledThread = ConversationRow & { tags_json: string[] | string };

const fileOutboundOn = (dialect: Dialect) =>
  preparedQuery<OutboundFiling, FiledThread>((db, a) => fileOutboundQuery(db, a, dialect));
const fileOutbound: Record<Dialect, ReturnType<typeof fileOutboundOn>> = {
  postgres: fileOutboundOn('postgres'),
  sqlite: fileOutboundOn('sqlite'),
};

function outboundFiling(row: MessageRow, now: Date): OutboundFiling {
  // Accepted and sent messages always have their line; only inbound ones are checked for it.
  if (!row.device_id) throw new Error(`message ${row.id} has no line to file it under`);
  return {
    id: newId('cnv', now.getTime()),
    workspaceId: row.workspace_id,
    deviceId: row.device_id,
    phone: row.phone,
    otpOnly: row.source === 'verification' ? 1 : 0,
    messageId: row.id,
    at: row.created_at,
    preview: row.body === null ? null : row.body.slice(0, PREVIEW_CHARS),
  };
}

/**
 * An accepted message's filing on PostgreSQL. `quiet`: no webhook may want the workspace's events
 * now (`quietFor`), so a thread the message creates needs no write for its `conversation.created`
 * event, and the accept's statement settles the message alone.
 */
interface AcceptedFiling extends OutboundFiling {
  quiet: boolean;
}

/** A message that is not a code, filed into a thread of codes only: the thread joins the inbox. */
function clearsCodeOnly(thread: ConversationRow, filing: OutboundFiling): boolean {
  return thread.otp_only === 1 && filing.otpOnly === 0;
}

/**
 * After an outbound message was filed: the thread's `conversation.created` event when the filing
 * created it (in the same transaction, unless `quiet`: then the event needs no write), and what to
 * publish once it committed.
 */
async function outboundFiled(
  ctx: AppContext,
  trx: DbOrTx,
  filing: OutboundFiling,
  thread: FiledThread,
  quiet = false,
): Promise<AfterCommit> {
  const { tags_json, ...conversation } = thread;
  const created = conversation.id === filing.id;
  if (clearsCodeOnly(conversation, filing)) {
    await trx.updateTable('conversations').set({ otp_only: 0 }).where('id', '=', conversation.id).execute();
    conversation.otp_only = 0;
  }
  // PostgreSQL's driver parses json; SQLite answers its text.
  const tags = typeof tags_json === 'string' ? (JSON.parse(tags_json) as string[]) : tags_json;
  const view = toConversationView(conversation, tags);
  const now = ctx.clock.now();
  const events: WapingEvent[] = !created
    ? []
    : quiet
      ? [ctx.events.unrecorded(conversationEventInput(filing.workspaceId, 'conversation.created', view, now))]
      : [await recordConversationEvent(ctx, trx, filing.workspaceId, 'conversation.created', view, now)];
  return () =>
    publishConversation(ctx, { workspaceId: filing.workspaceId, view, kind: 'message_out', events });
}

/**
 * The inbox's hook into every new message: files it into the conversation of its workspace, line
 * and number (creating it with the first message), in the message's own transaction. A customer
 * message counts as unread (an atomic increment, so concurrent arrivals all count) and reopens a
 * resolved or pending conversation; auto-replies and verification codes join the thread without
 * doing either, and a thread of codes only stays out of the inbox's default list.
 */
export function fileIntoConversation(ctx: AppContext): MessageStoredHook {
  return {
    run: (trx, row) => fileMessage(ctx, trx, row),
    // PostgreSQL files an accepted message in the statement that stores it (messages/accept-store.ts).
    accepted: {
      args: (row, now): AcceptedFiling => ({
        ...outboundFiling(row, now),
        quiet: ctx.events.quietFor(row.workspace_id),
      }),
      // A thread this message creates has its `conversation.created` event to record in `finish`
      // (with its deliveries) unless `quiet`; one whose code-only flag it clears gets that update
      // there.
      build: (db, a: AcceptedFiling) =>
        fileOutboundQuery(db, a, 'postgres').returning(
          sql<boolean>`(conversations.id = ${a.id} and not ${a.quiet}::boolean)
            or (conversations.otp_only = 1 and ${a.otpOnly} = 0)`.as('pending'),
        ),
      settlesAlone: (a: AcceptedFiling) => a.quiet,
      finish: (trx, _row, filing: AcceptedFiling, returned) =>
        outboundFiled(ctx, trx, filing, returned as FiledThread, filing.quiet),
    },
  };
}

async function fileMessage(
  ctx: AppContext,
  trx: Transaction<Database>,
  row: MessageRow,
): Promise<AfterCommit | void> {
  if (!row.device_id) return;
  const deviceId = row.device_id;
  const now = ctx.clock.now();
  const at = row.created_at;
  const inbound = row.direction === 'in';
  const code = row.source === 'verification';
  const preview = row.body === null ? null : row.body.slice(0, PREVIEW_CHARS);

  if (!inbound) {
    const filing = outboundFiling(row, now);
    const { rows } = await fileOutbound[ctx.dialect](trx, filing);
    return outboundFiled(ctx, trx, filing, rows[0]!);
  }

  // Concurrent first messages of one thread: one insert wins, the others fall through to the update.
  const created = await trx
    .insertInto('conversations')
    .values({
      id: newId('cnv', now.getTime()),
      workspace_id: row.workspace_id,
      device_id: deviceId,
      phone: row.phone,
      contact_name: null,
      status: 'open',
      assignee_id: null,
      unread_count: 0,
      otp_only: code ? 1 : 0,
      last_message_id: null,
      last_message_at: at,
      last_direction: null,
      last_preview: null,
      last_inbound_at: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'device_id', 'phone']).doNothing())
    .returning('id')
    .executeTakeFirst();

  const thread = trx
    .updateTable('conversations')
    .where('workspace_id', '=', row.workspace_id)
    .where('device_id', '=', deviceId)
    .where('phone', '=', row.phone);

  // The last message moves forward only (ids sort by time), whatever order commits come in.
  await thread
    .set({
      last_message_id: row.id,
      last_message_at: at,
      last_direction: row.direction,
      last_preview: preview,
      updated_at: at,
    })
    .where((eb) => eb.or([eb('last_message_id', 'is', null), eb('last_message_id', '<', row.id)]))
    .execute();
  if (!code) await thread.set({ otp_only: 0 }).where('otp_only', '=', 1).execute();

  let reopened: { status: 'resolved' | 'pending' } | undefined;
  if (inbound) {
    const name = pushNameOf(row);
    await thread
      .set((eb) => ({
        unread_count: eb('unread_count', '+', 1),
        last_inbound_at: at,
        ...(name ? { contact_name: name } : {}),
      }))
      .execute();
    for (const status of ['resolved', 'pending'] as const) {
      const moved = await thread
        .set({ status: 'open', updated_at: at })
        .where('status', '=', status)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) > 0) reopened = { status };
    }
  }

  const conversation = await trx
    .selectFrom('conversations')
    .selectAll()
    .where('workspace_id', '=', row.workspace_id)
    .where('device_id', '=', deviceId)
    .where('phone', '=', row.phone)
    .executeTakeFirstOrThrow();
  const view = await viewOf(trx, conversation);
  const events: WapingEvent[] = [];
  if (created) {
    events.push(await recordConversationEvent(ctx, trx, row.workspace_id, 'conversation.created', view, now));
  }
  if (reopened) {
    events.push(
      await recordConversationEvent(ctx, trx, row.workspace_id, 'conversation.status_changed', view, now, {
        previousStatus: reopened.status,
      }),
    );
  }
  const kind = inbound ? 'message_in' : 'message_out';
  return () => publishConversation(ctx, { workspaceId: row.workspace_id, view, kind, events });
}
