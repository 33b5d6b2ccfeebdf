import type { Logger } from 'pino';

/**
 * Waits before each try again of what WhatsApp handed over: quick at first (a pool that lost
 * its connection, a lock held a moment), then every 30 s, about ten minutes in all (a PostgreSQL
 * restart or failover).
 */
export const RECEIVED_RETRY_DELAYS_MS: readonly number[] = [
  250,
  500,
  1_000,
  2_000,
  4_000,
  8_000,
  15_000,
  ...Array<number>(18).fill(30_000),
];

/**
 * Tries again the writes of what WhatsApp handed over (a customer's message, a receipt) while the
 * database refuses them. WhatsApp hands each over once, so a write that failed (the database
 * restarting, a connection dropped) must not lose it. Each write is tried on its own schedule;
 * after the last delay, or once closed (the node stops), the error is the caller's.
 */
export class ReceivedRetry {
  private closed = false;
  private readonly sleeping = new Set<() => void>();

  constructor(
    private readonly log: Logger,
    private readonly delaysMs: readonly number[] = RECEIVED_RETRY_DELAYS_MS,
  ) {}

  /** Runs `work` until it succeeds; `what` names it in the log ("storing a received message"). */
  async run<T>(what: string, work: () => Promise<T>, context: Record<string, unknown>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        const delayMs = this.delaysMs[attempt];
        if (this.closed || delayMs === undefined) throw err;
        this.log.warn({ err, ...context, retryInMs: delayMs }, `${what} failed; trying again`);
        await this.sleep(delayMs);
        if (this.closed) throw err;
      }
    }
  }

  /** Stops waiting: each write waiting for its next try fails with its last error. */
  close(): void {
    this.closed = true;
    for (const wake of this.sleeping) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.sleeping.add(wake);
    });
  }
}
