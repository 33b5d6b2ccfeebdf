/**
 * `npm run bench`: load and latency numbers for WAPing on this machine, each against a baseline
 * measured in the same run (docs/performance.md). Loopback only; every load is bounded in time.
 * Writes bench/results.json and prints a table. BENCH_SECONDS (default 8) sets each run's length;
 * BENCH_LIST_ROWS (default 1000000) the size of the big message log; BENCH_DATABASE_URL runs on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureHandoff } from './handoff-latency.js';
import { load, type LoadResult } from './http-load.js';
import { seedMessages } from './seed-messages.js';
import { startBenchServer } from './server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const bigRows = Number(process.env.BENCH_LIST_ROWS ?? 1_000_000);
const results: Record<string, unknown> = {
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  dialect: process.env.BENCH_DATABASE_URL ? 'postgres' : 'sqlite',
  seconds,
};

const server = await startBenchServer();
const headers = { authorization: `Bearer ${server.key}` };
const sendBody = JSON.stringify({ to: '+15551234567', type: 'text', text: { body: 'Your code is 123456' } });

const send: Array<{ floor: LoadResult; send: LoadResult; ratio: number }> = [];
for (const connections of [1, 10, 50]) {
  const floor = await load({
    url: `${server.url}/bench/floor`,
    method: 'POST',
    body: sendBody,
    connections,
    seconds,
  });
  const accepted = await load({
    url: `${server.url}/v1/messages`,
    method: 'POST',
    headers,
    body: sendBody,
    connections,
    seconds,
  });
  send.push({
    floor,
    send: accepted,
    ratio: Math.round((accepted.requestsPerSecond / floor.requestsPerSecond) * 100) / 100,
  });
  console.log(
    `send c=${connections}: ${accepted.requestsPerSecond}/s p50 ${accepted.p50Ms} ms p99 ${accepted.p99Ms} ms | floor ${floor.requestsPerSecond}/s p99 ${floor.p99Ms} ms | ratio ${send.at(-1)!.ratio}`,
  );
}
results.send = send;

// Let the dispatcher drain what the load queued, so the latency run sees an idle queue.
for (let i = 0; i < 600; i++) {
  const queued = await server.app.ctx.db
    .selectFrom('messages')
    .select('id')
    .where('status', 'in', ['queued', 'sending'])
    .limit(1)
    .execute();
  if (queued.length === 0) break;
  await new Promise((r) => setTimeout(r, 500));
}
results.handoff = await measureHandoff(server, 300);
console.log(`accept → engine send: ${JSON.stringify(results.handoff)}`);

// The accept path alone: the device is offline, so accepted messages wait in the queue and no
// dispatch, receipt or event work competes with the requests.
server.app.supervisor.hub.disconnect(server.deviceId, { reason: 'bench' });
const queuedBody = JSON.stringify({
  to: '+15551234567',
  type: 'text',
  text: { body: 'Your code is 123456' },
  queueIfDisconnected: true,
});
const acceptOnly: Array<{ send: LoadResult; ratio: number }> = [];
for (const [i, connections] of [1, 10, 50].entries()) {
  const accepted = await load({
    url: `${server.url}/v1/messages`,
    method: 'POST',
    headers,
    body: queuedBody,
    connections,
    seconds,
  });
  acceptOnly.push({
    send: accepted,
    ratio: Math.round((accepted.requestsPerSecond / send[i]!.floor.requestsPerSecond) * 100) / 100,
  });
  console.log(
    `accept only c=${connections}: ${accepted.requestsPerSecond}/s p50 ${accepted.p50Ms} ms p99 ${accepted.p99Ms} ms | ratio to floor ${acceptOnly.at(-1)!.ratio}`,
  );
}
results.acceptOnly = acceptOnly;

const list: Record<string, LoadResult> = {};
const workspace = await server.app.ctx.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
let seeded = await server.app.ctx.db
  .selectFrom('messages')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
for (const rows of [10_000, bigRows]) {
  const have = Number(seeded.n);
  if (rows > have) await seedMessages(server.app.ctx.db, workspace.id, server.deviceId, rows - have);
  seeded = { n: rows };
  list[`${rows}`] = await load({
    url: `${server.url}/v1/messages?limit=20`,
    headers,
    connections: 10,
    seconds,
  });
  const filtered = await load({
    url: `${server.url}/v1/messages?limit=20&to=%2B15550001234`,
    headers,
    connections: 10,
    seconds,
  });
  list[`${rows}-filtered`] = filtered;
  console.log(
    `list at ${rows} rows: p99 ${list[`${rows}`]!.p99Ms} ms (${list[`${rows}`]!.requestsPerSecond}/s); filtered by number p99 ${filtered.p99Ms} ms`,
  );
}
results.list = list;
await server.close();

// Feature benchmarks that run their own servers, when present.
for (const name of ['webhooks', 'verify']) {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${name}.ts`)], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    const line = out
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{'));
    results[name] = line ? JSON.parse(line) : { output: out.slice(-500) };
    console.log(`${name}: ${line}`);
  } catch (err) {
    results[name] = { error: (err as Error).message.slice(0, 300) };
  }
}

writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.table(
  send.map((s) => ({
    connections: s.send.connections,
    'send/s': s.send.requestsPerSecond,
    'send p50': s.send.p50Ms,
    'send p99': s.send.p99Ms,
    'floor/s': s.floor.requestsPerSecond,
    'floor p99': s.floor.p99Ms,
    ratio: s.ratio,
  })),
);
console.log('results written to bench/results.json');
process.exit(0);
