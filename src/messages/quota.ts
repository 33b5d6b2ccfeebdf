import { sql, type QueryCreator, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/types.js';
import { AppError } from '../lib/errors.js';
import { monthPeriod } from '../lib/time.js';
import type { Plan } from '../workspaces/plans.js';

interface Counter {
  workspaceId: string;
  period: string;
  /** Verifications counted with the message (1 for a verification's first code, else 0). */
  verifications: number;
}

/** The counter's row for one more message; with `when`, only if it holds (PostgreSQL's accept). */
const counterRow = (db: QueryCreator<Database>, a: Counter, when?: RawBuilder<boolean>) => {
  const insert = db.insertInto('usage_counters');
  if (!when)
    return insert.values({
      workspace_id: a.workspaceId,
      period: a.period,
      messages_sent: 1,
      verifications: a.verifications,
    });
  return insert
    .columns(['workspace_id', 'period', 'messages_sent', 'verifications'])
    .expression(sql`select ${a.workspaceId}, ${a.period}, 1, ${a.verifications} where ${when}`);
};

const counted = {
  messages_sent: sql<number>`usage_counters.messages_sent + 1`,
  verifications: sql<number>`usage_counters.verifications + excluded.verifications`,
};

/** The month's counter goes up by one, created at one if the month has none yet. */
export const countMessageQuery = (db: QueryCreator<Database>, a: Counter, when?: RawBuilder<boolean>) =>
  counterRow(db, a, when).onConflict((oc) => oc.columns(['workspace_id', 'period']).doUpdateSet(counted));

/**
 * The same, but only while the counter is under the limit. One statement that reads and writes the
 * row under its lock (SQLite: the write lock; PostgreSQL: ON CONFLICT re-checks the WHERE on the
 * row's latest version), so concurrent sends cannot overshoot; no row changed means the limit is
 * reached. A limit of 0 never gets here (the insert would count one).
 */
export const countMessageUnderQuery = (
  db: QueryCreator<Database>,
  a: Counter & { limit: number },
  when?: RawBuilder<boolean>,
) =>
  counterRow(db, a, when).onConflict((oc) =>
    oc
      .columns(['workspace_id', 'period'])
      .doUpdateSet(counted)
      .where('usage_counters.messages_sent', '<', a.limit),
  );

const countMessage = preparedQuery<Counter, never>(countMessageQuery);
const countMessageUnder = preparedQuery<Counter & { limit: number }, never>(countMessageUnderQuery);

/** The refusal of a message past the plan's monthly quota. */
export function quotaExceeded(plan: Plan, period: string): AppError {
  return new AppError(
    'QUOTA_EXCEEDED',
    `The ${plan.name} plan allows ${plan.messagesPerMonth} messages a month and this month's are used up`,
    { limit: plan.messagesPerMonth, period },
  );
}

/**
 * Counts one message against the month's quota, atomically: the increment only happens while
 * under the limit, so concurrent sends cannot overshoot it.
 */
export async function consumeMessageQuota(
  db: DbOrTx,
  workspaceId: string,
  plan: Plan,
  now: Date,
  verifications = 0,
): Promise<void> {
  const period = monthPeriod(now);
  if (plan.messagesPerMonth === null) {
    await countMessage(db, { workspaceId, period, verifications });
    return;
  }
  const limit = plan.messagesPerMonth;
  const taken =
    limit > 0 &&
    Number(
      (await countMessageUnder(db, { workspaceId, period, limit, verifications })).numAffectedRows ?? 0,
    ) > 0;
  if (!taken) throw quotaExceeded(plan, period);
}

const uncountMessage = preparedQuery<Counter, never>((db, a) =>
  db
    .updateTable('usage_counters')
    .set({
      messages_sent: sql<number>`messages_sent - 1`,
      verifications: sql<number>`verifications - ${a.verifications}`,
    })
    .where('workspace_id', '=', a.workspaceId)
    .where('period', '=', a.period)
    .where('messages_sent', '>', 0),
);

/**
 * Takes back one message (and the verifications counted with it) from the month's count: it was
 * counted on its own before the transaction that was to store it, and that transaction failed.
 */
export async function returnMessageQuota(
  db: DbOrTx,
  workspaceId: string,
  now: Date,
  verifications = 0,
): Promise<void> {
  await uncountMessage(db, { workspaceId, period: monthPeriod(now), verifications });
}
