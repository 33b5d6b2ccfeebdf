import type { Db } from '../db/database.js';
import type { DeliveryStatus } from './tables.js';

export interface AttemptRecord {
  id: string;
  token: string;
  number: number;
  status: DeliveryStatus;
  scheduleStep: number;
  nextAttemptAt: string | null;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  snippet: string | null;
  error: string | null;
  now: Date;
}

/**
 * Records attempts and their consequences in one transaction, each only if its claim is still
 * ours; says which were. The log never shows an outcome without its attempt.
 */
export async function completeAttempts(db: Db, records: AttemptRecord[]): Promise<boolean[]> {
  return db.transaction().execute(async (trx) => {
    const done: boolean[] = [];
    for (const r of records) {
      const result = await trx
        .updateTable('webhook_deliveries')
        .set({
          status: r.status,
          attempts: r.number,
          schedule_step: r.scheduleStep,
          next_attempt_at: r.nextAttemptAt,
          locked_until: null,
          lock_token: null,
          last_status_code: r.statusCode,
          response_snippet: r.snippet,
          last_error: r.error,
          last_attempt_at: r.startedAt.toISOString(),
          updated_at: r.now.toISOString(),
        })
        .where('id', '=', r.id)
        .where('lock_token', '=', r.token)
        .executeTakeFirst();
      done.push(Number(result.numUpdatedRows) > 0);
    }
    const attempts = records
      .filter((_, i) => done[i])
      .map((r) => ({
        delivery_id: r.id,
        number: r.number,
        started_at: r.startedAt.toISOString(),
        duration_ms: r.durationMs,
        status_code: r.statusCode,
        response_snippet: r.snippet,
        error: r.error,
      }));
    if (attempts.length > 0) await trx.insertInto('webhook_attempts').values(attempts).execute();
    return done;
  });
}

/** Most attempts written in one transaction. */
const MAX_BATCH = 200;
/** How long an attempt may wait for others to share its transaction. */
const LINGER_MS = 2;

/**
 * Writes attempt outcomes in small batches: at a thousand deliveries a second, one transaction
 * per attempt would make the database, not the receivers, the limit. Each `record` resolves once
 * its batch committed, with whether the claim was still ours.
 */
export class AttemptRecorder {
  private queue: Array<{ record: AttemptRecord; settle: (ok: boolean) => void; fail: (e: unknown) => void }> =
    [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  record(record: AttemptRecord): Promise<boolean> {
    return new Promise((settle, fail) => {
      this.queue.push({ record, settle, fail });
      if (this.queue.length >= MAX_BATCH) this.flushSoon(0);
      else this.flushSoon(LINGER_MS);
    });
  }

  /** Writes whatever is waiting; resolves when all of it is written. */
  async drain(): Promise<void> {
    do {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flush();
      await this.flushing;
    } while (this.queue.length > 0);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flushSoon(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delayMs);
  }

  private flush(): void {
    // One batch at a time, in order: a retry's outcome must not overtake the attempt before it.
    this.flushing = this.flushing.then(async () => {
      const batch = this.queue.splice(0, MAX_BATCH);
      if (batch.length === 0) return;
      try {
        const done = await completeAttempts(
          this.db,
          batch.map((b) => b.record),
        );
        batch.forEach((b, i) => b.settle(done[i] ?? false));
      } catch (err) {
        for (const b of batch) b.fail(err);
      }
      if (this.queue.length > 0) this.flushSoon(0);
    });
  }
}
