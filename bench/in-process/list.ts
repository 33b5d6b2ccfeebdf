/**
 * `npx tsx bench/in-process/list.ts`: p99 of GET /v1/messages?limit=20 at 10 connections on a
 * message log of 10,000 and BENCH_LIST_ROWS (default 1,000,000) rows. Absolute latencies of one
 * route, not ratios: the server and autocannon share this process, so read them as an upper bound
 * on what the route costs, not as throughput. BENCH_SECONDS (default 8) per run;
 * BENCH_DATABASE_URL runs on PostgreSQL.
 */
import { load } from './http-load.js';
import { seedMessages } from './seed-messages.js';
import { startBenchServer } from './server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const bigRows = Number(process.env.BENCH_LIST_ROWS ?? 1_000_000);

const server = await startBenchServer();
const headers = { authorization: `Bearer ${server.key}` };
const db = server.app.ctx.db;
const workspace = await db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
let seeded = 0;
for (const rows of [10_000, bigRows]) {
  if (rows > seeded) await seedMessages(db, workspace.id, server.deviceId, rows - seeded);
  seeded = rows;
  const page = await load({ url: `${server.url}/v1/messages?limit=20`, headers, connections: 10, seconds });
  const filtered = await load({
    url: `${server.url}/v1/messages?limit=20&to=%2B15550001234`,
    headers,
    connections: 10,
    seconds,
  });
  console.log(
    `list at ${rows} rows: p99 ${page.p99Ms} ms (${page.requestsPerSecond}/s); filtered by number p99 ${filtered.p99Ms} ms`,
  );
}
await server.close();
process.exit(0);
