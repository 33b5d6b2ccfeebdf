import type { AppContext } from '../context.js';
import { inTransaction, type DbOrTx } from '../db/database.js';
import { inSharedTransaction } from '../db/grouped-transactions.js';
import { conflict, notFound } from '../lib/errors.js';
import { toE164 } from '../lib/phone.js';
import type { WapingEvent } from '../events/types.js';
import { codeMatches, keysOf } from './codes.js';
import { countsInTransaction, FAILED_CHECK_LIMIT, reserve } from './limits.js';
import { endVerification, findVerification, latestPending, MAX_CHECKS, takeCheck } from './store.js';
import type { VerificationRow } from './tables.js';
import { eventFor, expireVerification, routeOf } from './transitions.js';
import { effectiveStatus, remainingChecks } from './views.js';

export interface CheckResult {
  id: string;
  status: VerificationRow['status'];
  remainingAttempts: number;
}

const answer = (row: VerificationRow, now: Date): CheckResult => ({
  id: row.id,
  status: effectiveStatus(row, now),
  remainingAttempts: remainingChecks(row),
});

const alreadyUsed = () =>
  conflict('This verification was already approved: a code works once; start a new verification');

async function reread(db: DbOrTx, row: VerificationRow): Promise<VerificationRow> {
  return (await findVerification(db, row.workspace_id, row.id)) ?? row;
}

/** Ends the verification with `status` and its event (for `events`), once, whichever check gets there first. */
async function finish(
  ctx: AppContext,
  db: DbOrTx,
  row: VerificationRow,
  status: 'approved' | 'max_attempts_reached',
  now: Date,
  events: WapingEvent[],
): Promise<VerificationRow | undefined> {
  return inTransaction(db, async (trx) => {
    const patch =
      status === 'approved'
        ? { approved_at: now.toISOString(), attempt_deadline: null }
        : { failure_reason: 'max_attempts_reached', attempt_deadline: null };
    const done = await endVerification(trx, row.id, status, patch, now);
    if (!done) return undefined;
    const route = routeOf(done);
    events.push(
      await ctx.events.record(
        trx,
        status === 'approved'
          ? eventFor('verification.approved', done, now, { channel: route[done.route_index] ?? null })
          : eventFor('verification.failed', done, now, { reason: 'max_attempts_reached' }),
      ),
    );
    return done;
  });
}

/**
 * Checks a code. Every check of a pending verification uses one of its MAX_CHECKS; a wrong one also
 * counts against the destination's failed-check limit, which outlives the verification so a fresh
 * code does not buy fresh guesses. The slot in that limit is taken before comparing, so parallel
 * guesses cannot slip past it, and handed back when the code was right.
 */
export async function checkVerification(
  ctx: AppContext,
  workspaceId: string,
  target: { id: string } | { to: string },
  code: string,
): Promise<CheckResult> {
  const now = ctx.clock.now();
  let row: VerificationRow | undefined;
  if ('id' in target) {
    row = await findVerification(ctx.db, workspaceId, target.id);
    if (!row) throw notFound('Verification');
  } else {
    const phone = toE164(target.to);
    row = await latestPending(ctx.db, workspaceId, phone);
    if (!row) {
      // Counted like a wrong code, so a number nobody verified hits the limit exactly like a known one.
      await reserve(ctx.db, workspaceId, phone, FAILED_CHECK_LIMIT, now);
      throw notFound('Pending verification for this number');
    }
  }
  if (row.status === 'approved') throw alreadyUsed();
  if (row.status !== 'pending') return answer(row, now);
  if (effectiveStatus(row, now) === 'expired')
    return answer((await expireVerification(ctx, row)) ?? row, now);

  const pending = row;
  const events: WapingEvent[] = [];
  // On SQLite the count, the check taken and the outcome are one piece of the shared transaction
  // (`countsInTransaction`); on PostgreSQL the count commits on its own first.
  const result = countsInTransaction(ctx.dialect)
    ? await inSharedTransaction(ctx, (trx) => judge(ctx, trx, pending, code, now, events))
    : await judge(ctx, ctx.db, pending, code, now, events);
  ctx.events.publish(events);
  return result;
}

/** Takes a check of the pending `row` and compares the code; what the check answers. */
async function judge(
  ctx: AppContext,
  db: DbOrTx,
  row: VerificationRow,
  code: string,
  now: Date,
  events: WapingEvent[],
): Promise<CheckResult> {
  const slot = await reserve(db, row.workspace_id, row.phone, FAILED_CHECK_LIMIT, now);
  if (!(await takeCheck(db, row.id, now))) {
    await slot.release();
    const current = await reread(db, row);
    if (current.status === 'approved') throw alreadyUsed();
    return answer(current, now);
  }
  if (codeMatches(keysOf(ctx), row.id, code, row.code_hash)) {
    await slot.release();
    const approved = await finish(ctx, db, row, 'approved', now, events);
    if (approved) return answer(approved, now);
    // Another check with the same code won the race: the code worked once, for it.
    const current = await reread(db, row);
    if (current.status === 'approved') throw alreadyUsed();
    return answer(current, now);
  }
  const current = await reread(db, row);
  if (current.check_attempts < MAX_CHECKS) return answer(current, now);
  const ended = await finish(ctx, db, current, 'max_attempts_reached', now, events);
  return answer(ended ?? (await reread(db, row)), now);
}
