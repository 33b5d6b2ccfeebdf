import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { ScratchDatabase } from './databases.js';

/** A message's hand-off to the engine as the timeline records it (`sent`, right after the engine took it). */
export interface Handoff {
  deviceId: string;
  at: number;
}

/**
 * Reads WAPing's database from the bench process, read-only, to see what the API does not show
 * cheaply: how many messages wait for their dispatcher, and when each was handed off. Polled
 * about once a second, so it adds one indexed count per second to the server's load.
 */
export interface Observer {
  /** Messages waiting for their dispatcher or being handed off (queued + sending). */
  queueDepth(): Promise<number>;
  /** Outgoing messages by status. */
  statusCounts(): Promise<Record<string, number>>;
  /** `sent` timeline entries at or after `sinceIso`, oldest first. */
  handoffs(sinceIso: string): Promise<Handoff[]>;
  /** For messages accepted at or after `sinceIso` and already handed off: milliseconds from `queued` to `sent`. */
  acceptToHandoff(sinceIso: string): Promise<number[]>;
  close(): Promise<void>;
}

const QUEUE = `select count(*) as n from messages where status in ('queued', 'sending')`;
const STATUSES = `select status, count(*) as n from messages where direction = 'out' group by status`;
const HANDOFFS = `select m.device_id as device_id, h.at as at from message_status_history h
  join messages m on m.id = h.message_id where h.status = 'sent' and h.at >= $1 order by h.at`;
// A message's row is its `queued` entry: accepted at its created_at.
const WAITS = `select m.created_at as queued_at, s.at as sent_at from messages m
  join message_status_history s on s.message_id = m.id and s.status = 'sent'
  where m.direction = 'out' and m.created_at >= $1`;
const waitsOf = (rows: Array<{ queued_at: string; sent_at: string }>) =>
  rows.map((r) => Date.parse(r.sent_at) - Date.parse(r.queued_at));

export async function observe(db: ScratchDatabase): Promise<Observer> {
  if (db.dialect === 'sqlite') {
    const sqlite = new SQLite(join(db.dir, 'data', 'waping.db'), { readonly: true, fileMustExist: true });
    const queue = sqlite.prepare(QUEUE);
    const statuses = sqlite.prepare(STATUSES);
    const handoffs = sqlite.prepare(HANDOFFS.replace('$1', '?'));
    const waits = sqlite.prepare(WAITS.replace('$1', '?'));
    return {
      queueDepth: async () => (queue.get() as { n: number }).n,
      statusCounts: async () =>
        Object.fromEntries(
          (statuses.all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
        ),
      handoffs: async (since) =>
        (handoffs.all(since) as Array<{ device_id: string; at: string }>).map((r) => ({
          deviceId: r.device_id,
          at: Date.parse(r.at),
        })),
      acceptToHandoff: async (since) =>
        waitsOf(waits.all(since) as Array<{ queued_at: string; sent_at: string }>),
      close: async () => {
        sqlite.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  return {
    queueDepth: async () => Number((await client.query(QUEUE)).rows[0].n),
    statusCounts: async () =>
      Object.fromEntries((await client.query(STATUSES)).rows.map((r) => [r.status, Number(r.n)])),
    handoffs: async (since) =>
      (await client.query(HANDOFFS, [since])).rows.map((r) => ({
        deviceId: r.device_id,
        at: Date.parse(r.at),
      })),
    acceptToHandoff: async (since) => waitsOf((await client.query(WAITS, [since])).rows),
    close: () => client.end(),
  };
}

/** Samples the queue depth every `everyMs` until stopped. */
export function sampleQueue(observer: Observer, everyMs = 1000) {
  const depths: number[] = [];
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    observer
      .queueDepth()
      .then((n) => depths.push(n))
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, everyMs);
  return {
    depths,
    stop: () => clearInterval(timer),
  };
}
