import { inParallel } from '../lib/api.js';
import { SEND_BODY } from '../lib/floor-pool.js';
import { linkedServer } from '../lib/linked-server.js';
import { load } from '../lib/load.js';
import type { BenchContext } from '../lib/settings.js';
import { percentile, round, sleep } from '../lib/stats.js';

export interface HandoffResult {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Accept → engine hand-off on an idle queue: one message at a time, pacing off. From the message's
 * createdAt (taken when the request starts being accepted) to the moment the sandbox engine took
 * it (the simulated inbox's timestamp); both come from the server's clock, in milliseconds.
 */
export async function handoffLatency(bench: BenchContext): Promise<HandoffResult> {
  const { settings } = bench;
  const linked = await linkedServer(bench, 'handoff');
  try {
    // Warm the code paths first, then let the queue empty.
    await load({
      url: `${linked.server.url}/v1/messages`,
      method: 'POST',
      headers: linked.server.headers,
      body: SEND_BODY,
      connections: 10,
      seconds: settings.warmupSeconds,
    });
    while ((await linked.observer.queueDepth()) > 0) await sleep(100);
    const sent: Array<{ to: string; createdAt: number }> = [];
    for (let i = 0; i < settings.handoffSamples; i++) {
      const to = `+1555${String(7_000_000 + i).padStart(7, '0')}`;
      const view = await linked.api.ok<{ createdAt: string }>('POST', '/v1/messages', { ...SEND_BODY, to });
      sent.push({ to, createdAt: Date.parse(view.createdAt) });
      // Far apart enough that each finds the dispatcher idle.
      await sleep(25);
    }
    while ((await linked.observer.queueDepth()) > 0) await sleep(100);
    const samples: number[] = [];
    await inParallel(sent, 10, async ({ to, createdAt }) => {
      const inbox = await linked.api.ok<{ data: Array<{ at: string }> }>(
        'GET',
        `/v1/sandbox/messages?to=${encodeURIComponent(to)}&limit=1`,
      );
      const at = inbox.data[0]?.at;
      if (at) samples.push(Date.parse(at) - createdAt);
    });
    const result = {
      samples: samples.length,
      p50Ms: round(percentile(samples, 50), 1),
      p99Ms: round(percentile(samples, 99), 1),
      maxMs: Math.max(...samples),
    };
    bench.log(
      `accept → engine hand-off (idle queue, ${result.samples} messages): p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`,
    );
    return result;
  } finally {
    await linked.close();
  }
}
