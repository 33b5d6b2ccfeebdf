import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import {
  ALLOWED_FROM,
  ERASES_SEALED,
  eventOfMove,
  moveInTransaction,
  type MessageChange,
  type TransitionExtra,
  withTimelineEntries,
} from './status.js';
import type { MessageRow, MessageStatus } from './tables.js';

/** One move of a batch: what transitionInTransaction takes, for one message. */
export interface BatchedMove {
  messageId: string;
  status: MessageStatus;
  extra?: TransitionExtra;
}

/** Whether a move goes in its status's group: nothing extra but its own time. */
const groupable = (extra: TransitionExtra | undefined): boolean =>
  !extra || Object.keys(extra).every((key) => key === 'at');

/**
 * Several moves in the caller's transaction, each with the result transitionInTransaction would
 * give it run in the order given. Moves with nothing extra but their time (receipts: sent,
 * delivered, read; a dispatcher's `sent` records, each at its hand-off) are grouped by their
 * target status, one statement per group with its timeline entries, and the events of all of
 * them go in one statement: a batch costs a few round trips instead of two per move. A
 * message's moves keep their order (its second move goes in a later round than its first), and
 * the events get their ids in the order given, which is the order webhooks deliver them in.
 */
export async function transitionAllInTransaction(
  ctx: AppContext,
  trx: DbOrTx,
  moves: BatchedMove[],
): Promise<Array<MessageChange | undefined>> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const ids = [...new Set(moves.map((move) => move.messageId))];
  // PostgreSQL: every row of the batch locked first, in id order, with the lock its update takes.
  // Two batches over the same messages (a device's receipts, its dispatcher's `sent` records) then
  // wait for each other instead of each holding a row the other needs, a deadlock PostgreSQL
  // breaks only after a second by aborting one.
  if (ctx.dialect === 'postgres' && ids.length > 1) await lockInIdOrder(trx, { ids });
  const rows: Array<MessageRow | undefined> = new Array<MessageRow | undefined>(moves.length);
  const rounds: number[][] = [];
  const movesOf = new Map<string, number>();
  moves.forEach((move, i) => {
    const round = movesOf.get(move.messageId) ?? 0;
    movesOf.set(move.messageId, round + 1);
    (rounds[round] ??= []).push(i);
  });
  for (const round of rounds) {
    const groups = new Map<MessageStatus, number[]>();
    for (const i of round) {
      const { messageId, status, extra } = moves[i]!;
      if (extra && !groupable(extra)) {
        rows[i] = await moveInTransaction(ctx, trx, messageId, status, { ...extra, at: extra.at ?? now });
        continue;
      }
      const group = groups.get(status);
      if (group) group.push(i);
      else groups.set(status, [i]);
    }
    for (const [status, indexes] of groups) {
      const ids = indexes.map((i) => moves[i]!.messageId);
      const ats = indexes.map((i) => moves[i]!.extra?.at?.toISOString() ?? at);
      const moved = await moveAll(ctx, trx, status, ids, ats);
      for (const i of indexes) rows[i] = moved.get(moves[i]!.messageId);
    }
  }

  const reported = moves.flatMap((move, i) => {
    const row = rows[i];
    const input = row && eventOfMove(row, move.status, move.extra?.at ?? now);
    return input ? [{ i, input }] : [];
  });
  const events = await ctx.events.recordMany(
    trx,
    ctx.dialect,
    reported.map((r) => r.input),
  );
  const eventOf = new Map(reported.map((r, n) => [r.i, events[n]]));
  return rows.map((row, i) => (row ? { row, event: eventOf.get(i) } : undefined));
}

const lockInIdOrder = preparedQuery<{ ids: string[] }, { id: string }>((db, a) =>
  db
    .selectFrom('messages')
    .select('id')
    .where(sql<boolean>`id = any(${a.ids}::text[])`)
    .orderBy('id')
    .forNoKeyUpdate(),
);

type MoveAllArgs = { ids: unknown; ats: unknown; status: MessageStatus };

/**
 * One status for many messages, each moved only if its own status allows it and stamped with its
 * own time (`ats`, in the order of `ids`), with the timeline entries of those moved at those
 * times. The ids and times go as array parameters (PostgreSQL arrays; JSON arrays read with
 * json_each on SQLite), so the text is the same however many there are: compiled once per target
 * status.
 */
function buildMoveAll(postgres: boolean, status: MessageStatus) {
  return preparedQuery<MoveAllArgs, MessageRow>((db, a) => {
    const timeOf = postgres
      ? sql<string>`(select v.at from unnest(${a.ids}::text[], ${a.ats}::text[]) as v(id, at) where v.id = messages.id)`
      : sql<string>`(select t.value from json_each(${a.ats}) t join json_each(${a.ids}) i on i.key = t.key where i.value = messages.id)`;
    const moved = db
      .updateTable('messages')
      .set({
        status: a.status,
        updated_at: timeOf,
        ...(ERASES_SEALED.has(status) ? { sealed_body: null } : {}),
      })
      .where(
        postgres
          ? sql<boolean>`id = any(${a.ids}::text[])`
          : sql<boolean>`id in (select value from json_each(${a.ids}))`,
      )
      .where('status', 'in', ALLOWED_FROM[status])
      .returningAll();
    return postgres
      ? withTimelineEntries(db, moved, { status: a.status, at: sql.ref('moved.updated_at'), errorCode: null })
      : moved;
  });
}

const insertHistoryAll = preparedQuery<{ ids: string; ats: string; status: MessageStatus }, never>((db, a) =>
  db
    .insertInto('message_status_history')
    .columns(['message_id', 'status', 'at', 'error_code'])
    .expression(
      sql`select i.value, ${a.status}, t.value, null
          from json_each(${a.ids}) i join json_each(${a.ats}) t on t.key = i.key`,
    ),
);

const moveAllQueries = new Map<string, ReturnType<typeof buildMoveAll>>();

async function moveAll(
  ctx: AppContext,
  trx: DbOrTx,
  status: MessageStatus,
  ids: string[],
  ats: string[],
): Promise<Map<string, MessageRow>> {
  const postgres = ctx.dialect === 'postgres';
  const key = `${postgres}:${status}`;
  let query = moveAllQueries.get(key);
  if (!query) {
    query = buildMoveAll(postgres, status);
    moveAllQueries.set(key, query);
  }
  const { rows } = await query(
    trx,
    postgres ? { ids, ats, status } : { ids: JSON.stringify(ids), ats: JSON.stringify(ats), status },
  );
  // On PostgreSQL the timeline entries came with the moves (the same statement).
  if (!postgres && rows.length > 0) {
    await insertHistoryAll(trx, {
      ids: JSON.stringify(rows.map((r) => r.id)),
      ats: JSON.stringify(rows.map((r) => r.updated_at)),
      status,
    });
  }
  return new Map(rows.map((row) => [row.id, row]));
}
