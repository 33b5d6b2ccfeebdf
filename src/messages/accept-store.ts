import { PostgresAdapter, sql, type Expression, type QueryCreator, type Transaction } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/types.js';
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
type Args = MessageRow & { workspaceId: string; period: string; limit: number } & Record<string, unknown>;
type Stored = { counted: boolean } & Record<`part${number}`, Record<string, unknown> | null>;

/** A part's placeholders: its argument `name` is `part<i>.name` of the statement's. */
function partPlaceholders(all: Args, index: number): object {
  return new Proxy({}, { get: (_target, name) => all[`part${index}.${String(name)}`] });
}

/**
 * PostgreSQL: the message, its timeline entry, the hooks' parts (the conversation it is filed
 * into) and the month's count in one statement, one round trip where they were one each. The
 * counter row of the workspace, which every accept of the workspace updates, is locked from this
 * statement to the commit only: so when a part says its `finish` will write more (a new
 * conversation's event), the statement does not count, and the count follows that writing.
 * `counted` is false then, or when the quota is used up (the rows written are then rolled back
 * with the transaction); each part's returned row comes back as JSON.
 */
const acceptStatement = (parts: readonly AcceptedPart<object>[], limited: boolean) =>
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
        eb.exists(eb.selectFrom('counted').select('period')).as('counted'),
        ...parts.map((_, i) =>
          sql<Record<string, unknown> | null>`(select row_to_json(p) from ${sql.table(`part${i}`)} p)`.as(
            `part${i}`,
          ),
        ),
      ]);
  });

interface Statements {
  parts: readonly AcceptedPart<object>[];
  under: ReturnType<typeof acceptStatement>;
  unlimited: ReturnType<typeof acceptStatement>;
}
/** Per list of hooks (one per app): the parts they bring, built into the statement once. */
const statementsFor = new WeakMap<readonly MessageStoredHook[], Statements>();

function statements(hooks: readonly MessageStoredHook[]): Statements {
  let found = statementsFor.get(hooks);
  if (!found) {
    const parts = hooks.flatMap((hook) => (hook.accepted ? [hook.accepted] : []));
    found = { parts, under: acceptStatement(parts, true), unlimited: acceptStatement(parts, false) };
    statementsFor.set(hooks, found);
  }
  return found;
}

/**
 * Stores a message accepted for sending with its `queued` timeline entry, counts it against the
 * plan's monthly quota and runs the hooks of a new message (the inbox files it), in the caller's
 * transaction; throws QUOTA_EXCEEDED (the caller's transaction must then roll back) when the
 * month's messages are used up. Call the result after the commit.
 */
export async function storeAcceptedMessage(
  trx: Transaction<Database>,
  row: MessageRow,
  plan: Plan,
  now: Date,
  hooks: readonly MessageStoredHook[],
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
    await consumeMessageQuota(trx, row.workspace_id, plan, now);
    return everyAfterCommit(after);
  }
  const { parts, under, unlimited } = statements(hooks);
  const partArgs = parts.map((part) => part.args(row, now));
  const args: Args = { ...row, workspaceId: row.workspace_id, period, limit: limit ?? 0 };
  partArgs.forEach((values, i) => {
    for (const [name, value] of Object.entries(values)) args[`part${i}.${name}`] = value;
  });
  const { rows } = await (limit === null ? unlimited : under)(trx, args);
  const stored = rows[0]!;
  const returned = parts.map((_, i) => {
    const part = stored[`part${i}`];
    if (!part) throw new Error(`the accept statement's part ${i} returned no row`);
    return part;
  });
  const pending = returned.some((part) => part['pending'] === true);
  if (!stored.counted && !pending) throw quotaExceeded(plan, period);
  for (const [i, part] of parts.entries()) {
    const then = await part.finish(trx, row, partArgs[i]!, returned[i]!);
    if (then) after.push(then);
  }
  // Counted last, after what the parts still wrote: the counter row stays locked until the commit.
  if (pending) await consumeMessageQuota(trx, row.workspace_id, plan, now);
  return everyAfterCommit(after);
}
