import type { DbOrTx } from '../db/database.js';
import { AppError } from '../lib/errors.js';
import { monthPeriod } from '../lib/time.js';
import type { Plan } from '../workspaces/plans.js';
import { addUsage, countMessageUnder } from '../workspaces/store.js';

/**
 * Counts one message against the month's quota, atomically: the increment only happens while
 * under the limit, so concurrent sends cannot overshoot it.
 */
export async function consumeMessageQuota(
  db: DbOrTx,
  workspaceId: string,
  plan: Plan,
  now: Date,
): Promise<void> {
  if (plan.messagesPerMonth === null) {
    await addUsage(db, workspaceId, now, { messagesSent: 1 });
    return;
  }
  const period = monthPeriod(now);
  await addUsage(db, workspaceId, now, {});
  if (!(await countMessageUnder(db, workspaceId, period, plan.messagesPerMonth))) {
    throw new AppError(
      'QUOTA_EXCEEDED',
      `The ${plan.name} plan allows ${plan.messagesPerMonth} messages a month and this month's are used up`,
      { limit: plan.messagesPerMonth, period },
    );
  }
}
