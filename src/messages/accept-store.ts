import { PostgresAdapter, sql, type Expression, type QueryCreator, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import { isRefusedStatement, refuseStatement } from '../db/refused-statement.js';
import type { Database } from '../db/types.js';
import { RecentSet } from '../lib/recent-set.js';
import { monthPeriod } from '../lib/time.js';
import type { Plan } from '../workspaces/plans.js';
import { consumeMessageQuota, countMessageQuery, countMessageUnderQuery, quotaExceeded } from './quota.js';
import {
  everyAfterCommit,
  type AcceptedPart,
  type AfterCommit,
  type MessageStoredHook,
} from './stored-hooks.js';
import { insertQueuedMessage, withQueuedMessage } from './store.js';
import type { MessageRow } from './tables.js';

/** The message's columns, the counter's, and each hook part's arguments as `part<i>.<name>`. */
type Args = MessageRow & {
  workspaceId: string;
  period: string;
  limit: number;
  verifications: number;
} & Record<string, unknown>;
type Stored = { counted: boolean } & Record<`part${number}`, Record<string, unknown> | null>;

/** A part's placeholders: its argument `name` is `part<i>.name` of the statement's. */
function partPlaceholders(all: Args, index: number): object {
  return new Proxy({}, { get: (_target, name) => all[`part${index}.${String(name)}`] });
}

/**
 * PostgreSQL: the message, the hooks' parts (the conversation it is filed into) and the month's
 * count in one statement, one round trip where they were one each. The counter row of the
 * workspace, which every accept of the workspace updates, is locked from this statement to the
 * commit only: so when a part says its `finish` will write more (a new conversation's event a
 * webhook may want), the statement does not count, and the count follows that writing. `counted`
 * is false then, or when the quota is used up (the rows written are then rolled back with the
 * transaction); each part's returned row comes back as JSON.
 */
const acceptStatement = (parts: readonly AcceptedPart<object>[], limited: boolean, alone: boolean) =>
  preparedQuery<Args, Stored>((db, a) => {
    let query = withQueuedMessage(db, a);
    parts.forEach((part, i) => {
      // Each part writes its own tables: it sees the statement as a plain QueryCreator. What it
      // builds is an insert, update or delete with `returning`, which Kysely takes as a part.
      query = query.with(
        `part${i}`,
        (w) =>
          part.build(w as unknown as QueryCreator<Database>, partPlaceholders(a, i)) as unknown as Expression<
            Record<string, unknown>
          >,
      ) as unknown as typeof query;
    });
    const settled = sql<boolean>`${sql.join(
      [
        sql`true`,
        ...parts.map((_, i) => sql`not exists (select 1 from ${sql.table(`part${i}`)} where pending)`),
      ],
      sql` and `,
    )}`;
    return query
      .with('counted', (w) => {
        // The count touches usage_counters alone: the statement's other parts are nothing to it.
        const counters = w as unknown as QueryCreator<Database>;
        return (
          limited ? countMessageUnderQuery(counters, a, settled) : countMessageQuery(counters, a, settled)
        ).returning('period');
      })
      .selectNoFrom((eb) => [
        // Alone (no transaction around it), a statement that would not count the message, or
        // whose parts have more to write, undoes itself: nothing of it is stored.
        alone
          ? sql<boolean>`case when ${settled} and exists (select 1 from counted) then true else ${refuseStatement} end`.as(
              'counted',
            )
          : eb.exists(eb.selectFrom('counted').select('period')).as('counted'),
        ...parts.map((_, i) =>
          sql<Record<string, unknown> | null>`(select row_to_json(p) from ${sql.table(`part${i}`)} p)`.as(
            `part${i}`,
          ),
        ),
      ]);
  });

type Statement = ReturnType<typeof acceptStatement>;

/** Most recipients remembered per app (`Statements.seen`): a few megabytes at most. */
const MAX_SEEN = 10_000;

interface Statements {
  parts: readonly AcceptedPart<object>[];
  /** By quota. */
  under: Statement;
  unlimited: Statement;
  /** The same, committing on their own (`storeAcceptedAlone`). */
  underAlone: Statement;
  unlimitedAlone: Statement;
  /**
   * Workspace, line and number of the messages this node accepted lately, oldest first: a message
   * to one of them is tried alone, since its parts then usually have nothing more to write (its
   * conversation exists). A first message to a number goes the long way at once instead of
   * trying, being refused (its new thread has an event to write for a webhook) and trying again.
   */
  seen: RecentSet<string>;
}
/** Per list of hooks (one per app): the parts they bring, built into the statement once. */
const statementsFor = new WeakMap<readonly MessageStoredHook[], Statements>();

function statements(hooks: readonly MessageStoredHook[]): Statements {
  let found = statementsFor.get(hooks);
  if (!found) {
    const parts = hooks.flatMap((hook) => (hook.accepted ? [hook.accepted] : []));
    found = {
      parts,
      under: acceptStatement(parts, true, false),
      unlimited: acceptStatement(parts, false, false),
      underAlone: acceptStatement(parts, true, true),
      unlimitedAlone: acceptStatement(parts, false, true),
      seen: new RecentSet(MAX_SEEN),
    };
    statementsFor.set(hooks, found);
  }
  return found;
}

/**
 * Stores a message accepted for sending (its row is its `queued` timeline entry), counts it
 * against the plan's monthly quota and runs the hooks of a new message (the inbox files it), in
 * the caller's transaction; throws QUOTA_EXCEEDED (the caller's transaction must then roll back)
 * when the month's messages are used up. Call the result after the commit.
 */
export async function storeAcceptedMessage(
  trx: Transaction<Database>,
  row: MessageRow,
  plan: Plan,
  now: Date,
  hooks: readonly MessageStoredHook[],
  /** Verifications counted in the month's usage with the message (a verification's first code). */
  verifications = 0,
): Promise<AfterCommit> {
  const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  const period = monthPeriod(now);
  const limit = plan.messagesPerMonth;
  if (postgres && limit === 0) throw quotaExceeded(plan, period);
  // Every hook on SQLite; on PostgreSQL those without a part of the statement below.
  const after: AfterCommit[] = [];
  for (const hook of hooks) {
    if (postgres && hook.accepted) continue;
    const then = await hook.run(trx, row);
    if (then) after.push(then);
  }
  if (!postgres) {
    await insertQueuedMessage(trx, row);
    await consumeMessageQuota(trx, row.workspace_id, plan, now, verifications);
    return everyAfterCommit(after);
  }
  const found = statements(hooks);
  const { partArgs, args } = argumentsOf(found.parts, row, now, limit, verifications);
  const { rows } = await (limit === null ? found.unlimited : found.under)(trx, args);
  found.seen.add(recipientOf(row));
  const stored = rows[0]!;
  const returned = returnedParts(found.parts, stored);
  const { parts } = found;
  const pending = returned.some((part) => part['pending'] === true);
  if (!stored.counted && !pending) throw quotaExceeded(plan, period);
  for (const [i, part] of parts.entries()) {
    const then = await part.finish(trx, row, partArgs[i]!, returned[i]!);
    if (then) after.push(then);
  }
  // Counted last, after what the parts still wrote: the counter row stays locked until the commit.
  if (pending) await consumeMessageQuota(trx, row.workspace_id, plan, now, verifications);
  return everyAfterCommit(after);
}

function argumentsOf(
  parts: readonly AcceptedPart<object>[],
  row: MessageRow,
  now: Date,
  limit: number | null,
  verifications = 0,
): { partArgs: object[]; args: Args } {
  const partArgs = parts.map((part) => part.args(row, now));
  const args: Args = {
    ...row,
    workspaceId: row.workspace_id,
    period: monthPeriod(now),
    limit: limit ?? 0,
    verifications,
  };
  partArgs.forEach((values, i) => {
    for (const [name, value] of Object.entries(values)) args[`part${i}.${name}`] = value;
  });
  return { partArgs, args };
}

function returnedParts(parts: readonly AcceptedPart<object>[], stored: Stored): Record<string, unknown>[] {
  return parts.map((_, i) => {
    const part = stored[`part${i}`];
    if (!part) throw new Error(`the accept statement's part ${i} returned no row`);
    return part;
  });
}

const recipientOf = (row: MessageRow) => `${row.workspace_id} ${row.device_id ?? ''} ${row.phone}`;

/**
 * PostgreSQL, for a message with nothing else to write in its transaction (no idempotency record,
 * no hook outside the statement): stores it as `storeAcceptedMessage` does, in the one statement
 * committed on its own, two round trips fewer (`begin`, `commit`). The statement undoes itself
 * when the month's quota is used up or when a part has more to write (a new thread's event when a
 * webhook may want it, a code-only thread joining the inbox); then, and on SQLite, or for a number
 * this node has not accepted a message for lately unless every part says the statement settles
 * it, this returns undefined and the message is to be stored in a transaction. Call the result
 * once the message is stored (it is).
 */
export async function storeAcceptedAlone(
  db: Db,
  row: MessageRow,
  plan: Plan,
  now: Date,
  hooks: readonly MessageStoredHook[],
): Promise<AfterCommit | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  if (hooks.some((hook) => !hook.accepted)) return undefined;
  const limit = plan.messagesPerMonth;
  if (limit === 0) return undefined;
  const found = statements(hooks);
  const { partArgs, args } = argumentsOf(found.parts, row, now, limit);
  const settles = found.parts.every((part, i) => part.settlesAlone?.(partArgs[i]!) === true);
  if (!settles && !found.seen.has(recipientOf(row))) return undefined;
  let stored: Stored;
  try {
    const { rows } = await (limit === null ? found.unlimitedAlone : found.underAlone)(db, args);
    stored = rows[0]!;
  } catch (err) {
    if (isRefusedStatement(err)) return undefined;
    throw err;
  }
  found.seen.add(recipientOf(row));
  const returned = returnedParts(found.parts, stored);
  // The statement refuses itself otherwise; committed with either, it would be a bug here.
  if (!stored.counted || returned.some((part) => part['pending'] === true))
    throw new Error('the accept statement committed alone uncounted or with work pending');
  const after: AfterCommit[] = [];
  // Nothing pending: the parts' `finish` writes nothing, only says what to publish.
  for (const [i, part] of found.parts.entries()) {
    const then = await part.finish(db, row, partArgs[i]!, returned[i]!);
    if (then) after.push(then);
  }
  return everyAfterCommit(after);
}
