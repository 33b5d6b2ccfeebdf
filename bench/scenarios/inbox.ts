import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.js';
import { Api } from '../lib/api.js';
import { scratchDatabase } from '../lib/databases.js';
import { load } from '../lib/load.js';
import { inboxFilters, seedInbox } from '../lib/seed-conversations.js';
import type { BenchContext } from '../lib/settings.js';
import { startWaping } from '../lib/waping-process.js';

export interface InboxFigure {
  filter: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
  serverCpuMsPerOk: number;
}

/**
 * The team inbox's list (`GET /v1/conversations?limit=20`) on a workspace of many conversations
 * (100,000; 20,000 in quick mode), for each filter the dashboard uses, at one connection (what a
 * request costs) and at ten (what queueing on a busy server adds). WAPing runs in its own process
 * as `npm start` runs it; the conversations are written straight into its database first, as the
 * in-process inbox bench does, and their counts folded once.
 */
export async function inboxList(bench: BenchContext): Promise<InboxFigure[]> {
  const { settings } = bench;
  const total = settings.quick ? 20_000 : 100_000;
  const seconds = settings.quick ? 2 : 5;
  const db = await scratchDatabase(bench.dialect, 'inbox');
  const server = await startWaping(db);
  const handle = openDatabase({ databaseUrl: db.url, dataDir: join(db.dir, 'data'), poolSize: 2 });
  try {
    const api = new Api(server.url, server.headers);
    const { id: deviceId } = await api.ok<{ id: string }>('POST', '/v1/devices', { name: 'inbox bench' });
    const workspace = await handle.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const members = await seedInbox(handle.db, handle.dialect, workspace.id, deviceId, total);
    // Statistics autovacuum would gather some time after a bulk load, gathered now.
    if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
    const page = await api.ok<{ nextCursor: string }>('GET', '/v1/conversations?limit=20&status=resolved');
    const figures: InboxFigure[] = [];
    for (const connections of [1, 10]) {
      for (const [filter, query] of inboxFilters(members, page.nextCursor)) {
        const result = await load(
          {
            url: `${server.url}/v1/conversations?${query}`,
            method: 'GET',
            headers: { authorization: server.headers.authorization! },
            connections,
            seconds,
            warmupSeconds: 1,
          },
          server.pid,
        );
        const figure: InboxFigure = {
          filter,
          connections,
          requestsPerSecond: result.okPerSecond,
          p50Ms: result.p50Ms,
          p99Ms: result.p99Ms,
          failed: result.non2xx + result.errors,
          serverCpuMsPerOk: result.serverCpuMsPerOk,
        };
        bench.log(
          `inbox, ${total} conversations, c=${connections}, ${filter}: ${figure.requestsPerSecond}/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, ${figure.serverCpuMsPerOk} ms CPU per answer` +
            (figure.failed > 0 ? `, ${figure.failed} failed` : ''),
        );
        figures.push(figure);
      }
    }
    return figures;
  } finally {
    await handle.destroy();
    await server.stop();
    await db.drop();
  }
}
