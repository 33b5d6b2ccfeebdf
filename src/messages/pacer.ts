import type { Pacing } from '../devices/pacing.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Dropped send times are cut off the list's front once there are this many (and half of it). */
const COMPACT_AFTER = 1024;

/**
 * Remembers when a device sent, and says how long to wait before the next send under its pacing:
 * the minimum interval with jitter, and the per-minute and per-day caps.
 *
 * The dispatcher asks before every claim, and a line keeps a day of send times for its daily cap
 * (86,400 at one a second). So the times are kept oldest first, those older than a day are
 * dropped from the front, and the last minute is found by a binary search: a question costs the
 * same whatever the day held. (Filtering the whole day at every question made a busy line's
 * dispatcher slower by the minute: docs/performance.md, "The pacer's day of send times".)
 */
export class Pacer {
  /** Send times of the last day from `head` on, oldest first. */
  private sends: number[] = [];
  private head = 0;
  private nextGap = 0;

  constructor(
    private readonly pacing: () => Pacing,
    private readonly random: () => number = Math.random,
  ) {}

  /** Seeds the caps with sends that happened before this process started. */
  seed(times: number[]): void {
    this.sends = [...times].sort((a, b) => a - b);
    this.head = 0;
  }

  recordSend(at: number): void {
    // Sends come in time order; one from a clock set back goes in its place, so the list stays sorted.
    const last = this.sends[this.sends.length - 1];
    if (last === undefined || at >= last) this.sends.push(at);
    else this.sends.splice(this.firstAfter(at), 0, at);
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
    this.forgetBefore(now - DAY);
    const { perMinute, perDay } = this.pacing();
    const end = this.sends.length;
    const last = end > this.head ? this.sends[end - 1]! : undefined;
    let wait = last === undefined ? 0 : last + this.nextGap - now;
    if (perMinute !== null && end - this.firstAfter(now - MINUTE) >= perMinute)
      wait = Math.max(wait, this.sends[end - perMinute]! + MINUTE - now);
    if (perDay !== null && end - this.head >= perDay)
      wait = Math.max(wait, this.sends[end - perDay]! + DAY - now);
    return Math.max(0, Math.ceil(wait));
  }

  /** Drops the send times at or before `cutoff` (more than a day old). */
  private forgetBefore(cutoff: number): void {
    while (this.head < this.sends.length && this.sends[this.head]! <= cutoff) this.head++;
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.sends.length) {
      this.sends = this.sends.slice(this.head);
      this.head = 0;
    }
  }

  /** The index of the first kept send after `time` (the list's end when there is none). */
  private firstAfter(time: number): number {
    let low = this.head;
    let high = this.sends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sends[middle]! > time) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
