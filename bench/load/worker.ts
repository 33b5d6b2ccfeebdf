/**
 * The load generator, in its own process so its CPU is not the server's: one autocannon run as
 * described by the JSON spec in the file argv[2] names; prints a LoadResult as JSON on stdout.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { helperThreadsCpuSeconds } from '../lib/proc.js';
import type { LoadResult, LoadSpec } from './spec.js';

const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;

function requestsOf(): autocannon.Request[] | undefined {
  if (spec.requests) {
    let next = 0;
    const list = spec.requests;
    return [
      {
        method: spec.method,
        setupRequest: (request) => {
          const item = list[next++ % list.length]!;
          return { ...request, path: item.path, body: JSON.stringify(item.body) };
        },
      },
    ];
  }
  if (!spec.freshPhones && !spec.uniqueHeader) return undefined;
  const fresh = spec.freshPhones;
  const name = spec.uniqueHeader;
  const body = spec.body as Record<string, unknown>;
  let n = fresh?.start ?? 0;
  // Unique across the warm-up and the measured runs, which are separate autocannon runs.
  const run = `${process.pid}-${Date.now()}`;
  return [
    {
      method: spec.method,
      setupRequest: (request) => {
        const i = n++;
        return {
          ...request,
          ...(fresh
            ? { body: JSON.stringify({ ...body, to: `+1555${String(i % 10_000_000).padStart(7, '0')}` }) }
            : {}),
          ...(name ? { headers: { ...request.headers, [name]: `${run}-${i}` } } : {}),
        };
      },
    },
  ];
}

const requests = requestsOf();
const options = {
  url: spec.url,
  method: spec.method,
  headers: spec.headers,
  body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
  connections: spec.connections,
  timeout: 30,
  ...(requests ? { requests } : {}),
};
/**
 * A process's helper threads busier than this share of a core are still compiling: measured on
 * WAPing's accept path, they ran at 0.35 of a core over the first 4 s of load, 0.08 over the next
 * 2 and 0.01–0.05 after (the garbage collector's concurrent share).
 */
const SETTLED_CORES = 0.15;

/**
 * Load for `seconds`, not counted, and the share of a core the settling process's helper threads
 * used meanwhile.
 */
async function warm(seconds: number): Promise<number> {
  const pid = spec.settle?.pid;
  const before = pid ? helperThreadsCpuSeconds(pid) : 0;
  const startedAt = performance.now();
  await autocannon({ ...options, duration: seconds });
  if (!pid) return 0;
  return (helperThreadsCpuSeconds(pid) - before) / ((performance.now() - startedAt) / 1000);
}

// Warm-up as a run of its own, so the parent can read the server's CPU time between the two.
let warmedSeconds = 0;
if (spec.warmupSeconds) {
  let helperCores = await warm(spec.warmupSeconds);
  warmedSeconds = spec.warmupSeconds;
  while (spec.settle && helperCores > SETTLED_CORES && warmedSeconds < spec.settle.maxSeconds) {
    helperCores = await warm(1);
    warmedSeconds += 1;
  }
}
if (spec.pauseAfterWarmup) {
  process.stdout.write('WARMED\n');
  const lines = createInterface({ input: process.stdin });
  await once(lines, 'line');
  lines.close();
  process.stdin.destroy();
}
process.stdout.write('MEASURING\n');
const startedAt = performance.now();
let lastResponseAt = startedAt;
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    { ...options, ...(spec.requests ? { amount: spec.requests.length } : { duration: spec.seconds }) },
    (err, done) => (err ? reject(err as Error) : resolve(done)),
  );
  instance.on('response', () => {
    lastResponseAt = performance.now();
  });
});
const ok = result['2xx'];
// autocannon reports a run at its next one-second tick, so a fixed list of requests that takes
// 0.3 s counts as 1 s; such a run is timed here, from its start to its last response.
const seconds = spec.requests ? (lastResponseAt - startedAt) / 1000 : result.duration;
const out: LoadResult = {
  connections: spec.connections,
  seconds,
  ok,
  okPerSecond: Math.round(ok / seconds),
  non2xx: result.non2xx,
  errors: result.errors,
  p50Ms: result.latency.p50,
  p90Ms: result.latency.p90,
  p99Ms: result.latency.p99,
  maxMs: result.latency.max,
  warmedSeconds,
};
process.stdout.write(JSON.stringify(out) + '\n');
