import { WAPingConnectionError, type WAPingError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown at once. */
  maxRetryAfterMs: number;
  /** First backoff; doubled per retry, capped at maxDelayMs, then jittered. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  maxRetryAfterMs: 60_000,
  baseDelayMs: 300,
  maxDelayMs: 8_000,
};

/** What a request allows: whether running it twice is harmless, and which refusals are final. */
export interface RetryMode {
  /**
   * A GET, or a creating POST carrying an Idempotency-Key: the server answers a repeat from what
   * the first attempt did, so a lost answer or a 5xx can be tried again without doing it twice.
   */
  repeatable: boolean;
  /**
   * RATE_LIMITED here can be a per-number limit (verifications): waiting seconds will not lift a
   * ten-minute window, and a retry would count against it again.
   */
  rateLimitIsFinal: boolean;
}

/** How long to wait before the next attempt, or null when the error must be thrown now. */
export function retryDelay(
  error: WAPingError,
  attempt: number,
  mode: RetryMode,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (attempt >= policy.maxRetries) return null;
  const backoff = jittered(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt), random);
  if (error instanceof WAPingConnectionError) return mode.repeatable ? backoff : null;
  const waitFor = (error as { retryAfterMs?: number | null }).retryAfterMs ?? null;
  switch (error.code) {
    case 'QUOTA_EXCEEDED':
      return null;
    case 'RATE_LIMITED':
      // Refused before the route ran, so any request may repeat it, once the window allows.
      if (mode.rateLimitIsFinal) return null;
      return honour(waitFor, backoff, policy);
    case 'IDEMPOTENCY_IN_PROGRESS':
      return honour(waitFor, backoff, policy);
    default:
      return error.status >= 500 && mode.repeatable ? honour(waitFor, backoff, policy) : null;
  }
}

function honour(retryAfterMs: number | null, backoff: number, policy: RetryPolicy): number | null {
  if (retryAfterMs === null) return backoff;
  if (retryAfterMs > policy.maxRetryAfterMs) return null;
  // A little jitter on top, so clients told the same Retry-After do not all come back at once.
  return retryAfterMs + Math.floor(backoff / 4);
}

/** Half fixed, half random ("equal jitter"): never zero, never above the cap. */
function jittered(delay: number, random: () => number): number {
  return Math.floor(delay / 2 + random() * (delay / 2));
}
