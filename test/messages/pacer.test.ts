import { describe, expect, it } from 'vitest';
import type { Pacing } from '../../src/devices/pacing.js';
import { Pacer } from '../../src/messages/pacer.js';

const pacing = (p: Partial<Pacing>): Pacing => ({
  minIntervalMs: 0,
  jitterMs: 0,
  perMinute: null,
  perDay: null,
  presence: false,
  ...p,
});

describe('Pacer', () => {
  it('waits the minimum interval plus jitter after a send', () => {
    const pacer = new Pacer(
      () => pacing({ minIntervalMs: 1000, jitterMs: 500 }),
      () => 1,
    );
    expect(pacer.delay(0)).toBe(0);
    pacer.recordSend(0);
    expect(pacer.delay(0)).toBe(1500);
    expect(pacer.delay(1499)).toBe(1);
    expect(pacer.delay(1500)).toBe(0);
    const low = new Pacer(
      () => pacing({ minIntervalMs: 1000, jitterMs: 500 }),
      () => 0,
    );
    low.recordSend(0);
    expect(low.delay(0)).toBe(500);
  });

  it('caps sends per minute', () => {
    const pacer = new Pacer(() => pacing({ perMinute: 3 }));
    for (const at of [0, 10, 20]) pacer.recordSend(at);
    expect(pacer.delay(30)).toBe(60_000 - 30);
    expect(pacer.delay(59_999)).toBe(1);
    expect(pacer.delay(60_000)).toBe(0);
  });

  it('caps sends per day, counting sends from before a restart', () => {
    const pacer = new Pacer(() => pacing({ perDay: 2 }));
    pacer.seed([1000, 2000]);
    expect(pacer.delay(3000)).toBe(86_400_000 + 1000 - 3000);
    expect(pacer.delay(86_401_000)).toBe(0);
  });

  it('follows pacing changes at once', () => {
    let current = pacing({ perMinute: 1 });
    const pacer = new Pacer(() => current);
    pacer.recordSend(0);
    expect(pacer.delay(1)).toBeGreaterThan(0);
    current = pacing({ perMinute: null });
    expect(pacer.delay(1)).toBe(0);
  });
});

/** What the pacer answered before it kept its send times sorted: the whole day filtered at each question. */
class DayFilteringPacer {
  private sends: number[] = [];
  private nextGap = 0;
  constructor(private readonly pacing: () => Pacing) {}
  recordSend(at: number, gap: number): void {
    this.sends.push(at);
    this.nextGap = gap;
  }
  delay(now: number): number {
    this.sends = this.sends.filter((t) => now - t < 86_400_000);
    const { perMinute, perDay } = this.pacing();
    const last = this.sends[this.sends.length - 1];
    let wait = last === undefined ? 0 : last + this.nextGap - now;
    if (perMinute !== null) {
      const lastMinute = this.sends.filter((t) => now - t < 60_000);
      if (lastMinute.length >= perMinute)
        wait = Math.max(wait, lastMinute[lastMinute.length - perMinute]! + 60_000 - now);
    }
    if (perDay !== null && this.sends.length >= perDay)
      wait = Math.max(wait, this.sends[this.sends.length - perDay]! + 86_400_000 - now);
    return Math.max(0, Math.ceil(wait));
  }
}

/** A seeded generator, so a failure names the case that failed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('Pacer over a day of sends', () => {
  it('answers as filtering the whole day at every question did, over two days of sends and pacing changes', () => {
    for (const seed of [1, 2, 3]) {
      const random = seeded(seed);
      let current = pacing({ minIntervalMs: 500, jitterMs: 200, perMinute: 20, perDay: 3000 });
      const jitter = seeded(seed + 100);
      const pacer = new Pacer(() => current, jitter);
      const reference = new DayFilteringPacer(() => current);
      const referenceJitter = seeded(seed + 100);
      let now = 0;
      for (let i = 0; i < 40_000; i++) {
        // Mostly seconds apart, sometimes an idle hour, so sends leave the day's window.
        now += random() < 0.002 ? 3_600_000 : Math.floor(random() * 4000);
        if (random() < 0.001)
          current = pacing({
            minIntervalMs: Math.floor(random() * 2000),
            jitterMs: Math.floor(random() * 500),
            perMinute: random() < 0.5 ? null : 1 + Math.floor(random() * 40),
            perDay: random() < 0.5 ? null : 1 + Math.floor(random() * 5000),
          });
        const expected = reference.delay(now);
        expect(pacer.delay(now), `seed ${seed}, question ${i}`).toBe(expected);
        if (expected === 0 && random() < 0.7) {
          pacer.recordSend(now);
          const { minIntervalMs, jitterMs } = current;
          reference.recordSend(now, Math.max(0, minIntervalMs + (referenceJitter() * 2 - 1) * jitterMs));
        }
      }
    }
  });

  it('forgets a send a day after it, and counts one from a clock set back in its place', () => {
    const perMinute = new Pacer(() => pacing({ perMinute: 2 }));
    perMinute.recordSend(10_000);
    // The clock went back 5 s: this send is the older of the two, and the minute runs from it.
    perMinute.recordSend(5_000);
    expect(perMinute.delay(10_000)).toBe(5_000 + 60_000 - 10_000);
    expect(perMinute.delay(65_000)).toBe(0);
    // Sent at 20 s, then at 5 s and 10 s by a clock set back: two of the minute's sends are
    // still in it until 70 s, so a third may not go at 65 s.
    const setBack = new Pacer(() => pacing({ perMinute: 2 }));
    for (const at of [20_000, 5_000, 10_000]) setBack.recordSend(at);
    expect(setBack.delay(20_000)).toBe(10_000 + 60_000 - 20_000);
    const perDay = new Pacer(() => pacing({ perDay: 2 }));
    perDay.recordSend(10_000);
    perDay.recordSend(5_000);
    expect(perDay.delay(86_404_999)).toBe(1);
    expect(perDay.delay(86_405_000)).toBe(0);
    // Thousands of sends a day later still count against the cap from the right one.
    const busy = new Pacer(() => pacing({ perDay: 5000 }));
    for (let i = 0; i < 12_000; i++) busy.recordSend(i * 10_000);
    const now = 12_000 * 10_000;
    // The day before `now` holds 8,639 sends; the 5,000th newest was at (12,000 - 5,000) × 10 s.
    expect(busy.delay(now)).toBe(7_000 * 10_000 + 86_400_000 - now);
  });
});
