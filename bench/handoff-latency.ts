import { performance } from 'node:perf_hooks';
import { SandboxEngine } from '../src/engines/sandbox/engine.js';
import { dispatchTopic } from '../src/messages/topics.js';
import { waMessageIdFor } from '../src/messages/wa-id.js';
import type { BenchServer } from './server.js';
import { percentile } from './stats.js';

/**
 * Accept → engine send-call latency with pacing off: from the moment an accepted message is
 * committed (the dispatcher wake-up) to the moment the sandbox engine's sendText is called.
 * Messages go one at a time so each measures the idle path, not a queue.
 */
export async function measureHandoff(
  server: BenchServer,
  count: number,
): Promise<{ count: number; p50Ms: number; p99Ms: number }> {
  const accepted = new Map<string, number>();
  const handedOff = new Map<string, number>();
  const unsubscribe = server.app.ctx.bus.subscribe(dispatchTopic(server.deviceId), (id) =>
    accepted.set(waMessageIdFor(String(id)), performance.now()),
  );
  const original = SandboxEngine.prototype.sendText;
  SandboxEngine.prototype.sendText = function (input) {
    handedOff.set(input.waMessageId, performance.now());
    return original.call(this, input);
  };
  try {
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${server.url}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: '+15551230000', type: 'text', text: { body: `latency ${i}` } }),
      });
      const { id } = (await res.json()) as { id: string };
      const wa = waMessageIdFor(id);
      for (let spin = 0; spin < 500 && !handedOff.has(wa); spin++) await new Promise((r) => setTimeout(r, 1));
    }
  } finally {
    SandboxEngine.prototype.sendText = original;
    unsubscribe();
  }
  const samples = [...handedOff].filter(([wa]) => accepted.has(wa)).map(([wa, at]) => at - accepted.get(wa)!);
  return {
    count: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
