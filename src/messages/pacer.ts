import type { Pacing } from '../devices/pacing.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Remembers when a device sent, and says how long to wait before the next send under its pacing:
 * the minimum interval with jitter, and the per-minute and per-day caps.
 */
export class Pacer {
  private sends: number[] = [];
  private nextGap = 0;

  constructor(
    private readonly pacing: () => Pacing,
    private readonly random: () => number = Math.random,
  ) {}

  /** Seeds the caps with sends that happened before this process started. */
  seed(times: number[]): void {
    this.sends = [...times].sort((a, b) => a - b);
  }

  recordSend(at: number): void {
    this.sends.push(at);
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
    this.sends = this.sends.filter((t) => now - t < DAY);
    const { perMinute, perDay } = this.pacing();
    const last = this.sends[this.sends.length - 1];
    let wait = last === undefined ? 0 : last + this.nextGap - now;
    if (perMinute !== null) {
      const lastMinute = this.sends.filter((t) => now - t < MINUTE);
      if (lastMinute.length >= perMinute)
        wait = Math.max(wait, lastMinute[lastMinute.length - perMinute]! + MINUTE - now);
    }
    if (perDay !== null && this.sends.length >= perDay) {
      wait = Math.max(wait, this.sends[this.sends.length - perDay]! + DAY - now);
    }
    return Math.max(0, Math.ceil(wait));
  }
}
