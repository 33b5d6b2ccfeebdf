/**
 * `npx tsx bench/in-process/conversations.ts`: p99 of the team inbox's list at 10 connections (BENCH_CONNECTIONS) on
 * BENCH_CONVERSATIONS (default 100,000) conversations, for the filters the dashboard uses. Absolute
 * latencies of one route, not ratios (the server and the load share this process): read them as
 * an upper bound. BENCH_SECONDS (default 5) per run; BENCH_DATABASE_URL runs on PostgreSQL.
 */
import { sql } from 'kysely';
import { inboxFilters, seedInbox } from '../lib/seed-conversations.js';
import { load } from './http-load.js';
import { startBenchServer } from './server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const total = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const server = await startBenchServer();
const headers = { authorization: `Bearer ${server.key}` };
const db = server.app.ctx.db;
const workspace = await db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
const members = await seedInbox(db, server.app.ctx.dialect, workspace.id, server.deviceId, total);
// PostgreSQL plans from statistics that autovacuum gathers some time after a bulk load; without
// them a join of the tag's conversations becomes a nested loop over every conversation.
if (server.app.ctx.dialect === 'postgres') await sql`analyze`.execute(db);

const firstPage = (await (
  await fetch(`${server.url}/v1/conversations?limit=20&status=resolved`, { headers })
).json()) as { nextCursor: string };
const cases = inboxFilters(members, firstPage.nextCursor);
console.log(`${total} conversations, ${connections} connections, ${seconds} s each`);
for (const [name, query] of cases) {
  const result = await load({
    url: `${server.url}/v1/conversations?${query}`,
    headers,
    connections,
    seconds,
  });
  const failed = result.non2xx + result.errors;
  console.log(
    `${name}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (${result.requestsPerSecond}/s)` +
      (failed > 0 ? `, ${result.non2xx} non-2xx and ${result.errors} errors (timeouts)` : ''),
  );
}
await server.close();
process.exit(0);
