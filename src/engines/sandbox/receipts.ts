import { lastReceiptFor, type SandboxReceipt } from './magic-numbers.js';

const ORDER: readonly SandboxReceipt[] = ['sent', 'delivered', 'read'];

/** Receipts still to come for a message to `to` that has already reached `reached` (none yet when undefined). */
export function receiptsAfter(to: string, reached: SandboxReceipt | undefined): SandboxReceipt[] {
  const first = reached === undefined ? 0 : ORDER.indexOf(reached) + 1;
  return ORDER.slice(first, ORDER.indexOf(lastReceiptFor(to)) + 1);
}

/**
 * When a receipt falls due, in ms after the send. `deliveredMs` and `readMs` are both measured
 * from the send; read never comes before delivered, even if readMs < deliveredMs.
 */
export function offsetOf(receipt: SandboxReceipt, timing: { deliveredMs: number; readMs: number }): number {
  if (receipt === 'sent') return 0;
  if (receipt === 'delivered') return timing.deliveredMs;
  return Math.max(timing.deliveredMs, timing.readMs);
}

/**
 * The receipts still to come for a hand-off that began at `startedAt` (ms since the epoch), each
 * with the time it falls due. A retried hand-off of a message that had reached `after` counts
 * from that receipt: the wait still to come is what was left after it.
 */
export function receiptSchedule(
  to: string,
  after: SandboxReceipt | undefined,
  startedAt: number,
  timing: { deliveredMs: number; readMs: number },
): Array<{ status: SandboxReceipt; dueAt: number }> {
  const base = after === undefined ? 0 : offsetOf(after, timing);
  return receiptsAfter(to, after).map((status) => ({
    status,
    dueAt: startedAt + offsetOf(status, timing) - base,
  }));
}
