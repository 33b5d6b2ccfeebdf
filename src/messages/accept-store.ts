import { PostgresAdapter, type QueryCreator, type Transaction } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/types.js';
import { monthPeriod } from '../lib/time.js';
import type { Plan } from '../workspaces/plans.js';
import { consumeMessageQuota, countMessageQuery, countMessageUnderQuery, quotaExceeded } from './quota.js';
import { insertQueuedMessage, withQueuedMessage } from './store.js';
import type { MessageRow } from './tables.js';

type Args = MessageRow & { workspaceId: string; period: string; limit: number };

/**
 * PostgreSQL: the message, its timeline entry and the month's count in one statement, one round
 * trip where they were two. The counter row of the workspace, which every accept of the
 * workspace updates, is locked from this statement to the commit only. `counted` is false when
 * the quota is used up (the message row is then rolled back with the transaction).
 */
const storeCounted = (limited: boolean) =>
  preparedQuery<Args, { counted: boolean }>((db, a) =>
    withQueuedMessage(db, a)
      .with('counted', (w) => {
        // The count touches usage_counters alone: the statement's other parts are nothing to it.
        const counters = w as unknown as QueryCreator<Database>;
        return (limited ? countMessageUnderQuery(counters, a) : countMessageQuery(counters, a)).returning(
          'period',
        );
      })
      .selectNoFrom((eb) => eb.exists(eb.selectFrom('counted').select('period')).as('counted')),
  );
const storeCountedUnder = storeCounted(true);
const storeCountedUnlimited = storeCounted(false);

/**
 * Stores a message accepted for sending with its `queued` timeline entry, and counts it against
 * the plan's monthly quota, in the caller's transaction; throws QUOTA_EXCEEDED (the caller's
 * transaction must then roll back) when the month's messages are used up.
 */
export async function storeAcceptedMessage(
  trx: Transaction<Database>,
  row: MessageRow,
  plan: Plan,
  now: Date,
): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) {
    await insertQueuedMessage(trx, row);
    await consumeMessageQuota(trx, row.workspace_id, plan, now);
    return;
  }
  const period = monthPeriod(now);
  const limit = plan.messagesPerMonth;
  if (limit === 0) throw quotaExceeded(plan, period);
  const args = { ...row, workspaceId: row.workspace_id, period, limit: limit ?? 0 };
  const { rows } = await (limit === null ? storeCountedUnlimited : storeCountedUnder)(trx, args);
  if (!rows[0]?.counted) throw quotaExceeded(plan, period);
}
