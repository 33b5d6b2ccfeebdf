/**
 * `npx tsx bench/in-process/message-log-reads.ts`: what the message log's whole-log reads cost on a
 * log of BENCH_LOG_ROWS (default 200,000) messages: a text search that matches nothing (the worst
 * case: it reads every row the other filters select), the count (capped at 10,000) with and
 * without a search, and the CSV export of the whole log (time, size and the server's peak RSS
 * growth). Not measured here: a search narrowed by `since`, which the seed cannot show (its rows
 * are back-dated, but their ids carry the time they were inserted). One request at a time, median
 * of BENCH_REPEAT (default 5); BENCH_DATABASE_URL runs on PostgreSQL. Absolute times, not ratios.
 */
import { seedMessages } from './seed-messages.js';
import { startBenchServer } from './server.js';

const rows = Number(process.env.BENCH_LOG_ROWS ?? 200_000);
const repeat = Number(process.env.BENCH_REPEAT ?? 5);

const server = await startBenchServer();
const headers = { authorization: `Bearer ${server.key}` };
const db = server.app.ctx.db;
const workspace = await db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
await seedMessages(db, workspace.id, server.deviceId, rows);

async function timed(path: string): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers });
    // Read and dropped as it arrives, so the process's memory is the server's, not a copy of the file.
    bytes = 0;
    for await (const chunk of response.body!) bytes += (chunk as Uint8Array).byteLength;
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)]!), bytes };
}

const report = (label: string, r: { ms: number; bytes: number }) =>
  console.log(`${label}: ${r.ms} ms${r.bytes > 10_000 ? ` (${(r.bytes / 1e6).toFixed(1)} MB)` : ''}`);

console.log(`message log of ${rows} rows`);
report('list, text search matching nothing', await timed('/v1/messages?limit=20&q=nowhere'));
report('count, no filter (capped)', await timed('/v1/messages/count'));
report('count, text search matching nothing', await timed('/v1/messages/count?q=nowhere'));
const rssBefore = process.memoryUsage().rss;
report('CSV export of the whole log', await timed('/v1/messages/export.csv'));
console.log(`RSS growth during the exports: ${Math.round((process.memoryUsage().rss - rssBefore) / 1e6)} MB`);
await server.close();
process.exit(0);
