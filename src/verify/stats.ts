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

const BATCH = 1000;
const REACHED: SendAttemptStatus[] = ['delivered', 'sent'];
const MISSED: SendAttemptStatus[] = ['failed', 'timed_out', 'skipped'];

const emptyChannel = (channel: Channel): ChannelStats => ({
  channel,
  attempts: 0,
  delivered: 0,
  failed: 0,
  approved: 0,
});

/**
 * Counts over the verifications created in [since, until). Read in id-ordered batches of the few
 * columns needed, so a busy month never sits in memory at once; expiry is read from the clock as
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
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('verifications')
      .select(['id', 'status', 'expires_at', 'send_attempts'])
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', window.since.toISOString())
      .where('created_at', '<', window.until.toISOString())
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
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
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
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
