import type { AppContext } from '../context.js';
import { inTransaction, type DbOrTx } from '../db/database.js';
import { inSharedTransaction } from '../db/grouped-transactions.js';
import { conflict, notFound } from '../lib/errors.js';
import { toE164 } from '../lib/phone.js';
import type { RecordEventInput } from '../events/outbox.js';
import type { WapingEvent } from '../events/types.js';
import { codeMatches, keysOf } from './codes.js';
import { admit, countsInTransaction, FAILED_CHECK_LIMIT, failedCheckWindow, reserve } from './limits.js';
import {
  approveOnCheck,
  endVerification,
  findVerification,
  latestPending,
  MAX_CHECKS,
  takeCheck,
} from './store.js';
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

/**
 * The check took nothing: what the verification is now (a code that worked once stays used). A
 * verification whose checks are all taken, the last by a wrong code, is ended here if the check
 * that took it has not yet: before, such a check read it still pending and answered "pending"
 * with no attempts left, on PostgreSQL, while the fifth wrong check was ending it.
 */
async function answerAsItIs(
  ctx: AppContext,
  db: DbOrTx,
  row: VerificationRow,
  now: Date,
  events: WapingEvent[],
): Promise<CheckResult> {
  const current = await reread(db, row);
  if (current.status === 'approved') throw alreadyUsed();
  if (current.status === 'pending' && remainingChecks(current) === 0)
    return ranOut(ctx, db, current, now, events);
  return answer(current, now);
}

/** The answer once the verification's last check was taken by a wrong code: it ends, once. */
async function ranOut(
  ctx: AppContext,
  db: DbOrTx,
  row: VerificationRow,
  now: Date,
  events: WapingEvent[],
): Promise<CheckResult> {
  const ended = await runOut(ctx, db, row, now, events);
  return answer(ended ?? (await reread(db, row)), now);
}

/**
 * Ends the verification through `end` (one statement), once (undefined when another check or node
 * got there first), with the event `eventOf` gives for the row it left, for `events`: in a
 * transaction with the event's row, or, when the event needs no write (`quietFor`) and no
 * transaction is open, by the statement alone (no `begin` and `commit` round trips).
 */
async function endWithEvent(
  ctx: AppContext,
  db: DbOrTx,
  row: VerificationRow,
  events: WapingEvent[],
  end: (trx: DbOrTx) => Promise<VerificationRow | undefined>,
  eventOf: (done: VerificationRow) => RecordEventInput,
): Promise<VerificationRow | undefined> {
  if (!db.isTransaction && ctx.events.quietFor(row.workspace_id)) {
    const done = await end(db);
    if (done) events.push(ctx.events.unrecorded(eventOf(done)));
    return done;
  }
  return inTransaction(db, async (trx) => {
    const done = await end(trx);
    if (done) events.push(await ctx.events.record(trx, eventOf(done)));
    return done;
  });
}

/** A right code: one check taken and the verification approved in one statement. */
const approve = (ctx: AppContext, db: DbOrTx, row: VerificationRow, now: Date, events: WapingEvent[]) =>
  endWithEvent(
    ctx,
    db,
    row,
    events,
    (trx) => approveOnCheck(trx, row.id, now, failedCheckWindow(row.workspace_id, row.phone, now)),
    (done) =>
      eventFor('verification.approved', done, now, { channel: routeOf(done)[done.route_index] ?? null }),
  );

/** The last check was wrong: the verification ends as having run out of checks. */
const runOut = (ctx: AppContext, db: DbOrTx, row: VerificationRow, now: Date, events: WapingEvent[]) =>
  endWithEvent(
    ctx,
    db,
    row,
    events,
    (trx) =>
      endVerification(
        trx,
        row.id,
        'max_attempts_reached',
        { failure_reason: 'max_attempts_reached', attempt_deadline: null },
        now,
      ),
    (done) => eventFor('verification.failed', done, now, { reason: 'max_attempts_reached' }),
  );

/**
 * Checks a code. Every check of a pending verification uses one of its MAX_CHECKS; a wrong one also
 * counts against the destination's failed-check limit, which outlives the verification so a fresh
 * code does not buy fresh guesses. A wrong code takes its slot in that limit before it is answered,
 * so parallel guesses cannot slip past it; a right one is refused as well when the wrong ones
 * filled the window, but takes no slot (it would hand it back).
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

/** Compares the code and takes a check of the pending `row`; what the check answers. */
async function judge(
  ctx: AppContext,
  db: DbOrTx,
  row: VerificationRow,
  code: string,
  now: Date,
  events: WapingEvent[],
): Promise<CheckResult> {
  if (codeMatches(keysOf(ctx), row.id, code, row.code_hash)) {
    // Approved only while the failed-check window has room (one statement); when it was not,
    // `admit` reads the window to refuse with when a slot frees.
    const approved = await approve(ctx, db, row, now, events);
    if (approved) return answer(approved, now);
    await admit(db, row.workspace_id, row.phone, FAILED_CHECK_LIMIT, now);
    // No check was left, or another check with the same code won the race: the code worked
    // once, for it.
    return answerAsItIs(ctx, db, row, now, events);
  }
  const slot = await reserve(db, row.workspace_id, row.phone, FAILED_CHECK_LIMIT, now);
  const taken = await takeCheck(db, row.id, now);
  if (!taken) {
    await slot.release();
    return answerAsItIs(ctx, db, row, now, events);
  }
  // Answered from the row as this check left it: a check racing others is told its own count.
  if (taken.check_attempts < MAX_CHECKS) return answer(taken, now);
  return ranOut(ctx, db, taken, now, events);
}
