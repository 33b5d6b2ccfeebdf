import { lastReceiptFor, type SandboxReceipt } from './magic-numbers.js';

const ORDER: readonly SandboxReceipt[] = ['sent', 'delivered', 'read'];

/** Receipts still to come for a message to `to` that has already reached `reached` (none yet when undefined). */
export function receiptsAfter(to: string, reached: SandboxReceipt | undefined): SandboxReceipt[] {
  const first = reached === undefined ? 0 : ORDER.indexOf(reached) + 1;
  return ORDER.slice(first, ORDER.indexOf(lastReceiptFor(to)) + 1);
}

/**
 * Wait before a receipt, counted from the previous one. `deliveredMs` and `readMs` are both
 * measured from the send; chaining keeps read after delivered even if readMs < deliveredMs.
 */
export function delayBefore(
  receipt: SandboxReceipt,
  timing: { deliveredMs: number; readMs: number },
): number {
  if (receipt === 'sent') return 0;
  if (receipt === 'delivered') return timing.deliveredMs;
  return Math.max(0, timing.readMs - timing.deliveredMs);
}
