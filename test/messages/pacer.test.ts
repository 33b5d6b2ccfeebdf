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
