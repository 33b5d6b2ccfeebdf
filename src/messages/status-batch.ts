import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { Db, DbOrTx } from '../db/database.js';
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

export type MoveAllArgs = { ids: unknown; ats: unknown; times: unknown; status: MessageStatus };

/**
 * One status for many messages, each moved only if its own status allows it and stamped with its
 * own time, with the timeline entries of those moved at those times. On PostgreSQL the ids and
 * times go as two arrays in the same order, each row's time found by its id's position; on SQLite
 * as one JSON object of times by id, each row's time read by its key (a quoted key in the JSON
 * path: message ids are generated and hold no quote or backslash). The text is the same however
 * many there are, so it is compiled once per target status. A row's time is looked up, never
 * searched for with a subquery over the batch: SQLite ran such a subquery as a scan of the ids
 * joined to a scan of the times for every row moved, so a batch of 100 took 51 ms instead of 2.4.
 */
export function moveAllStatement(db: Db, postgres: boolean, status: MessageStatus, a: MoveAllArgs) {
  const timeOf = postgres
    ? sql<string>`(${a.ats}::text[])[array_position(${a.ids}::text[], messages.id)]`
    : sql<string>`json_extract(${a.times}, '$."' || messages.id || '"')`;
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
        : sql<boolean>`id in (select key from json_each(${a.times}))`,
    )
    .where('status', 'in', ALLOWED_FROM[status])
    .returningAll();
  return postgres
    ? withTimelineEntries(db, moved, { status: a.status, at: sql.ref('moved.updated_at'), errorCode: null })
    : moved;
}

const buildMoveAll = (postgres: boolean, status: MessageStatus) =>
  preparedQuery<MoveAllArgs, MessageRow>((db, a) => moveAllStatement(db, postgres, status, a));

/** SQLite: the timeline entries of the messages moved, from a JSON object of their times by id. */
const insertHistoryAll = preparedQuery<{ times: string; status: MessageStatus }, never>((db, a) =>
  db
    .insertInto('message_status_history')
    .columns(['message_id', 'status', 'at', 'error_code'])
    .expression(sql`select key, ${a.status}, value, null from json_each(${a.times})`),
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
    postgres
      ? { ids, ats, times: null, status }
      : { ids: null, ats: null, times: timesById(ids, ats), status },
  );
  // On PostgreSQL the timeline entries came with the moves (the same statement).
  if (!postgres && rows.length > 0) {
    await insertHistoryAll(trx, {
      times: timesById(
        rows.map((r) => r.id),
        rows.map((r) => r.updated_at),
      ),
      status,
    });
  }
  return new Map(rows.map((row) => [row.id, row]));
}

/** `{"<id>": "<time>", …}` as JSON, in the order given. */
function timesById(ids: string[], ats: string[]): string {
  return JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, ats[i]])));
}
