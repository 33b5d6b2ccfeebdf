import type { AppContext } from '../context.js';
import { transitionMessage } from '../messages/status.js';
import type { EventType, WapingEvent } from '../events/types.js';
import { endVerification, updateIfUnchanged } from './store.js';
import type { Channel, SendAttempt, VerificationRow } from './tables.js';

/** How long a node may hold a send before another node assumes it died and takes over. */
export const SEND_LEASE_MS = 30_000;

export const leaseUntil = (now: Date) => new Date(now.getTime() + SEND_LEASE_MS).toISOString();
export const routeOf = (row: VerificationRow) => JSON.parse(row.route) as Channel[];

/** What webhooks see: never the code, never its hash. */
export function eventFor(
  type: EventType,
  row: VerificationRow,
  now: Date,
  extra: Record<string, unknown> = {},
) {
  return {
    workspaceId: row.workspace_id,
    type,
    data: { id: row.id, to: row.phone, ...extra },
    now,
  };
}

/**
 * After the current channel failed: switch to the next channel of the route (`verification.fallback`)
 * or, when none is left, fail the verification (`verification.failed`). Returns the row as it now
 * is, or undefined when someone else moved it first.
 */
export async function moveOn(
  ctx: AppContext,
  row: VerificationRow,
  attempts: SendAttempt[],
  reason: string,
): Promise<VerificationRow | undefined> {
  const now = ctx.clock.now();
  const route = routeOf(row);
  const nextIndex = row.route_index + 1;
  const events: WapingEvent[] = [];
  const moved = await ctx.db.transaction().execute(async (trx) => {
    if (nextIndex < route.length) {
      const next = await updateIfUnchanged(
        trx,
        row,
        {
          route_index: nextIndex,
          attempt_state: 'sending',
          attempt_message_id: null,
          attempt_deadline: leaseUntil(now),
          send_attempts: attempts,
        },
        now,
      );
      if (next) {
        const extra = { from: route[row.route_index], channel: route[nextIndex], reason };
        events.push(await ctx.events.record(trx, eventFor('verification.fallback', next, now, extra)));
      }
      return next;
    }
    const ended = await endVerification(
      trx,
      row.id,
      'failed',
      {
        attempt_state: 'exhausted',
        attempt_deadline: null,
        failure_reason: 'all_channels_failed',
        send_attempts: attempts,
      },
      now,
      { version: row.version },
    );
    if (ended) {
      events.push(
        await ctx.events.record(
          trx,
          eventFor('verification.failed', ended, now, { reason: 'all_channels_failed' }),
        ),
      );
    }
    return ended;
  });
  ctx.events.publish(events);
  return moved;
}

/** Marks a verification past its expiry as expired, once: `verification.failed` with reason expired. */
export async function expireVerification(
  ctx: AppContext,
  row: VerificationRow,
): Promise<VerificationRow | undefined> {
  const now = ctx.clock.now();
  let event: WapingEvent | undefined;
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const done = await endVerification(
      trx,
      row.id,
      'expired',
      { failure_reason: 'expired', attempt_deadline: null },
      now,
      { expiredBy: now },
    );
    if (done)
      event = await ctx.events.record(trx, eventFor('verification.failed', done, now, { reason: 'expired' }));
    return done;
  });
  if (event) ctx.events.publish([event]);
  return ended;
}

/** A code message still waiting in a device queue is pointless once the verification moved on. */
export async function dropQueuedMessage(ctx: AppContext, messageId: string | null): Promise<void> {
  if (messageId) await transitionMessage(ctx, messageId, 'canceled');
}
