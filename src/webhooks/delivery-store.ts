import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/database.js';

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  sequence_key: string;
  attempts: number;
  schedule_step: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  failing_since: string | null;
  event_type: string;
  event_created_at: string;
  event_data: string;
}

interface ClaimOptions {
  now: Date;
  token: string;
  lockMs: number;
}

/** Takes the rows nobody holds a live claim on; of two nodes racing for a row, exactly one gets it. */
async function claimRows(db: Db, ids: string[], options: ClaimOptions): Promise<ClaimedDelivery[]> {
  const now = options.now.toISOString();
  await db
    .updateTable('webhook_deliveries')
    .set({
      lock_token: options.token,
      locked_until: new Date(options.now.getTime() + options.lockMs).toISOString(),
    })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .innerJoin('events as v', 'v.id', 'd.event_id')
    .select([
      'd.id',
      'd.workspace_id',
      'd.endpoint_id',
      'd.event_id',
      'd.sequence_key',
      'd.attempts',
      'd.schedule_step',
      'e.url',
      'e.secret',
      'e.previous_secret',
      'e.previous_secret_expires_at',
      'e.failing_since',
      'v.type as event_type',
      'v.created_at as event_created_at',
      'v.data as event_data',
    ])
    .where('d.id', 'in', ids)
    .where('d.lock_token', '=', options.token)
    .where('d.status', '=', 'pending')
    .execute();
}

/**
 * Claims up to `limit` due deliveries. Only the head of each endpoint+device sequence (its oldest
 * pending event) can be due — that is what keeps per-device order — and it is due when its time
 * has come, nobody holds a live claim on it and its endpoint is enabled.
 */
export async function claimDue(
  db: Db,
  options: ClaimOptions & { limit: number },
): Promise<ClaimedDelivery[]> {
  const now = options.now.toISOString();
  const candidates = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('webhook_deliveries')
        .select(['endpoint_id', 'sequence_key', (eb) => eb.fn.min('event_id').as('head_event')])
        .where('status', '=', 'pending')
        .groupBy(['endpoint_id', 'sequence_key'])
        .as('h'),
    )
    .innerJoin('webhook_deliveries as d', (join) =>
      join
        .onRef('d.endpoint_id', '=', 'h.endpoint_id')
        .onRef('d.sequence_key', '=', 'h.sequence_key')
        .onRef('d.event_id', '=', 'h.head_event'),
    )
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select('d.id')
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<=', now)]))
    .where('e.enabled', '=', 1)
    .orderBy('d.next_attempt_at')
    .limit(options.limit)
    .execute();
  if (candidates.length === 0) return [];
  return claimRows(
    db,
    candidates.map((c) => c.id),
    options,
  );
}

/**
 * After a delivery went through, claims the next ones of its endpoint and device, up to `limit`
 * in event order and as long as they are due: one indexed look-up instead of a scan of the whole
 * queue, which keeps a long backlog moving. They are sent one after the other; whatever is left
 * when one fails is released.
 */
export async function claimSequence(
  db: Db,
  sequence: { endpointId: string; sequenceKey: string },
  options: ClaimOptions & { limit: number },
): Promise<ClaimedDelivery[]> {
  const now = options.now.toISOString();
  const next = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select(['d.id', 'd.next_attempt_at', 'd.locked_until', 'e.enabled'])
    .where('d.endpoint_id', '=', sequence.endpointId)
    .where('d.sequence_key', '=', sequence.sequenceKey)
    .where('d.status', '=', 'pending')
    .orderBy('d.event_id')
    .limit(options.limit)
    .execute();
  const due: string[] = [];
  for (const row of next) {
    const ready = row.enabled === 1 && row.next_attempt_at !== null && row.next_attempt_at <= now;
    if (!ready || (row.locked_until !== null && row.locked_until > now)) break;
    due.push(row.id);
  }
  if (due.length === 0) return [];
  const claimed = await claimRows(db, due, options);
  // Event order, and no gap: a row lost to another node ends the run there.
  const byId = new Map(claimed.map((c) => [c.id, c]));
  const run: ClaimedDelivery[] = [];
  for (const id of due) {
    const row = byId.get(id);
    if (!row) break;
    run.push(row);
  }
  if (run.length < claimed.length)
    await releaseClaims(
      db,
      claimed.slice(run.length).map((c) => c.id),
      options.token,
    );
  return run;
}

/** Gives claims back untouched (the worker is stopping, or an earlier event failed): no attempt counted. */
export async function releaseClaims(db: DbOrTx, ids: string[], token: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: null, lock_token: null })
    .where('id', 'in', ids)
    .where('lock_token', '=', token)
    .execute();
}

/** A claim's token names the node that took it, so the node can recognise its own claims. */
export function claimTokenOf(nodeId: string, random: string): string {
  return `${nodeId}/${random}`;
}

/**
 * Frees the claims a node's previous process held when it died (`kill -9`, a lost machine):
 * that process sends nothing any more, and without this its deliveries, and every later event
 * of the same devices, would wait for the claims to lapse. Node ids are unique among the live
 * processes, so a claim in this node's name is never a live one.
 */
export async function releaseClaimsOfNode(db: DbOrTx, nodeId: string): Promise<number> {
  const prefix = claimTokenOf(nodeId, '');
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: null, lock_token: null })
    .where('status', '=', 'pending')
    .where('lock_token', 'is not', null)
    .where(sql<boolean>`substr(lock_token, 1, ${prefix.length}) = ${prefix}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
