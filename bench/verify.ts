/**
 * `npx tsx bench/verify.ts`: the verification API on the sandbox engine (pacing off), loopback HTTP.
 * - throughput: verifications created and approved per second (create → code read from the
 *   simulated inbox → check), VERIFY_BENCH_CONCURRENCY (default 10) at a time for
 *   VERIFY_BENCH_COUNT (default 1000) verifications;
 * - hand-off latency: from sending POST /v1/verifications to the sandbox engine's sendText call,
 *   one at a time so each sample is the idle path (VERIFY_BENCH_LATENCY_SAMPLES, default 200).
 * Prints one JSON line. BENCH_DATABASE_URL runs it on PostgreSQL.
 */
import { performance } from 'node:perf_hooks';
import { SandboxEngine } from '../src/engines/sandbox/engine.js';
import { waMessageIdFor } from '../src/messages/wa-id.js';
import { startBenchServer } from './server.js';
import { percentile } from './stats.js';

const count = Number(process.env.VERIFY_BENCH_COUNT ?? 1000);
const concurrency = Number(process.env.VERIFY_BENCH_CONCURRENCY ?? 10);
const latencySamples = Number(process.env.VERIFY_BENCH_LATENCY_SAMPLES ?? 200);

const server = await startBenchServer({
  // The abuse limits would be the thing measured otherwise: every number is fresh and the ceiling is off.
  WAPING_VERIFY_PER_MINUTE: '100000000',
  WAPING_SANDBOX_DELIVERED_MS: '30',
  WAPING_SANDBOX_READ_MS: '60',
});
const headers = { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' };
let nextNumber = 0;
const freshNumber = () => `+1555${String(2_000_000 + nextNumber++).padStart(7, '0')}`;

async function post<T>(path: string, body: object): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function codeFor(to: string): Promise<string> {
  for (let spin = 0; spin < 5000; spin++) {
    const [message] = server.app.supervisor.hub.messages({ to, limit: 1 });
    if (message) return /\d{4,10}/.exec(message.text)?.[0] ?? '';
    await sleep(1);
  }
  throw new Error(`no code reached ${to}`);
}

async function measureHandoff(): Promise<number[]> {
  const handedOff = new Map<string, number>();
  const original = SandboxEngine.prototype.sendText;
  SandboxEngine.prototype.sendText = function (input) {
    handedOff.set(input.waMessageId, performance.now());
    return original.call(this, input);
  };
  const samples: number[] = [];
  try {
    for (let i = 0; i < latencySamples; i++) {
      const started = performance.now();
      const created = await post<{ sendAttempts: Array<{ messageId?: string }> }>('/v1/verifications', {
        to: freshNumber(),
      });
      const wa = waMessageIdFor(created.sendAttempts[0]?.messageId ?? '');
      for (let spin = 0; spin < 2000 && !handedOff.has(wa); spin++) await sleep(1);
      const at = handedOff.get(wa);
      if (at !== undefined) samples.push(at - started);
    }
  } finally {
    SandboxEngine.prototype.sendText = original;
  }
  return samples;
}

async function measureThroughput(): Promise<{ approved: number; seconds: number }> {
  let started = 0;
  let approved = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      const to = freshNumber();
      const { id } = await post<{ id: string }>('/v1/verifications', { to });
      const result = await post<{ status: string }>(`/v1/verifications/${id}/check`, {
        code: await codeFor(to),
      });
      if (result.status === 'approved') approved++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { approved, seconds: (performance.now() - t0) / 1000 };
}

const round = (n: number) => Math.round(n * 100) / 100;
try {
  const handoff = await measureHandoff();
  const throughput = await measureThroughput();
  console.log(
    JSON.stringify({
      bench: 'verify',
      dialect: process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite',
      concurrency,
      verifications: count,
      approved: throughput.approved,
      createdAndCheckedPerSecond: round(throughput.approved / throughput.seconds),
      handoffMs: {
        samples: handoff.length,
        p50: round(percentile(handoff, 50)),
        p95: round(percentile(handoff, 95)),
        p99: round(percentile(handoff, 99)),
        max: round(Math.max(...handoff)),
      },
    }),
  );
} finally {
  await server.close();
}
