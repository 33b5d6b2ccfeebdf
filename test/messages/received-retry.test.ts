import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ReceivedRetry } from '../../src/messages/received-retry.js';

const silent = pino({ level: 'silent' });

/** Work that fails `failures` times, then answers `done`. */
function flaky(failures: number) {
  let calls = 0;
  return {
    calls: () => calls,
    work: async () => {
      calls++;
      if (calls <= failures) throw new Error(`refused ${calls}`);
      return 'done';
    },
  };
}

describe('trying what WhatsApp handed over again', () => {
  it('tries again after each delay until the work succeeds', async () => {
    const retry = new ReceivedRetry(silent, [5, 5, 5]);
    const work = flaky(2);
    await expect(retry.run('work', work.work, {})).resolves.toBe('done');
    expect(work.calls()).toBe(3);
  });

  it('gives up with the last error after the last delay', async () => {
    const retry = new ReceivedRetry(silent, [5, 5]);
    const work = flaky(10);
    await expect(retry.run('work', work.work, {})).rejects.toThrow('refused 3');
    expect(work.calls()).toBe(3);
  });

  it('gives up at once when closed, waiting or not', async () => {
    const retry = new ReceivedRetry(silent, [60_000]);
    const waiting = flaky(10);
    const started = Date.now();
    const result = retry.run('work', waiting.work, {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    retry.close();
    await expect(result).rejects.toThrow('refused 1');
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(retry.run('work', flaky(1).work, {})).rejects.toThrow('refused 1');
  });
});
