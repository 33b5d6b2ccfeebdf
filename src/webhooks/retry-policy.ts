/** The default retry schedule (docs/webhooks.md, "Delivery, order and retries"): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then `failed`. */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];

/** A Retry-After longer than this is not honoured as such; it is the longest wait a receiver can ask for. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export function parseSchedule(text: string): number[] {
  return text
    .split(',')
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((n) => Number.isFinite(n) && n >= 0);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

export interface AttemptResult {
  statusCode: number | null;
  /** Milliseconds the receiver asked us to wait (429/503 with Retry-After). */
  retryAfterMs?: number;
}

export type Verdict =
  { kind: 'succeeded' } | { kind: 'gone' } | { kind: 'retry'; delayMs: number } | { kind: 'exhausted' };

/**
 * What an attempt means for its delivery. `step` counts the failed attempts since the schedule
 * (re)started, this one excluded.
 */
export function judgeAttempt(result: AttemptResult, step: number, schedule: number[]): Verdict {
  const code = result.statusCode;
  if (code !== null && code >= 200 && code < 300) return { kind: 'succeeded' };
  if (code === 410) return { kind: 'gone' };
  const planned = schedule[step];
  if (planned === undefined) return { kind: 'exhausted' };
  const honoured = code === 429 || code === 503 ? result.retryAfterMs : undefined;
  return { kind: 'retry', delayMs: honoured ?? planned };
}
