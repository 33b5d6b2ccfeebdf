import { PostgresAdapter, sql, type QueryCreator } from 'kysely';
import type { DbOrTx, Dialect } from '../db/database.js';
import { preparedQuery } from '../db/prepared.js';
import type { Database } from '../db/types.js';
import { AppError } from '../lib/errors.js';
import type { VerificationLimitCountsTable } from './tables.js';

type Kind = VerificationLimitCountsTable['kind'];

export interface LimitRule {
  kind: Kind;
  limit: number;
  windowSeconds: number;
  /** What the 429 says; the same text whether or not the destination was seen before. */
  describe: string;
}

export const SEND_LIMIT: LimitRule = {
  kind: 'send',
  limit: 5,
  windowSeconds: 600,
  describe: 'Too many codes sent to this destination',
};
export const FAILED_CHECK_LIMIT: LimitRule = {
  kind: 'failed_check',
  limit: 10,
  windowSeconds: 3600,
  describe: 'Too many wrong codes for this destination',
};
export const createLimit = (perMinute: number): LimitRule => ({
  kind: 'create',
  limit: perMinute,
  windowSeconds: 60,
  describe: 'Too many verifications started in this workspace',
});

/** A slot taken in a window; release it when the counted thing turned out not to happen. */
export interface Reservation {
  release(): Promise<void>;
}

/** One count: a rule's subject in one second. */
interface CountKey {
  workspace_id: string;
  kind: Kind;
  subject: string;
  second: string;
}

function countKey(workspaceId: string, subject: string, rule: LimitRule, now: Date): CountKey {
  return { workspace_id: workspaceId, kind: rule.kind, subject, second: secondOf(now) };
}

/**
 * Raises counts by one, creating their second's row at one, in one statement, returning each
 * count as raised: the raise's place among its second's (the row lock orders the raises).
 */
const raiseQuery = (db: QueryCreator<Database>, keys: CountKey[]) =>
  db
    .insertInto('verification_limit_counts')
    .values(keys.map((key) => ({ ...key, count: 1 })))
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'kind', 'subject', 'second'])
        .doUpdateSet({ count: sql<number>`verification_limit_counts.count + 1` }),
    )
    .returning(['kind', 'subject', 'count']);

type Raised = { kind: Kind; subject: string; count: number | string };

// Every new verification raises and reads its counts: these are built and compiled once.
const raiseOne = preparedQuery<CountKey, Raised>((db, a) =>
  // The placeholders one by one: spread, they would be none.
  raiseQuery(db, [{ workspace_id: a.workspace_id, kind: a.kind, subject: a.subject, second: a.second }]),
);

/** Two counts of one workspace and second (a creation's: the workspace's, then the number's). */
type CountPair = {
  workspaceId: string;
  second: string;
  kindA: Kind;
  subjectA: string;
  kindB: Kind;
  subjectB: string;
};

const raisePair = preparedQuery<CountPair, Raised>((db, a) =>
  raiseQuery(db, [
    { workspace_id: a.workspaceId, kind: a.kindA, subject: a.subjectA, second: a.second },
    { workspace_id: a.workspaceId, kind: a.kindB, subject: a.subjectB, second: a.second },
  ]),
);

type WindowRow = { second: string; count: number | string };

const windowQuery = preparedQuery<Omit<CountKey, 'second'> & { since: string }, WindowRow>((db, a) =>
  db
    .selectFrom('verification_limit_counts')
    .select(['second', 'count'])
    .where('workspace_id', '=', a.workspace_id)
    .where('kind', '=', a.kind)
    .where('subject', '=', a.subject)
    .where('second', '>', a.since)
    .orderBy('second', 'desc'),
);

const windowPairQuery = preparedQuery<
  Omit<CountPair, 'second'> & { sinceA: string; sinceB: string },
  WindowRow & { kind: Kind; subject: string }
>((db, a) =>
  db
    .selectFrom('verification_limit_counts')
    .select(['kind', 'subject', 'second', 'count'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('workspace_id', '=', a.workspaceId),
          eb('kind', '=', a.kindA),
          eb('subject', '=', a.subjectA),
          eb('second', '>', a.sinceA),
        ]),
        eb.and([
          eb('workspace_id', '=', a.workspaceId),
          eb('kind', '=', a.kindB),
          eb('subject', '=', a.subjectB),
          eb('second', '>', a.sinceB),
        ]),
      ]),
    )
    .orderBy('second', 'desc'),
);

/** Takes a raised count back. */
async function lower(db: DbOrTx, key: CountKey): Promise<void> {
  await db
    .updateTable('verification_limit_counts')
    .set({ count: sql<number>`count - 1` })
    .where('workspace_id', '=', key.workspace_id)
    .where('kind', '=', key.kind)
    .where('subject', '=', key.subject)
    .where('second', '=', key.second)
    .where('count', '>', 0)
    .execute();
}

/** Where `rule`'s window starts at `now`: counts of later seconds are in it. */
const windowStart = (rule: LimitRule, now: Date): string =>
  new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();

/** The counts of a key's window, newest second first. */
async function windowCounts(db: DbOrTx, key: CountKey, rule: LimitRule, now: Date): Promise<WindowRow[]> {
  const { workspace_id, kind, subject } = key;
  return (await windowQuery(db, { workspace_id, kind, subject, since: windowStart(rule, now) })).rows;
}

/**
 * A key's window as this attempt counts it: its own second at the count its raise returned (the
 * raises before it, this one included), the older seconds as read. Raises that came after it in
 * its second are left out, so they cannot refuse it: before, requests at once each saw every
 * other's raise and several refused a window that was not full.
 */
function countedAt(key: CountKey, raisedTo: number, window: WindowRow[]): WindowRow[] {
  return [{ second: key.second, count: raisedTo }, ...window.filter((s) => s.second !== key.second)];
}

/** The refusal when the window, this attempt counted, holds more than the limit; else null. */
function refusal(
  rule: LimitRule,
  seconds: Array<{ second: string; count: number | string }>,
  now: Date,
): AppError | null {
  // Newest first, this attempt included: the second holding the action `limit` places back
  // decides. When it is in the window there are more than `limit`; its time says when a slot frees.
  let counted = 0;
  const deciding = seconds.find((s) => (counted += Number(s.count)) > rule.limit);
  if (!deciding) return null;
  // A slot frees when that second leaves the window.
  const freesAt = Date.parse(deciding.second) + rule.windowSeconds * 1000;
  const retryAfter = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
  return new AppError(
    'RATE_LIMITED',
    `${rule.describe}; retry in ${retryAfter} s`,
    { limit: rule.limit, windowSeconds: rule.windowSeconds, retryAfterSeconds: retryAfter },
    retryAfter,
  );
}

/**
 * Counts one action against a sliding window kept in the database, so the limit holds across
 * nodes and restarts. Actions are counted per second and count from the start of their second: a
 * check reads at most one row per second of the window, whatever the rate (a busy workspace starts
 * up to its per-minute ceiling of verifications a minute), and an action leaves the window up to a
 * second early. The count is raised before the window is read, and the raise returns its place in
 * its second: of requests racing for the last slots, the first raises take them and the later
 * ones are refused (`countedAt`), and a refused attempt takes its count back so it does not
 * extend the wait.
 */
export async function reserve(
  db: DbOrTx,
  workspaceId: string,
  subject: string,
  rule: LimitRule,
  now: Date,
): Promise<Reservation> {
  const key = countKey(workspaceId, subject, rule, now);
  const { rows } = await raiseOne(db, key);
  const raisedTo = Number(rows[0]?.count ?? 1);
  const refused = refusal(rule, countedAt(key, raisedTo, await windowCounts(db, key, rule, now)), now);
  if (!refused) return { release: () => lower(db, key) };
  await lower(db, key);
  throw refused;
}

/**
 * For an action that counts only when it fails (a check with the right code): refuses it exactly
 * as `reserve` would, this action counted, but raises nothing, so there is nothing to take back.
 * A right code is never a guess that the limit has to hold back; it only must not get through a
 * window that the wrong ones already filled.
 */
export async function admit(
  db: DbOrTx,
  workspaceId: string,
  subject: string,
  rule: LimitRule,
  now: Date,
): Promise<void> {
  const key = countKey(workspaceId, subject, rule, now);
  const counted = [{ second: key.second, count: 1 }, ...(await windowCounts(db, key, rule, now))];
  const refused = refusal(rule, counted, now);
  if (refused) throw refused;
}

/**
 * The failed-check window a right code is admitted against, for a statement that admits it as
 * `admit` would (room in it: fewer counts than the limit, this action counted).
 */
export function failedCheckWindow(workspaceId: string, phone: string, now: Date) {
  return {
    workspaceId,
    phone,
    since: windowStart(FAILED_CHECK_LIMIT, now),
    limit: FAILED_CHECK_LIMIT.limit,
  };
}

/**
 * Whether a request counts against its limits inside its own transaction. On PostgreSQL each
 * count is a statement of its own, committed before the decision, so that requests on other
 * connections and nodes see each other's counts (an uncommitted count would be invisible to
 * them, and two could both take the last slot). SQLite has one writer and runs the shared
 * transaction one piece at a time, so a count inside it is seen by every later piece; there it
 * saves a commit per count, and a refusal or a failure later in the piece undoes its counts
 * with the rest, with nothing to release.
 */
export const countsInTransaction = (dialect: Dialect): boolean => dialect === 'sqlite';

/**
 * A new verification's two counts: the workspace's starts a minute and the destination's sends.
 * On PostgreSQL, where each count commits before its window is read, one statement raises both
 * and the next reads both windows: two round trips instead of four, and each count is still
 * committed before its window is read (a refusal of either takes both back).
 */
export async function reserveCreation(
  db: DbOrTx,
  workspaceId: string,
  phone: string,
  perMinute: number,
  now: Date,
): Promise<Reservation> {
  const createRule = createLimit(perMinute);
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const created = await reserve(db, workspaceId, workspaceId, createRule, now);
    const sent = await reserve(db, workspaceId, phone, SEND_LIMIT, now).catch(async (err: unknown) => {
      await created.release();
      throw err;
    });
    return {
      release: async () => {
        await Promise.all([created.release(), sent.release()]);
      },
    };
  }
  const created = countKey(workspaceId, workspaceId, createRule, now);
  const sent = countKey(workspaceId, phone, SEND_LIMIT, now);
  const release = async () => {
    await Promise.all([lower(db, created), lower(db, sent)]);
  };
  // The rows in one order on every request (the workspace's first), so two never wait on each other.
  const pair = {
    workspaceId,
    kindA: created.kind,
    subjectA: created.subject,
    kindB: sent.kind,
    subjectB: sent.subject,
  };
  const { rows: raised } = await raisePair(db, { ...pair, second: created.second });
  const { rows } = await windowPairQuery(db, {
    ...pair,
    sinceA: windowStart(createRule, now),
    sinceB: windowStart(SEND_LIMIT, now),
  });
  const windowOf = (key: CountKey) => {
    const of = (r: { kind: Kind; subject: string }) => r.kind === key.kind && r.subject === key.subject;
    return countedAt(key, Number(raised.find(of)?.count ?? 1), rows.filter(of));
  };
  const refused = refusal(createRule, windowOf(created), now) ?? refusal(SEND_LIMIT, windowOf(sent), now);
  if (!refused) return { release };
  await release();
  throw refused;
}

/** The start of the second `at` falls in, as stored. */
function secondOf(at: Date): string {
  return new Date(at.getTime() - (at.getTime() % 1000)).toISOString();
}

/** Drops the counts of seconds older than the longest window. */
export async function purgeOldLimits(db: DbOrTx, now: Date): Promise<void> {
  await db
    .deleteFrom('verification_limit_counts')
    .where('second', '<', windowStart(FAILED_CHECK_LIMIT, now))
    .execute();
}
