import type { EngineEvents } from '../engines/engine.js';

type Receipt = EngineEvents['message_status'];

/**
 * One device's receipts on their way to the database, applied in the order the engine reported
 * them. Applied side by side, a read committing first would make the delivered before it a no-op
 * (a message moves from sent to read, never from read to delivered) and `delivered` would be
 * missing from the timeline. Those reported while the last ones were being applied go together
 * next, in order: a burst of one line's receipts shares one read and one transaction instead of
 * taking about five round trips each, one after the other.
 */
export class ReceiptQueue {
  private waiting: Receipt[] = [];
  private applying = false;

  constructor(
    /** Applies receipts in the order given; resolves with one error per receipt that failed. */
    private readonly apply: (receipts: Receipt[]) => Promise<unknown[]>,
    private readonly onFailure: (err: unknown) => void,
  ) {}

  push(receipt: Receipt): void {
    this.waiting.push(receipt);
    if (!this.applying) void this.drain();
  }

  private async drain(): Promise<void> {
    this.applying = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        const failures = await this.apply(batch).catch((err: unknown) => [err]);
        for (const err of failures) this.onFailure(err);
      }
    } finally {
      this.applying = false;
    }
  }
}
