import type { DbOrTx } from '../db/database.js';
import {
  CHANNELS,
  VERIFICATION_STATUSES,
  type Channel,
  type SendAttempt,
  type SendAttemptStatus,
  type VerificationStatus,
} from './tables.js';

export interface ChannelStats {
  channel: Channel;
  /** Sends tried on this channel (a fallback or a resend counts again). */
  attempts: number;
  /** Delivered on WhatsApp, or accepted by the SMS or email provider. */
  delivered: number;
  /** Failed, timed out (fell back) or skipped as not configured. */
  failed: number;
  /** Verifications approved whose code last went out on this channel. */
  approved: number;
}

export interface VerificationStats {
  since: string;
  until: string;
  total: number;
  byStatus: Record<VerificationStatus, number>;
  /** Approved among the verifications that ended (pending ones left out); null when none ended. */
  conversionRate: number | null;
  channels: ChannelStats[];
}

/** Rows read per query; exported for the test that crosses batch boundaries. */
export const STATS_BATCH = 1000;
const REACHED: SendAttemptStatus[] = ['delivered', 'sent'];
const MISSED: SendAttemptStatus[] = ['failed', 'timed_out', 'skipped'];

const emptyChannel = (channel: Channel): ChannelStats => ({
  channel,
  attempts: 0,
  delivered: 0,
  failed: 0,
  approved: 0,
});

/** Where a batch ends: the next one starts after this row in (created_at, id) order. */
export interface StatsCursor {
  createdAt: string;
  id: string;
}

/**
 * One batch of the verifications created in [since, until), in (created_at, id) order: read from
 * the index on (workspace_id, created_at, id) as a range of the window, so a month of a busy
 * workspace does not read its whole history, and never sorted. A later batch starts its range at
 * the cursor's created_at (SQLite seeks on that bound, not on the row comparison), and the row
 * comparison skips what the previous batch took of that instant.
 */
export function statsBatchQuery(
  db: DbOrTx,
  workspaceId: string,
  window: { since: Date; until: Date },
  after: StatsCursor | null,
) {
  let query = db
    .selectFrom('verifications')
    .select(['id', 'created_at', 'status', 'expires_at', 'send_attempts'])
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', after ? after.createdAt : window.since.toISOString())
    .where('created_at', '<', window.until.toISOString());
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)),
    );
  }
  return query.orderBy('created_at').orderBy('id').limit(STATS_BATCH);
}

type StatsRow = Awaited<ReturnType<ReturnType<typeof statsBatchQuery>['execute']>>[number];

/**
 * Counts over the verifications created in [since, until). Read in batches of the few columns
 * needed, so a busy month never sits in memory at once; expiry is read from the clock as
 * everywhere else (a pending row past its expiry counts as expired).
 */
export async function verificationStats(
  db: DbOrTx,
  workspaceId: string,
  window: { since: Date; until: Date },
  now: Date,
): Promise<VerificationStats> {
  const byStatus = Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, 0])) as Record<
    VerificationStatus,
    number
  >;
  const channels = new Map(CHANNELS.map((c) => [c, emptyChannel(c)]));
  let total = 0;
  const nowIso = now.toISOString();
  let after: StatsCursor | null = null;
  for (;;) {
    const rows: StatsRow[] = await statsBatchQuery(db, workspaceId, window, after).execute();
    for (const row of rows) {
      // As effectiveStatus in views.ts: a pending code past its expiry is expired.
      const status = row.status === 'pending' && row.expires_at <= nowIso ? 'expired' : row.status;
      byStatus[status] += 1;
      total += 1;
      const attempts = JSON.parse(row.send_attempts) as SendAttempt[];
      for (const attempt of attempts) {
        const stats = channels.get(attempt.channel);
        if (!stats) continue;
        stats.attempts += 1;
        if (REACHED.includes(attempt.status)) stats.delivered += 1;
        else if (MISSED.includes(attempt.status)) stats.failed += 1;
      }
      // The code the user typed came on the last channel that took it (a WhatsApp message may still read pending).
      const carrier = attempts.findLast((a) => REACHED.includes(a.status) || a.status === 'pending');
      const carrierStats = carrier && channels.get(carrier.channel);
      if (status === 'approved' && carrierStats) carrierStats.approved += 1;
    }
    if (rows.length < STATS_BATCH) break;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
  const ended = total - byStatus.pending;
  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    total,
    byStatus,
    conversionRate: ended === 0 ? null : byStatus.approved / ended,
    channels: [...channels.values()],
  };
}
