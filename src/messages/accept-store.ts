import { PostgresAdapter, sql, type Expression, type QueryCreator, type Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { CreationHook, CreationPart, CreationWrite, Db } from '../db/database.js';
import { inSharedTransaction } from '../db/grouped-transactions.js';
import { preparedQuery } from '../db/prepared.js';
import { isRefusedStatement, refuseStatement } from '../db/refused-statement.js';
import type { Database } from '../db/types.js';
import { RecentSet } from '../lib/recent-set.js';
import { monthPeriod } from '../lib/time.js';
import type { Plan } from '../workspaces/plans.js';
import {
  consumeMessageQuota,
  countMessageQuery,
  countMessageUnderQuery,
  returnMessageQuota,
} from './quota.js';
import {
  everyAfterCommit,
  type AcceptedPart,
  type AfterCommit,
  type MessageStoredHook,
} from './stored-hooks.js';
import { insertQueuedMessage, withQueuedMessage } from './store.js';
import type { MessageRow } from './tables.js';

/**
 * The message's columns, the counter's, each hook part's arguments as `part<i>.<name>` and each
 * creation part's as `created<i>.<name>`.
 */
type Args = MessageRow & {
  workspaceId: string;
  period: string;
  limit: number;
  verifications: number;
} & Record<string, unknown>;
type Stored = { counted: boolean } & Record<`part${number}`, Record<string, unknown> | null> &
  Record<`created${number}`, Record<string, unknown>[]>;

/** A part's placeholders: its argument `name` is `part<i>.name` of the statement's. */
function partPlaceholders(all: Args, index: number): object {
  return new Proxy({}, { get: (_target, name) => all[`part${index}.${String(name)}`] });
}

/** A creation part's placeholders: its argument `name` is `created<i>.name` of the statement's. */
function creationPlaceholders(all: Args, index: number): Readonly<Record<string, unknown>> {
  return new Proxy({}, { get: (_target, name) => all[`created${index}.${String(name)}`] });
}

/**
 * Where the statement runs: committed on its own and counting the message, under the plan's limit
 * or without one (`storeAcceptedAlone`); or in a transaction whose count was taken before it
 * (`storeAcceptedInTransaction`).
 */
type Mode = 'alone-under' | 'alone-unlimited' | 'in-transaction';

/**
 * PostgreSQL: the message, the hooks' parts (the conversation it is filed into) and, alone, the
 * month's count and the creation hook's writes (the idempotency key's record of the message; a
 * new verification and those it supersedes) in one statement, one round trip where they were one
 * each. Each hook part's returned row, and each creation part's rows, come back as JSON. Alone,
 * the counter row of the workspace, which every accept of the workspace updates, is locked for
 * the statement only; a statement that would not count the message (the quota used up), whose
 * parts have more to write (a new thread's event a webhook may want) or whose required creation
 * write was not made (a retry took the key's claim over) undoes itself, and nothing of it is
 * stored.
 */
const acceptStatement = (
  parts: readonly AcceptedPart<object>[],
  mode: Mode,
  creation: readonly CreationPart[] = [],
) =>
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
    const partRows = parts.map((_, i) =>
      sql<Record<string, unknown> | null>`(select row_to_json(p) from ${sql.table(`part${i}`)} p)`.as(
        `part${i}`,
      ),
    );
    if (mode === 'in-transaction') return query.selectNoFrom([sql<boolean>`true`.as('counted'), ...partRows]);
    creation.forEach((part, i) => {
      query = query.with(
        `created${i}`,
        (w) =>
          part.build(w as unknown as QueryCreator<Database>, creationPlaceholders(a, i), (name) => {
            const earlier = creation.findIndex((p) => p.name === name);
            if (earlier < 0 || earlier >= i) throw new Error(`No part ${name} before ${part.name}`);
            return sql.table(`created${earlier}`);
          }) as unknown as Expression<Record<string, unknown>>,
      ) as unknown as typeof query;
    });
    const createdRows = creation.map((_, i) =>
      sql<
        Record<string, unknown>[]
      >`(select coalesce(json_agg(c), '[]'::json) from ${sql.table(`created${i}`)} c)`.as(`created${i}`),
    );
    const settled = sql<boolean>`${sql.join(
      [
        sql`true`,
        ...parts.map((_, i) => sql`not exists (select 1 from ${sql.table(`part${i}`)} where pending)`),
        ...creation.flatMap((part, i) =>
          part.required ? [sql`exists (select 1 from ${sql.table(`created${i}`)})`] : [],
        ),
      ],
      sql` and `,
    )}`;
    return query
      .with('counted', (w) => {
        // The count touches usage_counters alone: the statement's other parts are nothing to it.
        const counters = w as unknown as QueryCreator<Database>;
        return (
          mode === 'alone-under'
            ? countMessageUnderQuery(counters, a, settled)
            : countMessageQuery(counters, a, settled)
        ).returning('period');
      })
      .selectNoFrom([
        sql<boolean>`case when ${settled} and exists (select 1 from counted) then true else ${refuseStatement} end`.as(
          'counted',
        ),
        ...partRows,
        ...createdRows,
      ]);
  });

type Statement = ReturnType<typeof acceptStatement>;

/** Most recipients remembered per app (`Statements.seen`): a few megabytes at most. */
const MAX_SEEN = 10_000;

interface Statements {
  parts: readonly AcceptedPart<object>[];
  /** In a transaction, counted before it (`storeAcceptedInTransaction`). */
  inTransaction: Statement;
  /** Committing on their own, by quota (`storeAcceptedAlone`). */
  underAlone: Statement;
  unlimitedAlone: Statement;
  /** The same two with a creation hook's writes in them, by the names of its parts. */
  withCreation: Map<string, { underAlone: Statement; unlimitedAlone: Statement }>;
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
      inTransaction: acceptStatement(parts, 'in-transaction'),
      underAlone: acceptStatement(parts, 'alone-under'),
      unlimitedAlone: acceptStatement(parts, 'alone-unlimited'),
      withCreation: new Map(),
      seen: new RecentSet(MAX_SEEN),
    };
    statementsFor.set(hooks, found);
  }
  return found;
}

/** The statements alone for a list of hooks and, if given, a creation hook's parts. */
function aloneStatements(
  found: Statements,
  creation: readonly CreationPart[] | undefined,
): { underAlone: Statement; unlimitedAlone: Statement } {
  if (!creation) return found;
  const names = creation.map((part) => part.name).join(',');
  let these = found.withCreation.get(names);
  if (!these) {
    these = {
      underAlone: acceptStatement(found.parts, 'alone-under', creation),
      unlimitedAlone: acceptStatement(found.parts, 'alone-unlimited', creation),
    };
    found.withCreation.set(names, these);
  }
  return these;
}

/**
 * Stores a message accepted for sending (its row is its `queued` timeline entry), counts it
 * against the plan's monthly quota and runs the hooks of a new message (the inbox files it), in a
 * transaction that begins with `onCreate` (the idempotency record); throws QUOTA_EXCEEDED when
 * the month's messages are used up. Call the result once it resolves (the message is stored).
 *
 * On PostgreSQL the count is a statement of its own committed before the transaction, and taken
 * back if the transaction fails. Every accept of a workspace updates its month's counter row, and
 * a row updated in a transaction stays locked until the commit: counted inside, the lock was held
 * across the round trips to the commit, which a busy server answers late, and the workspace's
 * accepts queued behind it (a verification's statement waited 12–15 ms for it at 10 concurrent
 * requests, docs/performance.md). Committed on its own, the count holds the row for its statement
 * only. Never past the plan: the count is still taken only under the limit. A process killed
 * between the two commits leaves the month counted one message more than it stored, at most one
 * per request then in flight. SQLite has one writer and shares its commits (`inSharedTransaction`):
 * the count stays in the transaction there.
 */
export async function storeAcceptedInTransaction(
  ctx: AppContext,
  row: MessageRow,
  plan: Plan,
  now: Date,
  hooks: readonly MessageStoredHook[],
  options: {
    onCreate?: CreationHook;
    /** Verifications counted in the month's usage with the message (a verification's first code). */
    verifications: number;
  },
): Promise<AfterCommit> {
  const { onCreate, verifications } = options;
  if (ctx.dialect !== 'postgres') {
    return inSharedTransaction(ctx, async (trx) => {
      await onCreate?.(trx, row.id);
      const after = await runHooks(trx, row, hooks, false);
      await insertQueuedMessage(trx, row);
      await consumeMessageQuota(trx, row.workspace_id, plan, now, verifications);
      return everyAfterCommit(after);
    });
  }
  await consumeMessageQuota(ctx.db, row.workspace_id, plan, now, verifications);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await onCreate?.(trx, row.id);
      return storeCountedMessage(trx, row, now, hooks);
    });
  } catch (err) {
    await returnMessageQuota(ctx.db, row.workspace_id, now, verifications).catch((undo: unknown) =>
      ctx.log.warn(
        { err: undo, messageId: row.id },
        'could not take back the month count of a message not stored',
      ),
    );
    throw err;
  }
}

/** The hooks of a new message that are not parts of the accept statement (all of them on SQLite). */
async function runHooks(
  trx: Transaction<Database>,
  row: MessageRow,
  hooks: readonly MessageStoredHook[],
  postgres: boolean,
): Promise<AfterCommit[]> {
  const after: AfterCommit[] = [];
  for (const hook of hooks) {
    if (postgres && hook.accepted) continue;
    const then = await hook.run(trx, row);
    if (then) after.push(then);
  }
  return after;
}

/** PostgreSQL: the message and the hooks' parts in one statement, in `trx`; its count is taken. */
async function storeCountedMessage(
  trx: Transaction<Database>,
  row: MessageRow,
  now: Date,
  hooks: readonly MessageStoredHook[],
): Promise<AfterCommit> {
  const after = await runHooks(trx, row, hooks, true);
  const found = statements(hooks);
  const { partArgs, args } = argumentsOf(found.parts, row, now, null);
  const { rows } = await found.inTransaction(trx, args);
  found.seen.add(recipientOf(row));
  const returned = returnedParts(found.parts, rows[0]!);
  for (const [i, part] of found.parts.entries()) {
    const then = await part.finish(trx, row, partArgs[i]!, returned[i]!);
    if (then) after.push(then);
  }
  return everyAfterCommit(after);
}

function argumentsOf(
  parts: readonly AcceptedPart<object>[],
  row: MessageRow,
  now: Date,
  limit: number | null,
  verifications = 0,
  created: ReadonlyArray<Readonly<Record<string, unknown>>> = [],
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
  addCreationArgs(args, created);
  return { partArgs, args };
}

/** The creation parts' arguments as the statement's `created<i>.<name>`, part by part. */
function addCreationArgs(args: Args, created: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
  created.forEach((values, i) => {
    for (const [name, value] of Object.entries(values)) args[`created${i}.${name}`] = value;
  });
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
 * PostgreSQL, for a message with nothing else to write in its transaction (no hook outside the
 * statement; the creation hook's writes, `onCreate`, only as parts of the statement: the
 * idempotency key's record of it, a verification born waiting on it): stores it as
 * `storeAcceptedInTransaction` does, in the one statement committed on its own: one round trip
 * where the transaction takes four (`begin`, the hook's writes, the statement, `commit`) after the
 * count's. The statement undoes itself when the month's quota is used up, when a part has more to
 * write (a new thread's event when a webhook may want it, a code-only thread joining the inbox) or
 * when a required creation write was not made (a retry took the key's claim over); then, and on
 * SQLite, or for a number this node has not accepted a message for lately unless every part says
 * the statement settles it, this returns undefined and the message is to be stored in a
 * transaction, which says why (QUOTA_EXCEEDED, the claim's IDEMPOTENCY_IN_PROGRESS). When the
 * key's record takes the request's answer too, `answer` is the message as the request will answer
 * with it. Call the result once the message is stored (it is).
 */
export async function storeAcceptedAlone(
  db: Db,
  row: MessageRow,
  plan: Plan,
  now: Date,
  hooks: readonly MessageStoredHook[],
  creating: {
    onCreate?: CreationHook;
    answer?: unknown;
    /** Verifications counted in the month's usage with the message (`onCreate` stores it). */
    verifications?: number;
  } = {},
): Promise<AfterCommit | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  if (hooks.some((hook) => !hook.accepted)) return undefined;
  const { onCreate, verifications = 0 } = creating;
  if (onCreate && !onCreate.inStatement) return undefined;
  const creation: CreationWrite | undefined = onCreate?.inStatement;
  if (creation?.answer && creating.answer === undefined) return undefined;
  const limit = plan.messagesPerMonth;
  if (limit === 0) return undefined;
  const found = statements(hooks);
  const created = creation?.args(row.id) ?? [];
  const { partArgs, args } = argumentsOf(found.parts, row, now, limit, verifications, created);
  const settles = found.parts.every((part, i) => part.settlesAlone?.(partArgs[i]!) === true);
  if (!settles && !found.seen.has(recipientOf(row))) return undefined;
  // The answer is serialized and sealed only for a statement that will run; any part may read it.
  if (creation?.answer) {
    const answered = creation.answer.args(creating.answer);
    addCreationArgs(
      args,
      created.map(() => answered),
    );
  }
  const alone = aloneStatements(found, creation?.parts);
  let stored: Stored;
  try {
    const { rows } = await (limit === null ? alone.unlimitedAlone : alone.underAlone)(db, args);
    stored = rows[0]!;
  } catch (err) {
    if (isRefusedStatement(err)) return undefined;
    throw err;
  }
  found.seen.add(recipientOf(row));
  creation?.answer?.stored();
  creation?.returned?.(creation.parts.map((_, i) => stored[`created${i}`] ?? []));
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
