import type { Pacing } from '../devices/pacing.js';
import { TimeOrdered } from '../lib/time-ordered.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Remembers when a device sent, and says how long to wait before the next send under its pacing:
 * the minimum interval with jitter, and the per-minute and per-day caps.
 *
 * The dispatcher asks before every claim, and a line keeps a day of send times for its daily cap
 * (86,400 at one a second). So the times are kept in order, those older than a day dropped from
 * the front, and the last minute counted by a binary search: a question costs the same whatever
 * the day held. (Filtering the whole day at every question made a busy line's dispatcher slower
 * by the minute: docs/performance.md, "The pacer's day of send times".)
 */
export class Pacer {
  /** Send times of the last day; one from a clock set back counts at its time. */
  private sends = new TimeOrdered<null>();
  private nextGap = 0;

  constructor(
    private readonly pacing: () => Pacing,
    private readonly random: () => number = Math.random,
  ) {}

  /** Seeds the caps with sends that happened before this process started. */
  seed(times: number[]): void {
    this.sends = new TimeOrdered<null>();
    for (const at of [...times].sort((a, b) => a - b)) this.sends.add(at, null);
  }

  recordSend(at: number): void {
    this.sends.add(at, null);
    const { minIntervalMs, jitterMs } = this.pacing();
    this.nextGap = Math.max(0, minIntervalMs + (this.random() * 2 - 1) * jitterMs);
  }

  /** No gap and no cap: messages may go out back to back, so several can be claimed at once. */
  unpaced(): boolean {
    const { minIntervalMs, jitterMs, perMinute, perDay } = this.pacing();
    return minIntervalMs === 0 && jitterMs === 0 && perMinute === null && perDay === null;
  }

  /** Milliseconds to wait before the next send may start (0 = now). */
  delay(now: number): number {
    this.sends.dropThrough(now - DAY);
    const { perMinute, perDay } = this.pacing();
    const last = this.sends.newest();
    let wait = last === undefined ? 0 : last + this.nextGap - now;
    if (perMinute !== null && this.sends.countAfter(now - MINUTE) >= perMinute)
      wait = Math.max(wait, this.sends.nthNewest(perMinute)! + MINUTE - now);
    if (perDay !== null && this.sends.size >= perDay)
      wait = Math.max(wait, this.sends.nthNewest(perDay)! + DAY - now);
    return Math.max(0, Math.ceil(wait));
  }
}
